import type { Hop } from '../route/types.js';
import type { SenderSoftware } from '../software/detect.js';
import type { CheckContext } from './types.js';

/**
 * Whom a hop's results are about: the hop the final receiver checked (the route's origin or the
 * user's choice), or, for a forward or a list, the original sender's hop into the first receiver.
 */
export type SenderRole = 'sender' | 'original-sender';

/** A hop the sender checks (HELO, SPF, MX, iprev's words) run on, with the software that sent from it. */
export interface SenderHop {
  hop: Hop;
  role: SenderRole;
  software: SenderSoftware | null;
}

/** The chosen sender's hop first, then a forward's original sender, each as the context names them. */
export function senderHops(ctx: Pick<CheckContext, 'origin' | 'originalSender' | 'software'>): SenderHop[] {
  const out: SenderHop[] = [];
  if (ctx.origin) out.push({ hop: ctx.origin, role: 'sender', software: ctx.software });
  const first = ctx.originalSender;
  if (first && first.hop !== ctx.origin) out.push({ hop: first.hop, role: 'original-sender', software: first.software });
  return out;
}

/** "Original sender, hop 1: …": a summary about the original sender says so; the sender's (and another hop's, null) stays as it is. */
export function labelled(role: SenderRole | null, hop: Hop, summary: string): string {
  return role === 'original-sender' ? `Original sender, hop ${hop.index + 1}: ${summary}` : summary;
}

/** The sentence each result about the original sender carries, so that no one reads it as what the final receiver checked. */
export function originalSenderNote(hop: Hop): string {
  return `This is the original sender's hop (hop ${hop.index + 1}) into the first receiver, before the message was forwarded or sent on by a list: the final receiver checked the forwarder's hop, not this one, so this result is for whoever runs the original sending server.`;
}
