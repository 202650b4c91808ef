import { readMessage } from '../message/index.js';
import type { VerifyDkimOptions } from '../dkim/verify-message.js';
import type { ArcVerification } from './types.js';
import { verifyArcBytes } from './verify.js';

/**
 * A message's ARC chain, verified: the library's entry. Bytes are hashed as given; text (a
 * paste) is marked as not exact.
 */
export async function verifyArc(raw: string | Uint8Array, options: VerifyDkimOptions): Promise<ArcVerification> {
  const { info, bytes } = await readMessage(raw);
  return verifyArcBytes(bytes.bytes, {
    resolver: options.resolver,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.now ? { now: options.now } : {}),
    exactBytes: bytes.exact,
    bodyAvailable: !info.headersOnly,
  });
}
