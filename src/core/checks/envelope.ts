import { srsOriginal } from '../hostnames/srs.js';
import { identityDomain } from '../hostnames/identity-domain.js';
import { addressDomain, sideOf } from '../route/domains.js';
import { clientName } from '../route/hop-names.js';
import type { Hop } from '../route/types.js';
import type { CheckContext } from './types.js';

/** The envelope sender (MAIL FROM) a sender hop sent with, and where it was read. */
export interface Envelope {
  /** The address, or a bare domain when only the From: domain stands in; "" is the null sender. */
  mailFrom: string;
  /** Why this identity, when it is not simply the recorded envelope sender; null otherwise. */
  note: string | null;
  /**
   * Where it was read: Return-Path (the final receiver's, or the original inside its SRS form), a
   * Received header, or the From: domain, only a stand-in and not an envelope sender (DMARC does
   * not align it).
   */
  source: 'return-path' | 'received' | 'from-header';
}

const unbracket = (path: string): string => path.trim().replace(/^<(.*)>$/, '$1');

/**
 * The envelope sender a hop's client sent with. For the hop the final receiver saw: Return-Path,
 * what the final receiver recorded ("" for <>); without it, the hop's Received envelope-from;
 * failing that, the From: domain, only a stand-in. For a forward's original sender (whether it is
 * checked beside the sender or chosen as the sender): what the first receiver recorded in its
 * Received header, else the original address inside an SRS Return-Path, else Return-Path when no
 * server after the first receiver's owns its domain (the forwarder kept it), else the From: domain.
 */
export function envelopeOf(ctx: Pick<CheckContext, 'analysis'>, hop: Hop): Envelope | null {
  const { route, message } = ctx.analysis;
  const returnPath = message.returnPath;
  const recorded = hop.received.envelopeFrom;
  if (route.originalSender?.hopIndex !== hop.index) {
    if (returnPath !== null) return { mailFrom: returnPath, note: null, source: 'return-path' };
    if (recorded !== null)
      return {
        mailFrom: unbracket(recorded),
        note: "There is no Return-Path header; the envelope sender comes from the origin hop's Received header.",
        source: 'received',
      };
    return fromDomain(ctx, 'There is no Return-Path header and no envelope sender in the Received headers');
  }
  if (recorded !== null)
    return { mailFrom: unbracket(recorded), note: "The original envelope sender comes from the first receiver's Received header.", source: 'received' };
  if (returnPath === null || returnPath === '') return fromDomain(ctx, 'The first receiver recorded no envelope sender');
  const original = srsOriginal(returnPath);
  if (original !== null)
    return {
      mailFrom: original,
      note: `Return-Path ${returnPath} is the forwarder's SRS rewrite, which keeps the original envelope sender ${original}: that is checked.`,
      source: 'return-path',
    };
  if (passedOnBy(route.hops, hop, addressDomain(returnPath)))
    return fromDomain(ctx, `Return-Path ${returnPath} is the forwarder's or list's own address, which replaced the original envelope sender`);
  return { mailFrom: returnPath, note: 'The forwarder kept the original envelope sender (Return-Path).', source: 'return-path' };
}

/** Whether a domain is the organisation of a server the message passed from the first receiver on: the forwarder's, the list's. */
function passedOnBy(hops: readonly Hop[], first: Hop, domain: string | null): boolean {
  const side = sideOf(domain);
  if (side === null) return false;
  for (let i = first.index; i < hops.length; i++) {
    const hop = hops[i]!;
    if (sideOf(hop.received.by) === side || (i > first.index && sideOf(clientName(hop)) === side)) return true;
  }
  return false;
}

function fromDomain(ctx: Pick<CheckContext, 'analysis'>, why: string): Envelope | null {
  const domain = identityDomain(ctx.analysis.message.from);
  if (domain === null) return null;
  return {
    mailFrom: domain,
    note: `${why}, so the From: domain ${domain} is checked instead. It is not the envelope sender that SPF checked at delivery, which may differ.`,
    source: 'from-header',
  };
}
