import type { Resolver } from '../dns/types.js';
import { readMessage } from '../message/index.js';
import { parseReceived } from '../received/index.js';
import type { DkimVerification } from './types.js';
import { dateOf } from './timing.js';
import { verifyDkimBytes } from './verify.js';

export interface VerifyDkimOptions {
  resolver: Resolver;
  signal?: AbortSignal;
  now?: Date;
}

/**
 * Every DKIM signature of a message, verified: the library's and `hoplens check-dkim`'s entry.
 * Bytes are hashed as given; text (a paste) is marked as not exact. The arrival time for x= is
 * the topmost Received date, when the mailbox got the message; a message without a route is
 * verified all the same.
 */
export async function verifyDkim(raw: string | Uint8Array, options: VerifyDkimOptions): Promise<DkimVerification> {
  const { info, bytes } = await readMessage(raw);
  const top = info.headers.find((h) => h.name.toLowerCase() === 'received');
  return verifyDkimBytes(bytes.bytes, {
    resolver: options.resolver,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.now ? { now: options.now } : {}),
    arrivedAt: dateOf(top ? parseReceived(top.value).date : null),
    exactBytes: bytes.exact,
    bodyAvailable: !info.headersOnly,
  });
}
