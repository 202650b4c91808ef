import type { ImportedKey } from './public-key.js';
import type { DkimSignature } from './signature.js';
import { sha, subtle } from './webcrypto.js';

/** What checking a signature's arithmetic needs: DKIM-Signature, ARC-Message-Signature and ARC-Seal all have it. */
export type SignatureBits = Pick<DkimSignature, 'keyType' | 'signature'>;

/** Whether `signature` is the key's signature over `data` (the canonical header data). */
export async function verifySignature(sig: SignatureBits, key: ImportedKey, data: Uint8Array): Promise<boolean> {
  try {
    if (sig.keyType === 'ed25519') {
      // RFC 8463 §3: Ed25519 signs the SHA-256 digest of the header data, not the data itself.
      return await subtle().verify({ name: 'Ed25519' }, key.handle, sig.signature, await sha('sha256', data));
    }
    return await subtle().verify({ name: 'RSASSA-PKCS1-v1_5' }, key.handle, sig.signature, data);
  } catch {
    // A signature of the wrong length for the key, for example: it does not verify.
    return false;
  }
}
