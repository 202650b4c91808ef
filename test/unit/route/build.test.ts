import { describe, expect, test } from 'vitest';
import { parseClaims } from '../../../src/core/claims/index.js';
import type { HeaderField, MessageInfo } from '../../../src/core/message/types.js';
import type { ReceivedFields } from '../../../src/core/received/types.js';
import { buildRoute, chooseOrigin } from '../../../src/core/route/index.js';
import { received } from '../../support/builders.js';
import { kinds, plain, texts } from '../../support/origin.js';

/** A Received header's fields, everything null unless given; the raw text only has to tell hops apart. */
function rf(fields: Partial<ReceivedFields>): ReceivedFields {
  return received({ raw: JSON.stringify(fields), ...fields });
}

/** A message whose header list holds one Received field per hop (topmost first) plus `extra` at the top. */
function message(received: readonly ReceivedFields[], extra: HeaderField[] = [], to: string[] = ['user@example.net']): MessageInfo {
  const headers = [...extra, ...received.map((r) => ({ name: 'Received', value: r.raw })), { name: 'To', value: to.join(', ') }];
  return { subject: null, from: null, fromDisplay: null, to, returnPath: null, date: null, dateRaw: null, messageId: null, headers, headersOnly: true };
}

function route(received: ReceivedFields[], extra: HeaderField[] = [], to?: string[]) {
  const info = message(received, extra, to);
  return buildRoute(received, info, parseClaims(info.headers));
}

const edge = rf({
  helo: 'mail.example.com',
  rdns: 'mail.example.com',
  ip: '203.0.113.25',
  by: 'mx.example.net',
  for: 'user@example.net',
  date: '2025-10-14T10:00:05.000Z',
});
const submission = rf({ helo: 'pc', ip: '10.1.2.3', by: 'mail.example.com', date: '2025-10-14T10:00:02.000Z' });

describe('hops and delays', () => {
  test('travel order, header positions, classes, delays against the previous dated hop', () => {
    const r = route([rf({ by: 'store.example.net', date: '2025-10-14T10:00:09.000Z' }), rf({ ip: '100.64.0.7', by: 'mx.example.net' }), edge, submission]);
    expect(r.hops.map((h) => [h.index, h.receivedIndex, h.ipClass, h.delaySeconds, h.clockIssue])).toEqual([
      [0, 3, 'private', null, null],
      [1, 2, 'documentation', 3, null],
      [2, 1, 'cgnat', null, 'missing'],
      [3, 0, null, 4, null],
    ]);
    expect(r.totalTransitSeconds).toBe(7);
  });

  test('fewer than two dated hops: no total', () => {
    expect(route([edge]).totalTransitSeconds).toBeNull();
    expect(route([rf({ ...edge, date: null }), submission]).totalTransitSeconds).toBeNull();
  });

  test('a hop dated before its predecessor keeps its negative delay', () => {
    const r = route([rf({ ...edge, date: '2025-10-14T09:59:00.000Z' }), submission]);
    expect(r.hops[1]).toMatchObject({ delaySeconds: -62, clockIssue: 'negative' });
    expect(r.totalTransitSeconds).toBe(-62);
  });

  test('a fractional second followed by a whole second of the same second is no clock error', () => {
    // SendGrid writes "14:22:51.349437727"; the MTA after it writes "14:22:51".
    const r = route([rf({ ...edge, date: '2025-10-14T14:22:51.000Z' }), rf({ by: 'filterdrecv-5bd8c6b5d9-7xq2n', date: '2025-10-14T14:22:51.349Z' })]);
    expect(r.hops[1]).toMatchObject({ delaySeconds: 0, clockIssue: null });
    expect(r.totalTransitSeconds).toBe(0);
  });
});

describe('origin hop', () => {
  test('no hops, no addresses', () => {
    expect(route([])).toMatchObject({ origin: null, originMissingReason: 'There are no Received headers, so there is no route to read.' });
    expect(route([rf({ by: 'mx.example.net' })]).originMissingReason).toBe(
      'No Received header records a client IP address, so there is no sending server to check.',
    );
  });

  test('without any evidence the walk gives medium confidence', () => {
    const r = route([edge, submission]);
    expect(plain(r.origin)).toEqual({
      hopIndex: 1,
      ip: '203.0.113.25',
      confidence: 'medium',
      reasons: [
        "mx.example.net, a server of the recipient's domain example.net, received the message from 203.0.113.25 (mail.example.com): the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.",
        '203.0.113.25 is a documentation address, checked like a public one.',
      ],
    });
  });

  test('a receiver claim naming another address lowers confidence and says so', () => {
    const r = route(
      [edge, submission],
      [
        { name: 'Authentication-Results', value: 'mx.example.net; iprev=pass policy.iprev=198.51.100.9' },
        { name: 'Received-SPF', value: 'pass client-ip=203.0.113.25;' },
      ],
    );
    expect(r.origin?.confidence).toBe('low');
    expect(texts(r.origin)).toContain(
      'Authentication-Results iprev (policy.iprev) names 198.51.100.9, which no Received header shows, not 203.0.113.25: look at the route before trusting this choice.',
    );
    expect(r.origin?.reasons[1]?.text).toBe('Received-SPF client-ip names the same address 203.0.113.25.');
  });

  test("an ARC result naming another address is a forwarder's record of its earlier leg, not a contradiction", () => {
    const r = route(
      [edge, submission],
      [
        { name: 'ARC-Authentication-Results', value: 'i=1; mx.microsoft.com 1; spf=pass (sender ip is 198.51.100.9) smtp.mailfrom=example.org' },
        { name: 'Received-SPF', value: 'pass client-ip=203.0.113.25;' },
      ],
    );
    expect(r.origin?.confidence).toBe('high');
    expect(texts(r.origin)).toContain(
      'ARC-Authentication-Results spf comment names 198.51.100.9, which no Received header shows: ARC results record what a forwarder saw on an earlier leg, so this does not contradict the choice.',
    );
  });

  test("claims written below the next older Received header are the sender side's and are not compared", () => {
    const received = [edge, submission];
    const info = message(received);
    info.headers.push({ name: 'Authentication-Results', value: 'mail.example.com; iprev=pass policy.iprev=198.51.100.9' });
    const r = buildRoute(received, info, parseClaims(info.headers));
    expect(r.origin?.confidence).toBe('medium');
  });

  test('an agreeing receiver check earns "high" only when the receiving side named the recipient itself', () => {
    const bare = rf({ ...edge, for: null });
    const spf = { name: 'Received-SPF', value: 'pass receiver=mx.example.net; client-ip=203.0.113.25;' };
    const weak = route([bare, submission], [spf]);
    expect(weak.recipient).toEqual({ addresses: ['user@example.net'], source: 'To', weak: true });
    expect(weak.origin).toMatchObject({ hopIndex: 1, confidence: 'medium' });
    expect(kinds(weak.origin)).toEqual(['entered', 'agrees', 'documentation-address', 'receiver-weak']);
    const strong = route([bare, submission], [{ name: 'Delivered-To', value: 'user@example.net' }, spf]);
    expect(strong.recipient).toEqual({ addresses: ['user@example.net'], source: 'Delivered-To', weak: false });
    expect(strong.origin).toMatchObject({ hopIndex: 1, confidence: 'high' });
  });

  test("a known provider's by host is the receiving side even when the recipient domain is elsewhere", () => {
    const r = route(
      [
        rf({ ip: '2603:10b6:5:2a6::9', rdns: 'a.namprd12.prod.outlook.com', by: 'b.namprd12.prod.outlook.com' }),
        rf({ ip: '198.51.100.45', helo: 'mx.example.com', by: 'c.mail.protection.outlook.com' }),
      ],
      [],
      ['grace@example.org'],
    );
    expect(r.origin).toMatchObject({ hopIndex: 0, ip: '198.51.100.45' });
    expect(r.origin?.reasons[0]?.text).toContain('c.mail.protection.outlook.com, a server of the mailbox provider Microsoft');
  });

  test('a route that never leaves one organisation, public addresses and all: no external sender, said plainly', () => {
    const r = route([
      rf({ ip: '198.51.100.10', rdns: 'relay.example.net', by: 'mx.example.net' }),
      rf({ ip: '198.51.100.11', rdns: 'out.example.net', by: 'relay.example.net' }),
    ]);
    expect(r.origin).toBeNull();
    expect(r.originMissingReason).toBe(
      "Every client on the route is a server of the receiving organisation itself (example.net), so no hop shows the message coming from outside it: it was sent inside the organisation, or the hop where it entered is not in these headers. There is no external sender to check; the hops' public addresses are still checked, and you can choose a hop as the sender to run every check on it.",
    );
    expect(chooseOrigin(r, 0)).toMatchObject({ hopIndex: 0, ip: '198.51.100.11' });
  });

  test('one provider on both sides and no check names a client: the earliest public hop, low confidence', () => {
    const r = route(
      [
        rf({ ip: '209.85.220.41', rdns: 'mail-sor-f41.google.com', by: 'mx.google.com' }),
        rf({ ip: '209.85.220.42', rdns: 'mail-yw1.google.com', by: 'smtp.gmail.com' }),
      ],
      [],
      ['user@gmail.com'],
    );
    expect(r.origin).toMatchObject({ hopIndex: 0, ip: '209.85.220.42', confidence: 'low' });
    expect(kinds(r.origin)).toEqual(['fallback-provider', 'skipped', 'skipped']);
    expect(r.origin?.reasons[0]?.text).toBe(
      "Every server on the route is Google's and none of the receiver's checks names a client address, so nothing shows where the message entered Google; 209.85.220.42 (mail-yw1.google.com), the earliest public address on the route, is taken.",
    );
  });

  test('the receiving side ends without a public client: the reason says what each hop showed, low confidence', () => {
    const r = route([rf({ ip: '10.0.0.5', by: 'mx.example.net' }), rf({ ip: '203.0.113.7', rdns: 'gw.example.org', by: 'relay.example.org' })]);
    expect(r.origin).toMatchObject({ hopIndex: 0, ip: '203.0.113.7', confidence: 'low' });
    expect(r.origin?.reasons[0]?.text).toBe(
      "The receiving side's hops show no public client from outside (into mx.example.net from 10.0.0.5 (private)); the hop into relay.example.org is the first whose server is not the receiving side's, and its client 203.0.113.7 (gw.example.org) is taken. The hop where the message crossed into the receiving side is not shown.",
    );
    expect(texts(r.origin)).toContain('Skipped 10.0.0.5 into mx.example.net: the address is private, an internal hand-over.');
  });

  test('unique-local and loopback clients are skipped with their class named', () => {
    const r = route([rf({ ip: 'fd00::1', by: 'mx.example.net' }), rf({ ip: '127.0.0.1', by: 'mx.example.net' })]);
    expect(r.origin).toBeNull();
    expect(r.originMissingReason).toContain('127.0.0.1 loopback, fd00::1 unique-local');
  });
});

describe('chooseOrigin', () => {
  const r = route([edge, submission]);
  test('a picked hop', () => {
    expect(plain(chooseOrigin(r, 0))).toEqual({
      hopIndex: 0,
      ip: '10.1.2.3',
      confidence: 'high',
      reasons: ['chosen by you', '10.1.2.3 is private: it is never sent to a DNS resolver, so its DNS cannot be checked.'],
    });
    expect(texts(chooseOrigin(r, 1))).toEqual(['chosen by you']);
  });
  test('a hop that does not exist or has no address', () => {
    expect(() => chooseOrigin(r, 5)).toThrow(RangeError);
    expect(() => chooseOrigin(r, 5)).toThrow(`There is no hop 6: the route has ${r.hops.length} hops.`);
    expect(() => chooseOrigin(route([rf({ by: 'x.example.net' })]), 0)).toThrow('records no client IP address');
  });
});
