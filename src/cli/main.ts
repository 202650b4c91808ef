import { readFile, stat } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { analyze } from '../core/analyze.js';
import { checkIprev } from '../core/checks/iprev.js';
import { whyNotChecked } from '../core/checks/unchecked-ip.js';
import { BUILTIN_RESOLVERS, DEFAULT_RESOLVER_ID, resolveResolverUrl } from '../core/dns/builtin.js';
import { dohResolver } from '../core/dns/doh.js';
import type { Resolver } from '../core/dns/types.js';
import { assertInputSize } from '../core/message/index.js';
import { InputError } from '../core/message/types.js';
import { classifyIp, isCheckable, normalizeIp } from '../core/net/ip.js';
import { VERSION } from '../core/version.js';
import { parseCommand, USAGE, UsageError, type Command } from './args.js';
import { formatReport } from './format-text.js';
import { progressLine } from './progress.js';

async function main(argv: string[]): Promise<number> {
  const command = parseCommand(argv);
  switch (command.kind) {
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case 'version':
      process.stdout.write(`hoplens ${VERSION}\n`);
      return 0;
    case 'analyze':
      return runAnalyze(command);
    case 'check-ip':
      return runCheckIp(command);
  }
}

async function runAnalyze(command: Extract<Command, { kind: 'analyze' }>): Promise<number> {
  const raw = await readInput(command.file);
  const resolver = command.noDns ? null : makeResolver(command.resolver, command.timeoutMs);
  const progress = resolver ? progressLine(process.stderr) : null;
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  try {
    const report = await analyze(raw, {
      resolver,
      signal: controller.signal,
      originHop: command.originHop === null ? undefined : command.originHop - 1,
      embedded: command.embedded === null ? undefined : command.embedded - 1,
      onProgress: (event) => {
        if (event.type === 'dns') progress?.update(`looking up: ${event.answered} answered, ${event.pending} waiting`);
      },
    });
    progress?.done(`${report.dns.queriesSent} DNS queries sent for ${report.dns.distinctQuestions} distinct questions`);
    process.stdout.write(command.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
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
  const result = await checkIprev(ip, makeResolver(command.resolver, command.timeoutMs));
  if (command.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } else {
    process.stdout.write(`iprev ${result.result}: ${result.reason}\n`);
    if (result.ptrNames.length) process.stdout.write(`PTR names: ${result.ptrNames.join(', ')}\n`);
    for (const f of result.forward) process.stdout.write(`  ${f.name} → ${f.addresses.join(', ') || '(no address)'}\n`);
  }
  return result.result === 'pass' ? 0 : 1;
}

function makeResolver(choice: string | null, timeoutMs: number | null): Resolver {
  const builtin = BUILTIN_RESOLVERS.find((r) => r.id === choice?.trim().toLowerCase());
  if (builtin?.http2Only) {
    throw new UsageError(`${builtin.label} serves DNS-over-HTTPS over HTTP/2 only, which Node's fetch cannot speak; use it in the extension, or pick another resolver here`);
  }
  try {
    return dohResolver(resolveResolverUrl(choice ?? DEFAULT_RESOLVER_ID), timeoutMs === null ? {} : { timeoutMs });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function readInput(file: string | null): Promise<Uint8Array> {
  if (file === null) {
    if (process.stdin.isTTY) process.stderr.write('Paste the headers, then press Ctrl-D.\n');
    return new TextEncoder().encode(await text(process.stdin));
  }
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  assertInputSize(size);
  return new Uint8Array(await readFile(file));
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof InputError) {
      process.stderr.write(`hoplens: ${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof Error && error.name === 'AbortError') {
      process.stderr.write('hoplens: cancelled\n');
      process.exit(130);
    }
    process.stderr.write(`hoplens: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
