import { resolveResolverUrl } from '../core/dns/builtin.js';
import { dohResolver } from '../core/dns/doh.js';
import { evidenceOf } from '../core/dns/evidence.js';
import { evidenceEntry, evidenceText } from '../core/report/evidence-lines.js';
import type { ResolverTestReply } from '../worker-protocol.js';

/**
 * The one question "Test this resolver" asks: the SOA of example.com, a name every resolver can
 * answer (RFC 2606 reserves it) and which says nothing about the user's mail.
 */
export const TEST_QUESTION = { name: 'example.com', type: 'SOA' } as const;

/**
 * Asks a resolver one question with a resolver of its own (no cache shared with the analyses,
 * so the answer is fresh) and gives the answer as the report's evidence shows it, or the error.
 */
export async function testResolver(url: string, timeoutMs: number): Promise<ResolverTestReply> {
  try {
    const resolver = dohResolver(resolveResolverUrl(url), { timeoutMs });
    const answer = await resolver.query(TEST_QUESTION.name, TEST_QUESTION.type);
    return { ok: true, lines: evidenceText(evidenceEntry(evidenceOf(answer))) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
