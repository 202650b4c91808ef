/**
 * The part of WebCrypto DKIM uses, typed here so that the pure core needs neither the DOM nor
 * Node's type library: the same `globalThis.crypto.subtle` exists in the worker, the popup,
 * Node 20 and Thunderbird.
 */
export interface PublicKeyHandle {
  readonly algorithm: { readonly name: string; readonly modulusLength?: number };
}

type Algorithm = { name: string; hash?: string };

export interface Subtle {
  importKey(format: 'spki' | 'raw', data: Uint8Array, algorithm: Algorithm, extractable: boolean, usages: string[]): Promise<PublicKeyHandle>;
  verify(algorithm: Algorithm, key: PublicKeyHandle, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

export function subtle(): Subtle {
  const crypto = (globalThis as unknown as { crypto?: { subtle?: Subtle } }).crypto;
  if (!crypto?.subtle) throw new Error('WebCrypto (crypto.subtle) is not available here, so DKIM signatures cannot be verified');
  return crypto.subtle;
}

export async function sha(hash: 'sha256' | 'sha1', data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest(hash === 'sha256' ? 'SHA-256' : 'SHA-1', data));
}
