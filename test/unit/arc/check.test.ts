import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { memoryResolver, type MemoryZone } from '../../../src/core/dns/memory.js';
import { formatReport } from '../../../src/cli/format-text.js';
import { EXPORTERS } from '../../../src/core/report/exporters/index.js';
import { sealMessage } from '../../support/arc-signer.js';
import { plainMessage, rsaKey, type TestKey } from '../../support/dkim-signer.js';

const NOW = () => new Date('2026-12-01T12:00:00Z');

describe('the arc check in the pipeline', () => {
  let key: TestKey;
  let zone: MemoryZone;
  beforeAll(async () => {
    key = await rsaKey();
    zone = { 'arc._domainkey.forwarder.example': [{ type: 'TXT', data: `v=DKIM1; p=${key.publicKey}` }] };
  });
  const run = (raw: string | Uint8Array) => analyze(raw, { resolver: memoryResolver(zone), now: NOW });
  const arcOf = async (raw: string | Uint8Array) => (await run(raw)).checks.filter((c) => c.check === 'arc');

  it('a sealed forward: the chain, then each set with its sealer and what the intermediary claimed', async () => {
    const sealed = await sealMessage(plainMessage(), key, { results: 'spf=pass smtp.mailfrom=example.com; dmarc=pass header.from=example.com' });
    const [chain, set] = await arcOf(sealed);
    expect(chain).toMatchObject({ result: 'pass', severity: 'ok', subject: '1 set: forwarder.example', summary: 'chain pass (1 set verified)' });
    expect(chain!.explanation).toContain('not a DMARC result');
    expect(set).toMatchObject({ result: 'pass', severity: 'info', subject: 'i=1 d=forwarder.example s=arc' });
    expect(set!.summary).toBe('i=1 (cv=none): seal pass, message signature pass; mx.forwarder.example claimed spf=pass, dmarc=pass');
    expect(set!.explanation).toContain('mx.forwarder.example claimed when it got the message: spf=pass, dmarc=pass (its own words, not verified by Hoplens)');
    expect(set!.evidence[0]!.question).toEqual({ name: 'arc._domainkey.forwarder.example', type: 'TXT' });
  });

  it("a passing chain that claims dmarc=pass never makes Hoplens' DMARC pass", async () => {
    const report = await run(await sealMessage(plainMessage(), key));
    expect(report.checks.find((c) => c.check === 'arc')!.result).toBe('pass');
    expect(report.checks.find((c) => c.check === 'dmarc')!.result).not.toBe('pass');
  });

  it('a body changed after sealing: fail at that instance, with advice naming the sealer', async () => {
    const changed = new TextDecoder().decode(await sealMessage(plainMessage(), key)).replace('this is a test.', 'this is a test. Footer.');
    const [chain] = await arcOf(changed);
    expect(chain).toMatchObject({ result: 'fail', severity: 'warning', summary: 'chain fail at i=1 (message signature: body hash mismatch)' });
    expect(chain!.advice[0]).toMatch(/after forwarder\.example, the last sealer, changed the body/);
  });

  it('no ARC fields: no ARC result at all', async () => {
    expect(await arcOf(plainMessage())).toEqual([]);
  });

  it('every export and the CLI text show the chain and the claim as text', async () => {
    const sealed = await sealMessage(plainMessage(), key, { results: 'spf=pass smtp.mailfrom=example.com' });
    const report = await run(sealed);
    for (const exporter of EXPORTERS.filter((e) => e.mime !== 'text/csv')) {
      const text = exporter.render(report);
      expect(text, exporter.id).toContain('i=1 (cv=none): seal pass');
      expect(text, exporter.id).toContain('claimed when it got the message');
    }
    const cli = formatReport(report);
    expect(cli).toMatch(/PASS +arc +chain pass \(1 set verified\)/);
    expect(cli).toContain('i=1 (cv=none): seal pass, message signature pass; mx.forwarder.example claimed spf=pass');
  });
});
