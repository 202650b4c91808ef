import { parseArgs } from 'node:util';
import { DEFAULT_TIMEOUT_MS } from '../core/dns/builtin.js';
import { DEFAULT_DEADLINE_MS } from '../core/dns/deadline.js';

export const USAGE = `Usage:
  hoplens analyze [FILE|-] [options]   rebuild the route of a message and check its sender's DNS
  hoplens check-ip IP [options]        reverse DNS (iprev) of one address
  hoplens check-dkim [FILE|-] [options] verify every DKIM signature of a message
  hoplens check-arc [FILE|-] [options]  verify a forwarded message's ARC chain (RFC 8617)
  hoplens check-dmarc DOMAIN [options] the DMARC policy mail from DOMAIN meets (RFC 9989)
  hoplens --help | --version

FILE is a whole message (.eml), a header block, or headers pasted from a webmail's
"show original" view; "-" or no FILE reads standard input.

Options:
  --json              print the full report as JSON (schema version inside)
  --csv hops|checklist  print CSV instead: the hops (one row each, as the extension's CSV), or
                      the providers' checklist (one row per provider and requirement)
  --resolver ID|URL   DoH resolver: cloudflare, google or an https:// URL (http:// only for
                      loopback addresses); only that one is asked. Without it: Cloudflare,
                      with one retry at Google when a query fails. (Quad9 speaks DoH over
                      HTTP/2 only, which Node's fetch cannot; the extension can use it.)
  --no-dns            rebuild the route from the headers alone; nothing leaves this machine
  --timeout MS        per attempt, in milliseconds (default ${DEFAULT_TIMEOUT_MS}); a failed attempt is
                      retried once, so one lookup can take twice this
  --deadline MS       all DNS questions of one command together, in milliseconds (default
                      ${DEFAULT_DEADLINE_MS}); past it the checks still waiting say temperror
  --origin-hop N      treat hop N (1 = oldest, as printed) as the sender
  --embedded N        analyse the Nth message attached as message/rfc822 (1 = first)

check-ip, check-dkim, check-arc and check-dmarc take --json, --resolver, --timeout and --deadline;
analyze takes them all.
`;

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'analyze';
      file: string | null;
      json: boolean;
      /** --csv: which table to print as CSV instead of the text report. */
      csv: CsvTable | null;
      resolver: string | null;
      noDns: boolean;
      timeoutMs: number | null;
      deadlineMs: number | null;
      originHop: number | null;
      embedded: number | null;
    }
  | ({ kind: 'check-ip'; ip: string } & Lookups)
  | ({ kind: 'check-dkim'; file: string | null } & Lookups)
  | ({ kind: 'check-arc'; file: string | null } & Lookups)
  | ({ kind: 'check-dmarc'; domain: string } & Lookups);

/** The tables `analyze --csv` prints: each is one CSV exporter. */
export const CSV_TABLES = ['hops', 'checklist'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** What every command that asks DNS questions reads. */
export interface Lookups {
  json: boolean;
  resolver: string | null;
  timeoutMs: number | null;
  deadlineMs: number | null;
}

/** Thrown for a command line that cannot be run; its message is the one line the user sees. */
export class UsageError extends Error {}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  json: { type: 'boolean' },
  csv: { type: 'string' },
  resolver: { type: 'string' },
  'no-dns': { type: 'boolean' },
  timeout: { type: 'string' },
  deadline: { type: 'string' },
  'origin-hop': { type: 'string' },
  embedded: { type: 'string' },
} as const;

type Option = keyof typeof OPTIONS;

/** What each command reads; any other option is refused rather than silently ignored. */
const LOOKUPS: readonly Option[] = ['json', 'resolver', 'timeout', 'deadline'];
const TAKES = {
  analyze: ['json', 'csv', 'resolver', 'no-dns', 'timeout', 'deadline', 'origin-hop', 'embedded'],
  'check-ip': LOOKUPS,
  'check-dkim': LOOKUPS,
  'check-arc': LOOKUPS,
  'check-dmarc': LOOKUPS,
} as const satisfies Readonly<Record<string, readonly Option[]>>;
type Verb = keyof typeof TAKES;
const isVerb = (word: string | undefined): word is Verb => word !== undefined && Object.hasOwn(TAKES, word);

const HELP_HINT = '(try hoplens --help)';

/** parseArgs' own errors are written for programmers; these are the user's one line. */
function parseOrRefuse(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS, tokens: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) throw new UsageError(`unknown option ${option} ${HELP_HINT}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
      throw new UsageError(
        OPTIONS[option.replace(/^--/, '') as Option]?.type === 'boolean' ? `${option} takes no value ${HELP_HINT}` : `${option} needs a value ${HELP_HINT}`,
      );
    }
    throw new UsageError(`${message} ${HELP_HINT}`);
  }
}

export function parseCommand(argv: string[]): Command {
  const { values, positionals, tokens } = parseOrRefuse(argv);
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [verb, ...rest] = positionals;
  if (isVerb(verb)) {
    const takes: readonly Option[] = TAKES[verb];
    for (const token of tokens) {
      if (token.kind === 'option' && !takes.includes(token.name as Option)) {
        throw new UsageError(`${verb} does not take --${token.name} ${HELP_HINT}`);
      }
    }
  }
  const timeoutMs = values.timeout === undefined ? null : positiveInt('--timeout', values.timeout);
  const resolver = values.resolver ?? null;
  const deadlineMs = values.deadline === undefined ? null : positiveInt('--deadline', values.deadline);
  const lookups: Lookups = { json: values.json ?? false, resolver, timeoutMs, deadlineMs };
  switch (verb) {
    case 'analyze':
      if (rest.length > 1) throw new UsageError(`analyze takes one file, got ${rest.length}`);
      if (values.csv !== undefined && !(CSV_TABLES as readonly string[]).includes(values.csv))
        throw new UsageError(`--csv takes ${CSV_TABLES.join(' or ')}, not ${values.csv} ${HELP_HINT}`);
      if (values.csv !== undefined && values.json) throw new UsageError('--csv and --json contradict each other: choose one output');
      if (values['no-dns'] && resolver) throw new UsageError('--no-dns and --resolver contradict each other');
      if (values['no-dns'] && timeoutMs !== null) throw new UsageError('--no-dns and --timeout contradict each other: no query is sent');
      if (values['no-dns'] && values.deadline !== undefined) throw new UsageError('--no-dns and --deadline contradict each other: no query is sent');
      return {
        kind: 'analyze',
        file: rest[0] === undefined || rest[0] === '-' ? null : rest[0],
        json: values.json ?? false,
        csv: (values.csv as CsvTable | undefined) ?? null,
        resolver,
        noDns: values['no-dns'] ?? false,
        timeoutMs,
        deadlineMs,
        originHop: values['origin-hop'] === undefined ? null : positiveInt('--origin-hop', values['origin-hop']),
        embedded: values.embedded === undefined ? null : positiveInt('--embedded', values.embedded),
      };
    case 'check-ip':
      if (rest.length !== 1) throw new UsageError('check-ip takes exactly one IP address');
      return { kind: 'check-ip', ip: rest[0]!, ...lookups };
    case 'check-dkim':
      if (rest.length > 1) throw new UsageError(`check-dkim takes one file, got ${rest.length}`);
      return { kind: 'check-dkim', file: rest[0] === undefined || rest[0] === '-' ? null : rest[0], ...lookups };
    case 'check-arc':
      if (rest.length > 1) throw new UsageError(`check-arc takes one file, got ${rest.length}`);
      return { kind: 'check-arc', file: rest[0] === undefined || rest[0] === '-' ? null : rest[0], ...lookups };
    case 'check-dmarc':
      if (rest.length !== 1) throw new UsageError('check-dmarc takes exactly one domain');
      return { kind: 'check-dmarc', domain: rest[0]!, ...lookups };
    case undefined:
      return { kind: 'help' };
    default:
      throw new UsageError(`unknown command "${verb}" ${HELP_HINT}`);
  }
}

function positiveInt(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} wants a whole number of 1 or more, not "${text}"`);
  return n;
}
