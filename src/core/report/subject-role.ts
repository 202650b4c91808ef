import { secondOrigin } from '../route/second-origin.js';
import type { Route } from '../route/types.js';
import { phrase, type Phrase } from '../text/phrase.js';

/** The hops a role is told by: the sender's, and a forward's original sender's (null when none). */
export interface RoleHops {
  sender: number | null;
  original: number | null;
}

export function roleHopsOf(route: Pick<Route, 'origin' | 'originalSender'>): RoleHops {
  return { sender: route.origin?.hopIndex ?? null, original: secondOrigin(route)?.hopIndex ?? null };
}

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
export function subjectRole(result: Placed, hops: RoleHops): Phrase | null {
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
  const original = result.hopIndex !== null && result.hopIndex === hops.original;
  if (result.check === 'helo' && typeof details.helo === 'string') {
    return original ? phrase('role_original_helo', "the original sender's HELO") : phrase('role_helo', "the sender's HELO");
  }
  if (result.hopIndex === null) return null;
  if (result.hopIndex === hops.sender) return phrase('role_sender', 'sender');
  if (original) return phrase('role_original_sender', 'original sender');
  return phrase('role_hop', `hop ${result.hopIndex + 1}`, [result.hopIndex + 1]);
}
