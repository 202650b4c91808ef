import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import type { DkimSignatureVerdict } from '../../../src/core/dkim/types.js';
import { memoryResolver, type MemoryZone } from '../../../src/core/dns/memory.js';
import { verifyDkim } from '../../../src/core/dkim/index.js';
import { plainMessage, rsaKey, signMessage, type TestKey } from '../../support/dkim-signer.js';

const NOW = () => new Date('2026-12-01T12:00:00Z');

describe('the dkim check in the pipeline', () => {
  let key: TestKey;
  let zone: MemoryZone;
  beforeAll(async () => {
    key = await rsaKey();
    zone = { 'sel._domainkey.example.com': [{ type: 'TXT', data: `v=DKIM1; p=${key.publicKey}` }] };
  });
  const dkimOf = async (raw: string | Uint8Array) =>
    (await analyze(raw, { resolver: memoryResolver(zone), now: NOW })).checks.filter((c) => c.check === 'dkim');

  it('verifies the bytes it was given, with the facts and the key lookup as evidence', async () => {
    const signed = await signMessage(plainMessage('Subject: Gr\xfc\xdfe'), key);
    const [result] = await dkimOf(signed);
    expect(result).toMatchObject({ result: 'pass', subject: 'd=example.com s=sel', severity: 'ok' });
    expect(result!.summary).toBe('d=example.com s=sel: pass (2048-bit RSA key)');
    expect(result!.explanation).toContain('The whole body is signed.');
    expect(result!.explanation).toContain('Key: RSA, 2048 bits');
    expect(result!.evidence[0]!.question).toEqual({ name: 'sel._domainkey.example.com', type: 'TXT' });
    const details = result!.details as unknown as DkimSignatureVerdict;
    expect([details.domain, details.result]).toEqual(['example.com', 'pass']);
  });

  it('pasted text is verified too, and a failure then says the paste may differ', async () => {
    const signed = new TextDecoder().decode(await signMessage(plainMessage(), key));
    expect((await dkimOf(signed))[0]!.result).toBe('pass');
    const broken = (await dkimOf(signed.replace('Quarterly', 'Monthly')))[0]!;
    expect(broken.result).toBe('fail');
    expect(broken.explanation).toContain('pasted as text');
  });

  it('pasted headers alone: neutral with the header signature checked, never pass', async () => {
    const headers = new TextDecoder().decode(await signMessage(plainMessage(), key)).split('\r\n\r\n')[0]!;
    const [result] = await dkimOf(headers);
    expect(result!.result).toBe('neutral');
    expect(result!.summary).toContain('headers signed correctly');
  });

  it('an unsigned message is none', async () => {
    expect((await dkimOf(plainMessage())).map((c) => c.result)).toEqual(['none']);
  });

  it('cuts an mbox file to its first message before hashing', async () => {
    const signed = new TextDecoder('latin1').decode(await signMessage(plainMessage(), key));
    const mbox = `From alice@example.com Tue Dec  1 10:00:00 2026\n${signed}\nFrom bob@example.net Tue Dec  1 11:00:00 2026\n${plainMessage()}`;
    const out = await verifyDkim(new Uint8Array(Buffer.from(mbox, 'latin1')), { resolver: memoryResolver(zone), now: NOW() });
    expect(out).toMatchObject({ exactBytes: true, signatures: [{ result: 'pass' }] });
  });
});
