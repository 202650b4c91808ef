import { headerHashInput } from '../../src/core/dkim/canonicalize-header.js';
import { splitMessage, type RawField } from '../../src/core/dkim/message-parts.js';
import { binaryBytes, binaryString } from '../../src/core/message/binary-string.js';
import { signatureOver, signMessage, type TestKey } from './dkim-signer.js';

/**
 * An ARC sealer for the tests, on WebCrypto (RFC 8617 §5.1): it adds one set on top of a
 * message, as an intermediary does. It shares the verifier's canonicalisation, so messages that
 * python3-dkim's arcsign sealed (test/integration/arc.test.ts) prove the byte-level rules.
 */
export interface SealOptions {
  domain?: string;
  selector?: string;
  /** What this intermediary records in its ARC-Authentication-Results. */
  results?: string;
  /** cv= as written; by default none for i=1, pass after. */
  cv?: string;
  /** The instance written, by default one above the message's highest. */
  instance?: number;
  /** Tags added to the seal as written. */
  sealTags?: string;
}

export async function sealMessage(message: string | Uint8Array, key: TestKey, options: SealOptions = {}): Promise<Uint8Array> {
  const bytes = typeof message === 'string' ? binaryBytes(message) : message;
  const instance = options.instance ?? highestInstance(splitMessage(bytes).fields) + 1;
  const domain = options.domain ?? 'forwarder.example';
  const selector = options.selector ?? 'arc';
  const aar = `ARC-Authentication-Results: i=${instance}; mx.${domain}; ${options.results ?? 'spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com; dmarc=pass header.from=example.com'}\r\n`;
  const withAms = await signMessage(binaryBytes(aar + binaryString(bytes)), key, { domain, selector, arcInstance: instance });
  const fields = splitMessage(withAms).fields;
  const covered: RawField[] = [];
  for (let i = 1; i <= instance; i++) {
    const of = (name: string) => fields.find((f) => f.name.toLowerCase() === name && instanceOf(f) === i);
    for (const name of ['arc-authentication-results', 'arc-message-signature', ...(i < instance ? ['arc-seal'] : [])]) {
      const field = of(name);
      if (field) covered.push(field);
    }
  }
  const cv = options.cv ?? (instance === 1 ? 'none' : 'pass');
  const unsigned = `ARC-Seal: i=${instance}; a=${key.algorithm}; cv=${cv}; d=${domain}; s=${selector};${options.sealTags ? ` ${options.sealTags};` : ''}\r\n\tb=`;
  const data = headerHashInput(covered, `${unsigned}\r\n`, 'relaxed');
  return binaryBytes(`${unsigned}${await signatureOver(data, key)}\r\n${binaryString(withAms)}`);
}

function instanceOf(field: RawField): number | null {
  const match = /^\s*i\s*=\s*(\d+)/.exec(field.raw.slice(field.valueStart)) ?? /[;\s]i\s*=\s*(\d+)/.exec(field.raw.slice(field.valueStart));
  return match ? Number(match[1]) : null;
}

function highestInstance(fields: readonly RawField[]): number {
  let highest = 0;
  for (const f of fields) if (f.name.toLowerCase() === 'arc-seal') highest = Math.max(highest, instanceOf(f) ?? 0);
  return highest;
}
