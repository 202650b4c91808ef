import { phrase, type Phrase } from '../text/phrase.js';

interface Placed {
  check: string;
  hopIndex: number | null;
  details: object;
}

/**
 * Whom a result is about, said after its subject: "MX lists.example.org (Return-Path)" and "MX
 * example.org (From:)" answer two different questions, and "203.0.113.25 (sender)" is not
 * "(hop 3)". Read from the role a domain check's details name, else from the result's hop; a
 * result that carries neither (from another version, about the whole message) has none.
 */
export function subjectRole(result: Placed, originHop: number | null): Phrase | null {
  const details = result.details as { roles?: unknown; identity?: unknown; helo?: unknown; authorDomain?: unknown };
  if (result.check === 'mx' && Array.isArray(details.roles)) {
    const bounces = details.roles.includes('envelope-from');
    const replies = details.roles.includes('from');
    if (bounces && replies) return phrase('role_return_path_from', 'Return-Path and From:');
    if (bounces) return phrase('role_return_path', 'Return-Path');
    if (replies) return phrase('role_from', 'From:');
  }
  if (result.check === 'spf' && details.identity === 'mailfrom') return phrase('role_return_path', 'Return-Path');
  if (result.check === 'spf' && details.identity === 'helo') return phrase('role_helo_identity', 'HELO, for the null sender');
  // DMARC is about the author's domain, the one in From: (RFC 9989).
  if (result.check === 'dmarc' && typeof details.authorDomain === 'string') return phrase('role_from', 'From:');
  if (result.check === 'helo' && typeof details.helo === 'string') return phrase('role_helo', "the sender's HELO");
  if (result.hopIndex === null) return null;
  return result.hopIndex === originHop ? phrase('role_sender', 'sender') : phrase('role_hop', `hop ${result.hopIndex + 1}`, [result.hopIndex + 1]);
}
