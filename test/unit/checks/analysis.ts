import type { Check, CheckContext, CheckResult, SenderSoftware } from '../../../src/core/checks/types.js';
import type { Claims } from '../../../src/core/claims/types.js';
import type { Resolver } from '../../../src/core/dns/types.js';
import type { HeaderField, MessageInfo } from '../../../src/core/message/types.js';
import { classifyIp } from '../../../src/core/net/ip.js';
import type { HeaderAnalysis } from '../../../src/core/report/types.js';
import type { ReceivedFields } from '../../../src/core/received/types.js';
import type { Hop } from '../../../src/core/route/types.js';

/** Builders for the header analysis the checks read, so each test states only what matters. */

export function received(fields: Partial<ReceivedFields>): ReceivedFields {
  return {
    raw: '',
    helo: null,
    rdns: null,
    ip: null,
    port: null,
    by: null,
    byIp: null,
    via: null,
    with: null,
    id: null,
    for: null,
    date: null,
    dateRaw: null,
    tls: null,
    envelopeFrom: null,
    authenticatedSender: null,
    software: null,
    dialect: 'generic',
    warnings: [],
    ...fields,
  };
}

/** Hops in travel order (oldest first); headerIndex counts from the top, as in a message. */
export function hops(...fields: Partial<ReceivedFields>[]): Hop[] {
  return fields.map((f, index) => {
    const r = received(f);
    return { index, headerIndex: fields.length - 1 - index, received: r, ipClass: r.ip === null ? null : classifyIp(r.ip), delaySeconds: null, clockIssue: null };
  });
}

export function analysisOf(options: {
  hops: Hop[];
  originIndex?: number | null;
  claims?: Partial<Claims>;
  message?: Partial<MessageInfo>;
  headers?: HeaderField[];
}): HeaderAnalysis {
  const originIndex = options.originIndex === undefined ? 0 : options.originIndex;
  const origin = originIndex === null ? null : options.hops[originIndex]!;
  return {
    message: {
      subject: 'test',
      from: 'alice@example.com',
      fromDisplay: null,
      to: ['bob@example.net'],
      returnPath: 'alice@example.com',
      date: null,
      messageId: null,
      headers: options.headers ?? [],
      headersOnly: true,
      ...options.message,
    },
    route: {
      hops: options.hops,
      totalTransitSeconds: null,
      origin: origin && { hopIndex: origin.index, ip: origin.received.ip!, reasons: ['test'], confidence: 'high' },
      originMissingReason: origin ? null : 'test',
    },
    claims: { authResults: [], receivedSpf: [], ...options.claims },
    embedded: [],
    embeddedIndex: null,
    warnings: [],
  };
}

export function contextOf(
  analysis: HeaderAnalysis,
  resolver: Resolver,
  options: { software?: SenderSoftware | null; earlier?: CheckResult[] } = {},
): CheckContext {
  const origin = analysis.route.origin ? analysis.route.hops[analysis.route.origin.hopIndex]! : null;
  return { analysis, origin, resolver, software: options.software ?? null, earlier: options.earlier ?? [] };
}

export async function collect(check: Check, ctx: CheckContext): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  for await (const r of check.run(ctx)) out.push(r);
  return out;
}
