import type { HeaderAnalysis } from '../../../src/core/header-analysis.js';
import type { AnyCheck, AnyVerdict, Check, CheckContext, ResultOf } from '../../../src/core/checks/types.js';
import type { Claims } from '../../../src/core/claims/types.js';
import type { Resolver } from '../../../src/core/dns/types.js';
import type { HeaderField, MessageInfo } from '../../../src/core/message/types.js';
import type { Hop } from '../../../src/core/route/types.js';
import type { SenderSoftware } from '../../../src/core/software/detect.js';
import { hops, received } from '../../support/builders.js';

/** Builders for the header analysis the checks read, so each test states only what matters. */

export { hops, received };

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
      dateRaw: null,
      messageId: null,
      headers: options.headers ?? [],
      headersOnly: true,
      ...options.message,
    },
    route: {
      hops: options.hops,
      totalTransitSeconds: null,
      origin: origin && { hopIndex: origin.index, ip: origin.received.ip!, reasons: [{ kind: 'entered', text: 'test' }], confidence: 'high' },
      originMissingReason: origin ? null : 'test',
      originalSender: null,
      recipient: null,
      replay: null,
    },
    claims: { authResults: [], receivedSpf: [], arc: { sets: [], structure: 'none', problem: null }, ...options.claims },
    embedded: [],
    embeddedIndex: null,
    warnings: [],
  };
}

/** A context for a check; `earlier` is typed as the results of the checks it runs after. */
export function contextOf<After extends readonly AnyCheck[] = readonly AnyCheck[]>(
  analysis: HeaderAnalysis,
  resolver: Resolver,
  options: { software?: SenderSoftware | null; earlier?: readonly ResultOf<After[number]>[] } = {},
): CheckContext<After> {
  const origin = analysis.route.origin ? analysis.route.hops[analysis.route.origin.hopIndex]! : null;
  return { analysis, origin, resolver, software: options.software ?? null, earlier: options.earlier ?? [] };
}

export async function collect<Name extends string, Result extends AnyVerdict, After extends readonly AnyCheck[]>(
  check: Check<Name, Result, After>,
  ctx: CheckContext<After>,
): Promise<Result[]> {
  const out: Result[] = [];
  for await (const r of check.run(ctx)) out.push(r);
  return out;
}
