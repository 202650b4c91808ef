import { parseClaims } from './claims/index.js';
import { readMessage } from './message/index.js';
import type { ReadOptions } from './message/index.js';
import { InputError } from './message/types.js';
import type { MessageBytes, MessageInfo } from './message/types.js';
import type { HeaderAnalysis } from './header-analysis.js';
import { parseReceived } from './received/index.js';
import { buildRoute } from './route/index.js';
import { routeWarnings } from './route/warnings.js';
import { warning } from './text/warning.js';

/**
 * Everything the headers alone say: the message, its route with the origin hop, and what the
 * receiving servers recorded. Throws InputError when the input cannot be read or has no route.
 */
export async function analyzeHeaders(raw: string | Uint8Array, options: ReadOptions = {}): Promise<HeaderAnalysis> {
  return (await readHeaders(raw, options)).analysis;
}

/** The header analysis and the message's bytes, which DKIM hashes and the report never holds. */
export async function readHeaders(raw: string | Uint8Array, options: ReadOptions = {}): Promise<{ analysis: HeaderAnalysis; bytes: MessageBytes }> {
  const { info, embedded, embeddedIndex, messagesInInput, bytes } = await readMessage(raw, options);
  const received = info.headers.filter((h) => h.name.toLowerCase() === 'received');
  if (received.length === 0) {
    const attached =
      embeddedIndex === null && embedded.length > 0
        ? ` It carries ${embedded.length === 1 ? 'an attached message' : `${embedded.length} attached messages`}: analyse ${embedded.length === 1 ? 'that one' : 'one of those'} instead.`
        : '';
    throw new InputError(
      'no-received',
      `This message has no Received headers, so no server has recorded handling it and there is no route to rebuild. That is what a draft, a copy from Sent Items, or headers cut off when copying look like: open the message as the recipient got it and copy all of its headers ("Show original", "View source").${attached}`,
    );
  }
  const claims = parseClaims(info.headers);
  const route = buildRoute(
    received.map((h) => parseReceived(h.value)),
    info,
    claims,
  );
  const warnings = routeWarnings(route, info);
  if (messagesInInput > 1) warnings.unshift(warning('mbox', mboxText(messagesInInput, info)));
  return { analysis: { message: info, route, claims, embedded, embeddedIndex, warnings }, bytes };
}

function mboxText(count: number, info: MessageInfo): string {
  const which = [
    info.subject === null ? null : `"${info.subject}"`,
    info.from === null ? null : `from ${info.from}`,
    info.date === null ? null : `of ${info.date}`,
  ]
    .filter((part) => part !== null)
    .join(', ');
  return `The input is an mbox file of ${count} messages; only the first${which ? ` (${which})` : ''} was analysed. Save the message you want as a file of its own (.eml) to analyse it.`;
}
