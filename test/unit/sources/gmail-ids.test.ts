import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gmailAccountIndex, gmailDecimalId, gmailMessages, gmailOriginalUrl, type GmailCandidate } from '../../../src/sources/gmail-ids.js';
import { pickInView } from '../../../src/sources/in-view.js';

const candidate = (over: Partial<GmailCandidate>): GmailCandidate => ({ messageId: null, legacyId: null, visible: 0, label: '', ...over });

describe('gmail ids', () => {
  it('reads the decimal id from data-message-id and converts the legacy hex id', () => {
    expect(gmailDecimalId({ messageId: '#msg-f:1790000000000000001', legacyId: null })).toBe('1790000000000000001');
    expect(gmailDecimalId({ messageId: null, legacyId: '18d7c0a5b0c0a001' })).toBe(BigInt('0x18d7c0a5b0c0a001').toString());
    expect(gmailDecimalId({ messageId: null, legacyId: 'ffffffffffffffff' })).toBe('18446744073709551615');
  });

  it('rejects ids that are neither form', () => {
    expect(gmailDecimalId({ messageId: '#thread-f:123', legacyId: null })).toBeNull();
    expect(gmailDecimalId({ messageId: null, legacyId: 'xyz' })).toBeNull();
    expect(gmailDecimalId({ messageId: null, legacyId: '1'.repeat(17) })).toBeNull();
    expect(gmailDecimalId({ messageId: null, legacyId: null })).toBeNull();
  });

  it('hex and decimal forms of one 64-bit id agree', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }), (n) => {
        expect(gmailDecimalId({ messageId: null, legacyId: n.toString(16) })).toBe(gmailDecimalId({ messageId: `#msg-f:${n}`, legacyId: null }));
      }),
    );
  });

  it('merges the nested elements Gmail repeats per message, keeping page order', () => {
    const hex = (n: bigint) => n.toString(16);
    const messages = gmailMessages([
      candidate({ messageId: '#msg-f:100', label: 'alice@example.com', visible: 0 }),
      candidate({ legacyId: hex(100n), visible: 0.4 }),
      candidate({ messageId: '#msg-f:200', label: 'bob@example.com', visible: 0.1 }),
    ]);
    expect(messages).toEqual([
      { id: '100', label: 'alice@example.com', visible: 0.4 },
      { id: '200', label: 'bob@example.com', visible: 0.1 },
    ]);
  });

  it('picks the chosen message, else the one most in view, else the newest', () => {
    const list = [
      { id: '1', label: '', visible: 0 },
      { id: '2', label: '', visible: 0.8 },
      { id: '3', label: '', visible: 0.2 },
    ];
    expect(pickInView(list, '3')?.id).toBe('3');
    expect(pickInView(list, 'gone')?.id).toBe('2');
    expect(pickInView(list)?.id).toBe('2');
    expect(pickInView(list.map((m) => ({ ...m, visible: 0 })))?.id).toBe('3');
    expect(pickInView([])).toBeNull();
  });

  it('builds the Show original URL on the tab origin for the signed-in account', () => {
    expect(gmailAccountIndex('/mail/u/2/')).toBe(2);
    expect(gmailAccountIndex('/mail/u/0')).toBe(0);
    expect(gmailAccountIndex('/mail/')).toBe(0);
    expect(gmailOriginalUrl('https://mail.google.com', 1, '1790000000000000001')).toBe(
      'https://mail.google.com/mail/u/1/?view=om&permmsgid=msg-f%3A1790000000000000001',
    );
  });
});
