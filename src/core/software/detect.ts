import { canonicalName } from '../hostnames/canonical.js';
import type { HeaderField } from '../message/types.js';
import type { HeaderAnalysis } from '../header-analysis.js';
import type { Hop } from '../route/types.js';

/** Mail software recognised on the sending side, for advice that names its setting. */
export type SenderSoftware = 'exchange' | 'microsoft365' | 'google-workspace' | 'postfix' | 'exim' | 'sendmail' | 'other';

/**
 * The mail software on the sending side, so that advice can name its setting. Signals, the
 * strongest first: the origin hop's HELO and rDNS (the host that connected), the `by`
 * clause and software of the sending side's own Received headers (nearest the origin first),
 * headers the sender added (below the origin's Received header), the Message-ID's form.
 * Null when nothing says; "other" when the sending MTA names software outside the list.
 */
export function detectSenderSoftware(analysis: HeaderAnalysis, origin: Hop | null): SenderSoftware | null {
  return (
    (origin && fromHostName(origin.received.helo)) ??
    (origin && fromHostName(origin.received.rdns)) ??
    fromSendingHops(analysis.route.hops, origin) ??
    fromHeaders(headersBelow(analysis, origin), origin) ??
    fromMessageId(analysis.message.messageId)
  );
}

function fromHostName(name: string | null): SenderSoftware | null {
  if (name === null) return null;
  const host = canonicalName(name);
  if (/\.(?:prod|protection)\.outlook\.com$/.test(host)) return 'microsoft365';
  if (/^mail-[a-z0-9-]+\.google\.com$/.test(host)) return 'google-workspace';
  return null;
}

function fromSendingHops(hops: readonly Hop[], origin: Hop | null): SenderSoftware | null {
  if (origin === null) return null;
  const sendingSide = hops.filter((h) => h.index < origin.index).sort((a, b) => b.index - a.index);
  for (const hop of sendingSide) {
    const found = fromSendingHop(hop);
    if (found) return found;
  }
  return null;
}

function fromSendingHop(hop: Hop): SenderSoftware | null {
  const r = hop.received;
  const by = r.by === null ? '' : canonicalName(r.by);
  if (/\.outlook\.com$/.test(by)) return 'microsoft365';
  if (/(?:^|\.)(?:google|gmail)\.com$/.test(by)) return 'google-workspace';
  const words = `${r.software ?? ''} ${r.with ?? ''} ${r.dialect}`.toLowerCase();
  if (/microsoft smtp ?svc|microsoft smtp server|\bexchange\b/.test(words)) return 'exchange';
  if (/\bpostfix\b/.test(words)) return 'postfix';
  if (/\bexim\b/.test(words)) return 'exim';
  if (/\bsendmail\b/.test(words)) return 'sendmail';
  return r.software !== null ? 'other' : null;
}

/** Headers the sending side wrote: those below the origin's Received header. */
function headersBelow(analysis: HeaderAnalysis, origin: Hop | null): HeaderField[] {
  const headers = analysis.message.headers;
  if (origin === null) return headers;
  let received = -1;
  const at = headers.findIndex((h) => h.name.toLowerCase() === 'received' && ++received === origin.receivedIndex);
  return at < 0 ? [] : headers.slice(at + 1);
}

/**
 * Microsoft and Google stamp their X- headers on mail they receive as well as on mail they
 * send, so those headers say nothing about the sender when the receiving side is theirs.
 */
function fromHeaders(headers: readonly HeaderField[], origin: Hop | null): SenderSoftware | null {
  const receiver = origin?.received.by?.toLowerCase() ?? '';
  const receiverIsMicrosoft = /\.outlook\.com\.?$/.test(receiver);
  const receiverIsGoogle = /(?:^|\.)google\.com\.?$/.test(receiver);
  const has = (test: (name: string, value: string) => boolean) => headers.some((h) => test(h.name.toLowerCase(), h.value));
  if (!receiverIsMicrosoft && has((n) => n.startsWith('x-ms-exchange-crosstenant-') || n === 'x-ms-exchange-transport-crosstenantheadersstamped')) {
    return 'microsoft365';
  }
  if (!receiverIsGoogle && has((n) => n === 'x-google-smtp-source' || n === 'x-gm-message-state' || n === 'x-google-dkim-signature')) {
    return 'google-workspace';
  }
  if (
    !receiverIsMicrosoft &&
    has(
      (n, v) =>
        n.startsWith('x-ms-exchange-organization-') ||
        n === 'x-ms-has-attach' ||
        n === 'x-ms-tnef-correlator' ||
        ((n === 'x-mimeole' || n === 'x-mailer') && /microsoft exchange/i.test(v)),
    )
  ) {
    return 'exchange';
  }
  return null;
}

/** The forms MTAs give the Message-IDs they generate themselves. */
function fromMessageId(messageId: string | null): SenderSoftware | null {
  if (messageId === null) return null;
  const id = messageId.replace(/^<|>$/g, '');
  const at = id.lastIndexOf('@');
  if (at < 0) return null;
  const local = id.slice(0, at);
  const domain = id.slice(at + 1).toLowerCase();
  if (/\.outlook\.com$/.test(domain)) return 'microsoft365';
  if (domain === 'mail.gmail.com') return 'google-workspace';
  if (/^\d{14}\.[0-9A-Za-z]{6,}$/.test(local)) return 'postfix';
  if (/^E1[0-9A-Za-z]{5,6}-[0-9A-Za-z]{6,7}-[0-9A-Za-z]{2,4}$/.test(local)) return 'exim';
  if (/^\d{12}\.[0-9A-Za-z]{12,16}$/.test(local)) return 'sendmail';
  if (/^[0-9A-F]{32,}$/.test(local)) return 'exchange';
  return null;
}
