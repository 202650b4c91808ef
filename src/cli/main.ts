import { setMaxListeners } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import { analyze } from '../core/analyze.js';
import { verifyArc } from '../core/arc/index.js';
import { arcResults } from '../core/checks/arc.js';
import { dkimResults } from '../core/checks/dkim.js';
import { checkIprev } from '../core/checks/iprev/evaluate.js';
import { whyNotChecked } from '../core/net/class-words.js';
import { BUILTIN_RESOLVERS, DEFAULT_RESOLVER_ID, resolveResolverUrl } from '../core/dns/builtin.js';
import { DEFAULT_DEADLINE_MS, deadlineResolver } from '../core/dns/deadline.js';
import { dohResolver } from '../core/dns/doh.js';
import type { Resolver } from '../core/dns/types.js';
import type { CheckResult } from '../core/checks/index.js';
import { assertInputSize, MAX_INPUT_SIZE } from '../core/message/index.js';
import { InputError } from '../core/message/types.js';
import { classifyIp, isCheckable, normalizeIp } from '../core/net/ip.js';
import { renderChecklistCsv } from '../core/report/exporters/checklist-csv.js';
import { renderCsv } from '../core/report/exporters/csv.js';
import { renderJson } from '../core/report/exporters/json.js';
import { evidenceEntry, evidenceText } from '../core/report/evidence-lines.js';
import { inertJson, visible } from '../core/text/inert.js';
import { countOf } from '../core/text/plural.js';
import { verifyDkim } from '../core/dkim/index.js';
import { checkDmarc } from '../core/dmarc/index.js';
import { VERSION } from '../core/version.js';
import { type Command, type Lookups, parseCommand, USAGE, UsageError } from './args.js';
import { formatCheck, formatDmarcDomain, formatReport } from './format-text.js';
import { progressLine } from './progress.js';

async function main(argv: string[]): Promise<number> {
  const command = parseCommand(argv);
  switch (command.kind) {
    case 'help':
      await print(USAGE);
      return 0;
    case 'version':
      await print(`hoplens ${VERSION}\n`);
      return 0;
    case 'analyze':
      return runAnalyze(command);
    case 'check-ip':
      return runCheckIp(command);
    case 'check-dkim':
      return runCheckDkim(command);
    case 'check-arc':
      return runCheckArc(command);
    case 'check-dmarc':
      return runCheckDmarc(command);
  }
}

async function runAnalyze(command: Extract<Command, { kind: 'analyze' }>): Promise<number> {
  const raw = await readInput(command.file);
  const resolver = command.noDns ? null : makeResolver(command.resolver, command.timeoutMs);
  const progress = resolver ? progressLine(process.stderr) : null;
  try {
    const report = await analyze(raw, {
      resolver,
      signal: cancelOnInterrupt(),
      ...(command.deadlineMs === null ? {} : { deadlineMs: command.deadlineMs }),
      originHop: command.originHop === null ? undefined : command.originHop - 1,
      embedded: command.embedded === null ? undefined : command.embedded - 1,
      onProgress: (event) => {
        if (event.type === 'dns') progress?.update(`looking up: ${event.answered} of ${event.asked} answered, ${event.pending} waiting`);
      },
    }).catch((error: unknown) => {
      // analyze counts hops from 0 and throws RangeError for a hop that cannot be the sender.
      if (!(error instanceof RangeError) || command.originHop === null) throw error;
      throw new UsageError(
        `--origin-hop ${command.originHop} names no hop with a client IP address (hops count from 1, oldest first, as printed without --origin-hop)`,
      );
    });
    progress?.done(
      `${countOf(report.dns.queriesSent, 'DNS query', 'DNS queries')} sent for ${countOf(report.dns.distinctQuestions, 'distinct question', 'distinct questions')}`,
    );
    const csv = { hops: renderCsv, checklist: renderChecklistCsv } as const;
    await print(command.csv ? csv[command.csv](report) : command.json ? renderJson(report) : formatReport(report));
    return 0;
  } finally {
    progress?.clear();
  }
}

async function runCheckIp(command: Extract<Command, { kind: 'check-ip' }>): Promise<number> {
  const ip = normalizeIp(command.ip);
  if (ip === null) throw new UsageError(`"${command.ip}" is not an IP address`);
  const cls = classifyIp(ip);
  if (!isCheckable(cls)) throw new UsageError(whyNotChecked(ip, cls));
  const signal = cancelOnInterrupt();
  const result = await checkIprev(ip, checkResolver(command), { signal });
  signal.throwIfAborted();
  if (command.json) {
    await print(`${inertJson(JSON.stringify(result, null, 2))}\n`);
  } else {
    const lines = [`iprev ${result.result}: ${result.reason}`];
    if (result.ptrNames.length) lines.push(`PTR names: ${result.ptrNames.join(', ')}`);
    for (const f of result.forward) lines.push(`  ${f.name} → ${f.addresses.join(', ') || '(no address)'}`);
    // PTR and forward names come from whoever runs the reverse zone: no escape sequence of theirs reaches the terminal.
    await print(`${lines.map(visible).join('\n')}\n`);
  }
  return result.result === 'pass' ? 0 : 1;
}

/** Exit code 0 when every signature passes, 1 otherwise (none, fail, an error), as check-ip does. */
async function runCheckDkim(command: Extract<Command, { kind: 'check-dkim' }>): Promise<number> {
  const raw = await readInput(command.file);
  const signal = cancelOnInterrupt();
  const verification = await verifyDkim(raw, { resolver: checkResolver(command), signal });
  signal.throwIfAborted();
  const results = dkimResults(verification);
  if (command.json) {
    await print(`${inertJson(JSON.stringify(verification, null, 2))}\n`);
  } else {
    const lines = results.flatMap(withEvidence);
    if (!verification.exactBytes) lines.push('(read as text, not as the bytes that arrived: spaces, line ends or 8-bit characters may differ)');
    await print(lines.map(visible).join('\n') + '\n');
  }
  return verification.signatures.length > 0 && verification.signatures.every((s) => s.result === 'pass') ? 0 : 1;
}

/** A one-question command shows every fact of a result, and each lookup behind it. */
function withEvidence(r: CheckResult): string[] {
  return [...formatCheck(r, true), ...r.evidence.flatMap((e) => evidenceText(evidenceEntry(e))).map((line) => `${' '.repeat(30)}${line}`)];
}

/**
 * Exit code 0 when the chain passes, 1 otherwise (none, fail, neutral, temperror): what a
 * receiver may rely on for a forward is a passing chain only (RFC 8617 §7.2).
 */
async function runCheckArc(command: Extract<Command, { kind: 'check-arc' }>): Promise<number> {
  const raw = await readInput(command.file);
  const signal = cancelOnInterrupt();
  const verification = await verifyArc(raw, { resolver: checkResolver(command), signal });
  signal.throwIfAborted();
  if (command.json) {
    await print(`${inertJson(JSON.stringify(verification, null, 2))}\n`);
  } else {
    const results = arcResults(verification);
    const lines =
      results.length > 0
        ? results.flatMap(withEvidence)
        : ['  NONE           arc          this message has no ARC header fields: no intermediary sealed it (ARC exists only on forwarded mail)'];
    if (!verification.exactBytes) lines.push('(read as text, not as the bytes that arrived: spaces, line ends or 8-bit characters may differ)');
    await print(lines.map(visible).join('\n') + '\n');
  }
  return verification.result === 'pass' ? 0 : 1;
}

/** Exit code 0 when a usable DMARC record applies to the domain, 1 otherwise (none, an error). */
async function runCheckDmarc(command: Extract<Command, { kind: 'check-dmarc' }>): Promise<number> {
  const signal = cancelOnInterrupt();
  const resolver = checkResolver(command);
  const result = await checkDmarc(command.domain, resolver, { signal });
  signal.throwIfAborted();
  if (result.discovery === null) throw new UsageError(result.problem ?? `"${command.domain}" is not a domain name`);
  if (command.json) await print(`${inertJson(JSON.stringify(result, null, 2))}\n`);
  else await print(formatDmarcDomain(result, resolver.label));
  return result.discovery.outcome === 'found' ? 0 : 1;
}

/**
 * The one-question commands get the analysis' time budget too: a resolver that answers just
 * under the timeout would otherwise keep a DMARC tree walk or a reverse zone's owner search
 * going for minutes.
 */
function checkResolver(command: Lookups): Resolver {
  const ms = command.deadlineMs ?? DEFAULT_DEADLINE_MS;
  return deadlineResolver(makeResolver(command.resolver, command.timeoutMs), AbortSignal.timeout(ms), ms);
}

/** Cloudflare first (see DEFAULT_RESOLVER_ID), Google for the one retry: both speak HTTP/1.1 to Node. */
const DEFAULT_CLI_RESOLVERS = [DEFAULT_RESOLVER_ID, 'google'] as const;

function makeResolver(choice: string | null, timeoutMs: number | null): Resolver {
  const builtin = BUILTIN_RESOLVERS.find((r) => r.id === choice?.trim().toLowerCase());
  if (choice !== null && !builtin && !choice.includes(':')) {
    // Only the resolvers this command can use: Quad9 is in the core's list, but not for Node.
    const usable = BUILTIN_RESOLVERS.filter((r) => !r.http2Only).map((r) => r.id);
    throw new UsageError(`unknown resolver "${choice}": use ${usable.join(' or ')}, or a DoH URL such as https://dns.example/dns-query (try hoplens --help)`);
  }
  if (builtin?.http2Only) {
    throw new UsageError(
      `${builtin.label} serves DNS-over-HTTPS over HTTP/2 only, which Node's fetch cannot speak; use it in the extension, or pick another resolver here`,
    );
  }
  // With no choice made, a failed query is retried once at the second default; a chosen
  // resolver is the only one asked, so nothing goes where the user did not say.
  try {
    const urls = choice === null ? DEFAULT_CLI_RESOLVERS.map(resolveResolverUrl) : [resolveResolverUrl(choice)];
    return dohResolver(urls, timeoutMs === null ? {} : { timeoutMs });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Ctrl-C cancels the lookups in flight and ends with exit code 130; a second Ctrl-C kills at once. */
function cancelOnInterrupt(): AbortSignal {
  const controller = new AbortController();
  // Every lookup in flight listens to this one signal; Node would warn past ten of them.
  setMaxListeners(0, controller.signal);
  process.once('SIGINT', () => controller.abort());
  return controller.signal;
}

/**
 * Resolves once stdout has taken the text: a pipe holds 64 KiB, and process.exit() would cut
 * off the rest. A reader that went away (`| head`) is no error: the rest is simply not wanted.
 */
function print(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(text, () => resolve()));
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

/** What a failed open or read means, in words; the code stays for a search. */
const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'that is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
  EMFILE: 'too many files open',
};

/**
 * Standard input as bytes, the same path as a file (DKIM hashes the message as it arrived, 8-bit
 * header bytes included), refused as soon as it passes the input limit rather than after
 * holding all of it.
 */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_INPUT_SIZE) {
      process.stdin.destroy();
      assertInputSize(size, true);
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

async function readInput(file: string | null): Promise<Uint8Array> {
  if (file === null) {
    if (process.stdin.isTTY) process.stderr.write('Paste the headers, then press Ctrl-D.\n');
    return readStdin();
  }
  const cannotRead = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    const words = code === undefined ? (error as Error).message : FILE_ERRORS[code] ? `${FILE_ERRORS[code]} (${code})` : code;
    return new UsageError(`cannot read ${file}: ${words}`);
  };
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    throw cannotRead(error);
  }
  assertInputSize(size);
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    throw cannotRead(error);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof InputError) {
      process.stderr.write(`hoplens: ${visible(error.message)}\n`);
      process.exit(2);
    }
    if (error instanceof Error && error.name === 'AbortError') {
      process.stderr.write('hoplens: cancelled\n');
      process.exit(130);
    }
    process.stderr.write(`hoplens: unexpected error: ${visible(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    process.exit(1);
  },
);
