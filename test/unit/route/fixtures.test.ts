import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeHeaders } from '../../../src/core/analyze-headers.js';
import { chooseOrigin } from '../../../src/core/route/index.js';
import type { HeaderAnalysis } from '../../../src/core/header-analysis.js';
import { kinds, plain, texts } from '../../support/origin.js';

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../../fixtures/messages/${name}`, import.meta.url));

/** Each hop as [ip, class, by, delay, clock issue], oldest first. */
const hops = (a: HeaderAnalysis): unknown[][] => a.route.hops.map((h) => [h.received.ip, h.ipClass, h.received.by, h.delaySeconds, h.clockIssue]);

describe('whole header blocks', () => {
  test("Gmail to Gmail: same provider, the receiver's SPF check marks the entry", async () => {
    const a = await analyzeHeaders(fixture('gmail-to-gmail.eml'));
    expect(hops(a)).toEqual([
      [null, null, 'mail-sor-f41.google.com', null, null],
      ['209.85.220.41', 'public', 'mx.google.com', 1, null],
      [null, null, '2002:a05:7300:478f:b0:11a:5f1e:0', 0, null],
    ]);
    expect(a.route.totalTransitSeconds).toBe(1);
    expect(plain(a.route.origin)).toEqual({
      hopIndex: 1,
      ip: '209.85.220.41',
      confidence: 'high',
      reasons: [
        "mx.google.com, a server of the recipient's domain gmail.com, received the message from 209.85.220.41 (mail-sor-f41.google.com). The client belongs to the same organisation as the receiver, but the receiver checked this address itself, so this is where the message entered.",
        'Received-SPF client-ip, ARC-Authentication-Results spf comment and Authentication-Results spf comment name the same address 209.85.220.41.',
        'Skipped the hop into 2002:a05:7300:478f:b0:11a:5f1e:0: it records no client address (a hand-over inside the receiving side).',
      ],
    });
    expect(a.message.subject).toBe('Lunch on Friday? ☕');
    expect(a.warnings).toEqual([]);
  });

  test('Microsoft 365 to Gmail: the Microsoft outbound server is the origin', async () => {
    const a = await analyzeHeaders(fixture('m365-to-gmail.eml'));
    expect(hops(a)).toEqual([
      ['fe80::5c42:3f1e:9b2d:77a1', 'link-local', 'SA1PR12MB6919.namprd12.prod.outlook.com', null, null],
      ['2603:10b6:806:24f::13', 'public', 'CH3PR12MB8282.namprd12.prod.outlook.com', 1, null],
      ['40.107.243.100', 'public', 'mx.google.com', 2, null],
      [null, null, '2002:a05:7022:2b8a:b0:9e:3b1c:0', 0, null],
    ]);
    expect(a.route.totalTransitSeconds).toBe(3);
    expect(plain(a.route.origin)).toEqual({
      hopIndex: 2,
      ip: '40.107.243.100',
      confidence: 'high',
      reasons: [
        "mx.google.com, a server of the recipient's domain gmail.com, received the message from 40.107.243.100 (mail-dm6nam12on2100.outbound.protection.outlook.com): the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.",
        'Received-SPF client-ip and Authentication-Results spf comment name the same address 40.107.243.100.',
        'Skipped the hop into 2002:a05:7022:2b8a:b0:9e:3b1c:0: it records no client address (a hand-over inside the receiving side).',
      ],
    });
  });

  test('on-premises Exchange to Hotmail: internal hops, .local HELO, X-Originating-IP of the client', async () => {
    const a = await analyzeHeaders(fixture('exchange-onprem-to-hotmail.txt'));
    expect(hops(a)).toEqual([
      ['fe80::d1c6:4b1e:2c7a:9f10', 'link-local', 'SVR01.contoso.local', null, null],
      ['10.0.0.12', 'private', 'MAIL01.contoso.local', 25, null],
      ['203.0.113.40', 'documentation', 'SNT004-MC4F54.hotmail.com', 4, null],
    ]);
    expect(a.route.totalTransitSeconds).toBe(29);
    expect(plain(a.route.origin)).toEqual({
      hopIndex: 2,
      ip: '203.0.113.40',
      confidence: 'high',
      reasons: [
        "SNT004-MC4F54.hotmail.com, a server of the recipient's domain hotmail.co.uk, received the message from 203.0.113.40 (HELO MAIL01.contoso.local, chosen by the sender): the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.",
        'Authentication-Results sender-id comment names the same address 203.0.113.40.',
        '203.0.113.40 is a documentation address, checked like a public one.',
        "x-originating-ip names 192.0.2.77: that is the address of the sender's mail client, not of a mail server, so it does not contradict this choice.",
      ],
    });
    expect(a.route.hops[2]!.received.helo).toBe('MAIL01.contoso.local');
    expect(a.message.returnPath).toBe('mark@example.co.uk');
    expect(a.message.headersOnly).toBe(true);
  });

  test('Postfix with amavis and Dovecot LMTP: local hops skipped, Received-SPF below the edge hop agrees', async () => {
    const a = await analyzeHeaders(fixture('postfix-amavis-dovecot.eml'));
    expect(hops(a)).toEqual([
      ['192.0.2.61', 'documentation', 'smtp.example.net', null, null],
      ['198.51.100.23', 'documentation', 'mail.example.org', 2, null],
      ['127.0.0.1', 'loopback', 'localhost', 2, null],
      ['127.0.0.1', 'loopback', 'mail.example.org', 1, null],
      [null, null, 'mail.example.org', 0, null],
    ]);
    expect(a.route.totalTransitSeconds).toBe(5);
    expect(plain(a.route.origin)).toEqual({
      hopIndex: 1,
      ip: '198.51.100.23',
      confidence: 'high',
      reasons: [
        "mail.example.org, a server of the recipient's domain example.org, received the message from 198.51.100.23 (smtp.example.net): the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.",
        'Received-SPF client-ip names the same address 198.51.100.23.',
        '198.51.100.23 is a documentation address, checked like a public one.',
        'Skipped the hop into mail.example.org: it records no client address (a hand-over inside the receiving side).',
        'Skipped 127.0.0.1 (localhost) into mail.example.org: the address is loopback, an internal hand-over.',
        'Skipped 127.0.0.1 (HELO mail.example.org, chosen by the sender) into localhost: the address is loopback, an internal hand-over.',
      ],
    });
  });

  test('Postfix to Yahoo: "by" an internal IP, X-Originating-Ip agrees', async () => {
    const a = await analyzeHeaders(fixture('postfix-to-yahoo.eml'));
    expect(hops(a)).toEqual([
      ['192.0.2.14', 'documentation', 'mail.example.com', null, null],
      ['203.0.113.77', 'documentation', '10.217.151.75', 2, null],
      ['10.217.151.75', 'private', 'atlas210.free.mail.ne1.yahoo.com', 1, null],
    ]);
    expect(plain(a.route.origin)).toEqual({
      hopIndex: 1,
      ip: '203.0.113.77',
      confidence: 'high',
      reasons: [
        "10.217.151.75, a server on the receiving side, received the message from 203.0.113.77 (HELO mail.example.com, chosen by the sender): the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.",
        'X-Originating-Ip names the same address 203.0.113.77.',
        '203.0.113.77 is a documentation address, checked like a public one.',
        'Skipped 10.217.151.75 into atlas210.free.mail.ne1.yahoo.com: the address is private, an internal hand-over.',
      ],
    });
  });

  test("Exim to Microsoft 365 (CRLF): Microsoft's internal hops with public IPv6 are the receiving side", async () => {
    const raw = fixture('exim-to-m365-crlf.eml');
    expect(new TextDecoder().decode(raw)).toContain('\r\n');
    const a = await analyzeHeaders(raw);
    expect(hops(a)).toEqual([
      ['192.0.2.33', 'documentation', 'mx.example.com', null, null],
      ['198.51.100.45', 'documentation', 'BN2PEPF000044A5.mail.protection.outlook.com', 2, null],
      ['2603:10b6:408:ef:cafe::3e', 'public', 'BN9PR03CA0712.outlook.office365.com', 1, null],
      ['2603:10b6:408:ef::27', 'public', 'DM6PR12MB4498.namprd12.prod.outlook.com', 0, null],
      ['2603:10b6:5:2a6::9', 'public', 'SA1PR12MB6919.namprd12.prod.outlook.com', 1, null],
    ]);
    expect(a.route.totalTransitSeconds).toBe(4);
    expect(plain(a.route.origin)).toEqual({
      hopIndex: 1,
      ip: '198.51.100.45',
      confidence: 'high',
      reasons: [
        "BN2PEPF000044A5.mail.protection.outlook.com, a server of the mailbox provider Microsoft, received the message from 198.51.100.45 (HELO mx.example.com, chosen by the sender): the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.",
        'Received-SPF client-ip and Authentication-Results spf comment name the same address 198.51.100.45.',
        '198.51.100.45 is a documentation address, checked like a public one.',
        'Skipped 2603:10b6:5:2a6::9 (HELO DM6PR12MB4498.namprd12.prod.outlook.com, chosen by the sender) into SA1PR12MB6919.namprd12.prod.outlook.com: both are servers of the mailbox provider Microsoft, a relay inside the receiving side.',
        'Skipped 2603:10b6:408:ef::27 (HELO BN9PR03CA0712.namprd03.prod.outlook.com, chosen by the sender) into DM6PR12MB4498.namprd12.prod.outlook.com: both are servers of the mailbox provider Microsoft, a relay inside the receiving side.',
        'Skipped 2603:10b6:408:ef:cafe::3e (HELO BN2PEPF000044A5.namprd04.prod.outlook.com, chosen by the sender) into BN9PR03CA0712.outlook.office365.com: both are servers of the mailbox provider Microsoft, a relay inside the receiving side.',
      ],
    });
    expect(a.claims.authResults[0]!.authservId).toBe('');
    expect(a.claims.receivedSpf[0]).toMatchObject({ result: 'pass', clientIp: '198.51.100.45', receiver: 'protection.outlook.com', helo: 'mx.example.com' });
  });

  test('mbox bounce: From_ line dropped, null reverse-path', async () => {
    const a = await analyzeHeaders(fixture('bounce-mbox.mbox'));
    expect(a.message.headers[0]).toEqual({ name: 'Return-Path', value: '<>' });
    expect(a.message.returnPath).toBe('');
    expect(hops(a)).toEqual([
      [null, null, 'mx.example.net', null, null],
      ['198.51.100.81', 'documentation', 'mail.example.com', 1, null],
    ]);
    expect(a.route.origin).toMatchObject({ hopIndex: 1, ip: '198.51.100.81', confidence: 'medium' });
  });

  test('pasted with leading whitespace on every line', async () => {
    const a = await analyzeHeaders(fixture('leading-whitespace.txt'));
    expect(a.message.headers.map((h) => h.name)).toEqual([
      'Received',
      'Received',
      'From',
      'To',
      'Subject',
      'Date',
      'Message-ID',
      'MIME-Version',
      'Content-Type',
    ]);
    expect(hops(a)).toEqual([
      ['10.1.2.3', 'private', 'mail.example.com', null, null],
      ['203.0.113.25', 'documentation', 'mx.example.net', 2, null],
    ]);
    expect(a.route.origin).toMatchObject({ hopIndex: 1, ip: '203.0.113.25', confidence: 'medium' });
    expect(a.message.headersOnly).toBe(false);
  });

  test('clock skew: a negative delay and a missing date are flagged, not hidden', async () => {
    const a = await analyzeHeaders(fixture('clock-skew.eml'));
    expect(hops(a)).toEqual([
      [null, null, 'client.example.com', null, 'missing'],
      ['192.0.2.90', 'documentation', 'mail.example.com', null, null],
      ['203.0.113.9', 'documentation', 'mx.example.net', -305, 'negative'],
    ]);
    expect(a.route.totalTransitSeconds).toBe(-305);
    expect(a.route.origin).toMatchObject({ hopIndex: 2, ip: '203.0.113.9' });
    expect(a.warnings.map((w) => w.text)).toEqual([
      "The hop into mx.example.net is dated 5 min 5 s before the hop before it: one of these servers' clocks is wrong (or its time zone is), so delays around it are not real.",
      'One hop has no readable date, so its delay is unknown.',
    ]);
  });

  test('Gmail "Original message" page pasted whole', async () => {
    const a = await analyzeHeaders(fixture('gmail-original-page.txt'));
    expect(a.message.headers[0]).toEqual({ name: 'Delivered-To', value: 'hoplens.recipient.example@gmail.com' });
    expect(hops(a)).toEqual([
      ['198.51.100.140', 'documentation', 'mail.example.com', null, null],
      ['203.0.113.25', 'documentation', 'mx.google.com', 2, null],
      [null, null, '2002:a05:7300:1a2b:b0:11a:3c4d:0', 0, null],
    ]);
    expect(a.route.origin).toMatchObject({ hopIndex: 1, ip: '203.0.113.25', confidence: 'high' });
  });

  test('only private addresses: no origin, and why', async () => {
    const a = await analyzeHeaders(fixture('internal-only.eml'));
    expect(a.route.origin).toBeNull();
    expect(a.route.originMissingReason).toBe(
      'Every client address in the route is private or local (10.20.30.40 private, 10.20.0.5 private): as far as these headers show, the message never crossed the public internet, or the hop where it did was cut off.',
    );
  });

  test('a draft without Received headers is refused with the reason', async () => {
    await expect(analyzeHeaders(fixture('no-received-draft.eml'))).rejects.toMatchObject({
      name: 'InputError',
      code: 'no-received',
      message: expect.stringContaining('a draft, a copy from Sent Items, or headers cut off when copying'),
    });
  });

  test('forwarded phish: embedded messages listed, nested one analysed on request', async () => {
    const outer = await analyzeHeaders(fixture('forwarded-phish.eml'));
    expect(outer.embeddedIndex).toBeNull();
    expect(outer.embedded).toEqual([
      { index: 0, subject: 'is this real?', from: 'quinn@example.org', date: '2025-10-14T15:04:58.000Z' },
      { index: 1, subject: 'Your mailbox is full – verify now', from: 'no-reply@account-verify.example.net', date: '2025-10-14T14:58:28.000Z' },
    ]);
    const phish = await analyzeHeaders(fixture('forwarded-phish.eml'), { embedded: 1 });
    expect(phish.embeddedIndex).toBe(1);
    expect(phish.embedded).toEqual(outer.embedded);
    expect(phish.message.fromDisplay).toBe('Mailbox Administrator');
    expect(hops(phish)).toEqual([
      ['203.0.113.66', 'documentation', 'secure-login.example.net', null, null],
      ['198.51.100.200', 'documentation', 'mail.example.org', 2, null],
      ['127.0.0.1', 'loopback', 'mail.example.org', 2, null],
    ]);
    expect(phish.route.origin).toMatchObject({ hopIndex: 1, ip: '198.51.100.200', confidence: 'high' });
    expect(phish.route.origin!.reasons[0]!.text).toBe(
      "mail.example.org, a server of the recipient's domain example.org, received the message from 198.51.100.200 (HELO secure-login.example.net, chosen by the sender): the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.",
    );
    await expect(analyzeHeaders(fixture('forwarded-phish.eml'), { embedded: 2 })).rejects.toMatchObject({ code: 'no-such-embedded' });
  });

  test('the bundled sample: origin 203.0.113.25, HELO mail.example.com, envelope-from postmaster@example.com', async () => {
    const a = await analyzeHeaders(readFileSync(new URL('../../../public/samples/sample.eml', import.meta.url)));
    expect(a.message.subject).toBe('Hoplens sample: test message from mail.example.com');
    expect(a.message.returnPath).toBe('postmaster@example.com');
    expect(hops(a)).toEqual([
      ['fe80::8d1c:52ff:fe3a:17b2', 'link-local', 'EXCH01.corp.example.com', null, null],
      ['10.20.0.15', 'private', 'mail.example.com', 1, null],
      ['203.0.113.25', 'documentation', 'mx1.example.net', 2, null],
      ['127.0.0.1', 'loopback', 'localhost', 2, null],
      ['127.0.0.1', 'loopback', 'mx1.example.net', 1, null],
      ['198.51.100.20', 'documentation', 'mailstore1.example.net', 0, null],
    ]);
    expect(a.route.hops[2]!.received.helo).toBe('mail.example.com');
    expect(plain(a.route.origin)).toEqual({
      hopIndex: 2,
      ip: '203.0.113.25',
      confidence: 'high',
      reasons: [
        "mx1.example.net, a server of the recipient's domain example.net, received the message from 203.0.113.25 (mail.example.com): the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.",
        'Received-SPF client-ip, Authentication-Results iprev (policy.iprev) and Authentication-Results spf comment name the same address 203.0.113.25.',
        '203.0.113.25 is a documentation address, checked like a public one.',
        "Skipped 198.51.100.20 (HELO mx1.example.net, chosen by the sender) into mailstore1.example.net: both are servers of the recipient's domain example.net, a relay inside the receiving side.",
        'Skipped 127.0.0.1 (localhost) into mx1.example.net: the address is loopback, an internal hand-over.',
        'Skipped 127.0.0.1 (HELO mx1.example.net, chosen by the sender) into localhost: the address is loopback, an internal hand-over.',
        "x-originating-ip names 10.20.40.31: that is the address of the sender's mail client, not of a mail server, so it does not contradict this choice.",
      ],
    });
    expect(a.claims.receivedSpf).toEqual([
      {
        result: 'pass',
        comment: 'mailfrom',
        identity: 'mailfrom',
        clientIp: '203.0.113.25',
        helo: 'mail.example.com',
        envelopeFrom: 'postmaster@example.com',
        receiver: 'mx1.example.net',
        mechanism: null,
        fieldIndex: 7,
      },
    ]);
  });
});

describe("lists, forwards, providers' internal hosts, pasting quirks", () => {
  test("Mailman list: the list server is the sender the recipient's MX saw, the list address in To is not the receiver", async () => {
    const a = await analyzeHeaders(fixture('mailman-list.eml'));
    expect(hops(a)).toEqual([
      ['2001:db8:25::25', 'documentation', 'mail.lists.example.org', null, null],
      ['::1', 'loopback', 'mail.lists.example.org', 1, null],
      ['198.51.100.99', 'documentation', 'mx.example.net', 1, null],
    ]);
    expect(plain(a.route.origin)).toEqual({
      hopIndex: 2,
      ip: '198.51.100.99',
      confidence: 'medium',
      reasons: [
        "mx.example.net, a server of the recipient's domain example.net, received the message from 198.51.100.99 (mail.lists.example.org): the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.",
        '198.51.100.99 is a documentation address, checked like a public one.',
        "Before that, the message was addressed to dev@lists.example.org: it was forwarded, or sent on by a mailing list. This hop is the forwarder's into the final receiver, which is what that receiver checked. The original sender is 2001:db8:25::25 (mail.example.com), the client of the hop into mail.lists.example.org (hop 1); choose that hop to check the original sender instead.",
      ],
    });
    expect(a.route.hops[0]!.received).toMatchObject({ helo: 'mail.example.com', rdns: 'mail.example.com', tls: { version: 'TLSv1.3', bits: 256 } });
  });

  test("Gmail forwarding to another provider: Google's forwarder is what the final MX saw", async () => {
    const a = await analyzeHeaders(fixture('gmail-forwarding.eml'));
    expect(hops(a)).toEqual([
      ['203.0.113.25', 'documentation', 'mx.google.com', null, null],
      [null, null, '2002:a05:7300:478f:b0:11a:5f1e:0', 0, null],
      [null, null, 'mail-sor-f69.google.com', 1, null],
      ['209.85.220.69', 'public', 'mx.example.net', 0, null],
    ]);
    expect(plain(a.route.origin)).toEqual({
      hopIndex: 3,
      ip: '209.85.220.69',
      confidence: 'medium',
      reasons: [
        "mx.example.net, a server of the recipient's domain example.net, received the message from 209.85.220.69 (mail-sor-f69.google.com): the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.",
        "Before that, the message was addressed to alice@gmail.com: it was forwarded, or sent on by a mailing list. This hop is the forwarder's into the final receiver, which is what that receiver checked. The original sender is 203.0.113.25 (mail.example.com), the client of the hop into mx.google.com (hop 1); choose that hop to check the original sender instead.",
      ],
    });
    expect(a.message.returnPath).toBe('alice+caf_=bob=example.net@gmail.com');
  });

  test('SRS forward: the forwarder is the origin, its Authentication-Results agree', async () => {
    const a = await analyzeHeaders(fixture('srs-forward.eml'));
    expect(a.route.origin).toMatchObject({ hopIndex: 2, ip: '198.51.100.80', confidence: 'high' });
    expect(a.route.origin!.reasons[0]!.text).toBe(
      "mx1.example.net, a server of the recipient's domain example.net, received the message from 198.51.100.80 (fwd.example.org): the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.",
    );
    expect(texts(a.route.origin)).toContain(
      "Before that, the message was addressed to carol@example.org: it was forwarded, or sent on by a mailing list. This hop is the forwarder's into the final receiver, which is what that receiver checked. The original sender is 203.0.113.25 (mail.example.com), the client of the hop into fwd.example.org (hop 1); choose that hop to check the original sender instead.",
    );
  });

  test("iCloud to Fastmail: hosts named under .internal and single labels are the receiver's own", async () => {
    const a = await analyzeHeaders(fixture('icloud-to-fastmail.eml'));
    expect(hops(a)).toEqual([
      ['17.42.251.41', 'public', 'qs51p00im-qukt01080502.me.com', null, null],
      ['17.57.155.23', 'public', 'mx6.messagingengine.com', 1, null],
      ['127.0.0.1', 'loopback', 'mx6.messagingengine.com', 1, null],
      ['127.0.0.1', 'loopback', 'mailmx.nyi.internal', 0, null],
      ['10.202.2.205', 'private', 'compute5.internal', 0, null],
      ['10.202.2.45', 'private', 'sloti32d1t01', 0, null],
    ]);
    expect(plain(a.route.origin)).toEqual({
      hopIndex: 1,
      ip: '17.57.155.23',
      confidence: 'high',
      reasons: [
        "mx6.messagingengine.com, a server of the recipient's domain fastmail.com, received the message from 17.57.155.23 (qs51p00im-qukt01080502.me.com): the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.",
        'Received-SPF client-ip, ARC-Authentication-Results iprev (smtp.remote-ip) and Authentication-Results iprev (smtp.remote-ip) name the same address 17.57.155.23.',
        'Skipped 10.202.2.45 (compute5.nyi.internal) into sloti32d1t01: the address is private, an internal hand-over.',
        'Skipped 10.202.2.205 (HELO mx6, chosen by the sender) into compute5.internal: the address is private, an internal hand-over.',
        'Skipped 127.0.0.1 (localhost) into mailmx.nyi.internal: the address is loopback, an internal hand-over.',
        'Skipped 127.0.0.1 (localhost) into mx6.messagingengine.com: the address is loopback, an internal hand-over.',
      ],
    });
    expect(a.route.hops[0]!.received).toMatchObject({ helo: 'smtpclient.apple', rdns: 'qs51p00im-dlb-asmtp-mailmevip.me.com', with: 'ESMTPSA' });
  });

  test('Outlook "Internet headers" box with a blank line inside: all four hops, Microsoft 365 saw the sender', async () => {
    const a = await analyzeHeaders(fixture('outlook-box-split.txt'));
    expect(hops(a)).toEqual([
      ['192.0.2.44', 'documentation', 'AM2PEPF0001C70F.mail.protection.outlook.com', null, null],
      ['2603:10a6:209:88:cafe::d3', 'public', 'AM6P193CA0101.outlook.office365.com', 1, null],
      ['2603:10a6:209:88::42', 'public', 'DB9PR10MB7290.EURPRD10.PROD.OUTLOOK.COM', 1, null],
      ['2603:10a6:10:2cc::19', 'public', 'AM9PR10MB4321.EURPRD10.PROD.OUTLOOK.COM', 0, null],
    ]);
    expect(a.route.origin).toMatchObject({ hopIndex: 0, ip: '192.0.2.44', confidence: 'high' });
    expect(a.route.origin!.reasons[1]!.text).toBe('Received-SPF client-ip and Authentication-Results spf comment name the same address 192.0.2.44.');
    expect(a.message).toMatchObject({ subject: 'outlook desktop box', from: 'zed@example.com', headersOnly: true });
  });

  test('SendGrid: dates without ";", fractional seconds, no false clock error against a whole-second hop', async () => {
    const a = await analyzeHeaders(fixture('sendgrid-fractional.eml'));
    expect(hops(a)).toEqual([
      [null, null, 'geopod-ismtpd-5', null, null],
      [null, null, 'filterdrecv-5bd8c6b5d9-7xq2n', 0, null],
      ['198.51.100.1', 'documentation', 'mx.example.net', 0, null],
    ]);
    expect(a.route.hops.map((h) => h.received.date)).toEqual(['2025-10-14T14:22:51.229Z', '2025-10-14T14:22:51.349Z', '2025-10-14T14:22:51.000Z']);
    expect(a.route.hops.map((h) => h.received.dialect)).toEqual(['sendgrid', 'sendgrid', 'postfix']);
    expect(a.route.origin).toMatchObject({ hopIndex: 2, ip: '198.51.100.1', confidence: 'medium' });
    expect(a.warnings).toEqual([]);
  });

  test("Microsoft 365 behind Mimecast: the receiver's own SPF check names the address the filter saw, so the hop into Mimecast is the origin", async () => {
    const a = await analyzeHeaders(fixture('mimecast-to-m365.txt'));
    expect(hops(a)).toEqual([
      ['203.0.113.25', 'documentation', 'relay.mimecast.com', null, null],
      ['170.10.133.115', 'public', 'BN8NAM11FT052.mail.protection.outlook.com', 2, null],
      ['2603:10b6:408:ef:cafe::3e', 'public', 'BN9PR03CA0712.outlook.office365.com', 0, null],
    ]);
    expect(plain(a.route.origin)).toEqual({
      hopIndex: 0,
      ip: '203.0.113.25',
      confidence: 'high',
      reasons: [
        "relay.mimecast.com, a server of the filtering service Mimecast, in front of the receiving side, received the message from 203.0.113.25 (mail.example.com): the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.",
        'Received-SPF client-ip and Authentication-Results spf comment name the same address 203.0.113.25.',
        '203.0.113.25 is a documentation address, checked like a public one.',
        'Skipped 2603:10b6:408:ef:cafe::3e (HELO BN8NAM11FT052.eop-nam11.prod.protection.outlook.com, chosen by the sender) into BN9PR03CA0712.outlook.office365.com: both are servers of the mailbox provider Microsoft, a relay inside the receiving side.',
        "Skipped 170.10.133.115 (HELO us-smtp-delivery-115.mimecast.com, chosen by the sender) into BN8NAM11FT052.mail.protection.outlook.com: Mimecast filters the receiving side's inbound mail and handed the message on (Received-SPF client-ip, written by protection.outlook.com, names 203.0.113.25, the client Mimecast received the message from), so where the message entered Mimecast is what matters.",
      ],
    });
    expect(kinds(a.route.origin)).toEqual(['entered', 'agrees', 'documentation-address', 'skipped', 'gateway']);
    expect(a.route.hops[0]!.received).toMatchObject({ helo: 'mail.example.com', with: 'ESMTP', tls: { version: 'TLSv1.2' } });
  });
});

describe('the sender hop on real mail: gateways, lists without for, one organisation, replays, forwards', () => {
  const summary = (a: HeaderAnalysis) => a.route.origin && { hopIndex: a.route.origin.hopIndex, ip: a.route.origin.ip, confidence: a.route.origin.confidence };

  test("own gateway under the recipient's domain in front of Google Workspace, its Received-SPF appended at the bottom", async () => {
    const a = await analyzeHeaders(fixture('gateway-own-domain-to-google.eml'));
    expect(hops(a).map((h) => h.slice(0, 3))).toEqual([
      ['203.0.113.45', 'documentation', 'mx-in1.fabrikam.example'],
      ['127.0.0.1', 'loopback', 'mx-in1.fabrikam.example'],
      ['192.0.2.80', 'documentation', 'mx.google.com'],
      [null, null, '2002:a05:6a10:8f0e:b0:5b1:2c3d:0'],
    ]);
    // Not the gateway's hand-off to Google, whose softfail of the gateway says nothing about the sender.
    expect(summary(a)).toEqual({ hopIndex: 0, ip: '203.0.113.45', confidence: 'high' });
    expect(kinds(a.route.origin)).toEqual([
      'entered',
      'agrees',
      'documentation-address',
      'skipped',
      'gateway',
      'skipped',
      'gateway-check',
      'gateway-check',
      'gateway-check',
    ]);
    expect(a.route.origin!.reasons[1]!.text).toBe('Received-SPF client-ip names the same address 203.0.113.45.');
    expect(texts(a.route.origin)).toContain(
      "Received-SPF client-ip names 192.0.2.80, the client of the hop into mx.google.com: that is the receiving side's own gateway, and a receiver's check of it (spf=softfail) says nothing about the sender.",
    );
    expect(a.route.recipient).toEqual({ addresses: ['dana@fabrikam.example'], source: 'Delivered-To', weak: false });
  });

  test('a filtering service (Proofpoint) in front of Microsoft 365, which fails SPF for the filter', async () => {
    const a = await analyzeHeaders(fixture('proofpoint-to-m365.txt'));
    expect(a.route.hops[2]!.received.by).toBe('BN1PEPF00004681.mail.protection.outlook.com');
    expect(summary(a)).toEqual({ hopIndex: 0, ip: '203.0.113.88', confidence: 'medium' });
    expect(kinds(a.route.origin)).toEqual([
      'entered',
      'documentation-address',
      'skipped',
      'skipped',
      'skipped',
      'gateway',
      'skipped',
      'gateway-check',
      'gateway-check',
    ]);
    expect(a.route.origin!.reasons[0]!.text).toBe(
      "mx0b-00fa1b01.pphosted.com, a server of the filtering service Proofpoint, in front of the receiving side, received the message from 203.0.113.88 (smtp-out.supplier.example): the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.",
    );
    expect(a.route.origin!.reasons[5]!.text).toContain(
      "the receiver's own SPF check of 198.51.100.131 gave fail (Received-SPF client-ip): the mailbox host does not know the filter",
    );
  });

  test("Cisco Secure Email in front of Microsoft 365, the gateway's Received-SPF and Authentication-Results at the top of the block", async () => {
    const a = await analyzeHeaders(fixture('ironport-to-m365-spf-top.txt'));
    expect(a.message.headers[0]!.name).toBe('Received-SPF');
    expect(summary(a)).toEqual({ hopIndex: 0, ip: '203.0.113.52', confidence: 'high' });
    expect(kinds(a.route.origin)).toEqual([
      'entered',
      'agrees',
      'documentation-address',
      'skipped',
      'skipped',
      'skipped',
      'gateway',
      'gateway-check',
      'gateway-check',
    ]);
    // Written by the gateway (receiver=esa2…), so it speaks of the hop into the gateway wherever it sits.
    expect(a.route.origin!.reasons[1]!.text).toBe('Received-SPF client-ip names the same address 203.0.113.52.');
  });

  test('Barracuda in front of Google Workspace set up with it as inbound gateway: Google checks the address Barracuda saw', async () => {
    const a = await analyzeHeaders(fixture('barracuda-to-google-inbound-gateway.eml'));
    expect(hops(a).map((h) => h.slice(0, 3))).toEqual([
      ['203.0.113.118', 'documentation', 'mx-inbound3-112.us-east-2a.ess.aws.cudaops.com'],
      ['198.51.100.9', 'documentation', 'mx.google.com'],
      [null, null, '2002:a05:7010:4a21:b0:4f1:8c2e:0'],
    ]);
    expect(summary(a)).toEqual({ hopIndex: 0, ip: '203.0.113.118', confidence: 'high' });
    expect(kinds(a.route.origin)).toEqual(['entered', 'agrees', 'documentation-address', 'skipped', 'gateway']);
    expect(a.route.origin!.reasons[4]!.text).toContain(
      '(Received-SPF client-ip, written by google.com, names 203.0.113.118, the client Barracuda received the message from)',
    );
  });

  test("a filtering service relaying the sender's outbound mail, which the receiver's SPF passes, stays the sender", () => {
    // Proofpoint's hosts also send their customers' mail out: a pass for the filter's address is the sender's own relay.
    const raw = [
      'Delivered-To: kim@example.net',
      'Received-SPF: pass (mx.example.net: domain of example.com designates 198.51.100.131 as permitted sender) receiver=mx.example.net; client-ip=198.51.100.131',
      'Received: from mx0a-00fa1b01.pphosted.com (mx0a-00fa1b01.pphosted.com [198.51.100.131])',
      '\tby mx.example.net (Postfix) with ESMTPS id 4cqQ7D0kF5z3xQJ; Thu, 16 Oct 2025 09:41:16 +0000',
      'Received: from exch01.example.com (exch01.example.com [203.0.113.9])',
      '\tby mx0a-00fa1b01.pphosted.com (PPS) with ESMTPS id 49tq7r1s3g-1',
      '\tfor <kim@example.net>; Thu, 16 Oct 2025 05:41:14 -0400',
      'From: a@example.com',
      'To: kim@example.net',
      '',
    ].join('\n');
    return analyzeHeaders(raw).then((a) => {
      expect(summary(a)).toEqual({ hopIndex: 1, ip: '198.51.100.131', confidence: 'high' });
      expect(kinds(a.route.origin)).toEqual(['entered', 'agrees', 'filter-relay', 'documentation-address']);
    });
  });

  test("a LISTSERV list into a receiver whose hops carry no for: the recipient comes from X-Original-To, not the list's for", async () => {
    const a = await analyzeHeaders(fixture('listserv-no-for.eml'));
    expect(a.route.hops.map((h) => h.received.for)).toEqual(['physics-l@lists.univ.example', null, null, null]);
    expect(a.route.recipient).toEqual({ addresses: ['pat@corp.example'], source: 'X-Original-To', weak: false });
    expect(summary(a)).toEqual({ hopIndex: 2, ip: '198.51.100.30', confidence: 'high' });
    expect(kinds(a.route.origin)).toEqual(['entered', 'agrees', 'documentation-address', 'forwarded', 'skipped']);
    expect(a.route.originalSender).toMatchObject({ hopIndex: 0, ip: '203.0.113.61' });
    expect(kinds(a.route.originalSender)).toEqual(['original-sender', 'documentation-address']);
  });

  test('a list address in To is never taken as the recipient, and To alone is weak evidence', async () => {
    const raw = (await import('node:fs'))
      .readFileSync(new URL('../../fixtures/messages/listserv-no-for.eml', import.meta.url), 'utf8')
      .replace(/^(X-Original-To|Delivered-To): .*\n/gm, '');
    const a = await analyzeHeaders(raw);
    expect(a.route.recipient).toBeNull();
    expect(summary(a)).toEqual({ hopIndex: 2, ip: '198.51.100.30', confidence: 'medium' });
    expect(kinds(a.route.origin)).toContain('receiver-weak');
  });

  test('a route that never leaves one organisation, with public addresses: no external sender, internal hops still checkable', async () => {
    const a = await analyzeHeaders(fixture('one-org-public.eml'));
    expect(hops(a).map((h) => h.slice(0, 3))).toEqual([
      ['198.51.100.70', 'documentation', 'relay.northwind.example'],
      ['198.51.100.71', 'documentation', 'mx2.northwind.example'],
      ['127.0.0.1', 'loopback', 'mailstore.northwind.example'],
    ]);
    expect(a.route.origin).toBeNull();
    expect(a.route.originMissingReason).toBe(
      "Every client on the route is a server of the receiving organisation itself (northwind.example), so no hop shows the message coming from outside it: it was sent inside the organisation, or the hop where it entered is not in these headers. There is no external sender to check; the hops' public addresses are still checked, and you can choose a hop as the sender to run every check on it.",
    );
    expect(plain(chooseOrigin(a.route, 0))).toEqual({ hopIndex: 0, ip: '198.51.100.70', confidence: 'high', reasons: ['chosen by you'] });
  });

  test('a replayed trace: days-older Received lines from another route are a finding, not an earlier leg', async () => {
    const a = await analyzeHeaders(fixture('dkim-replay.eml'));
    expect(hops(a).map((h) => [h.slice(0, 3), h[3]])).toEqual([
      [['192.0.2.150', 'documentation', 'mx.google.com'], null],
      [[null, null, '2002:a05:7300:6c14:b0:12f:4a1b:0'], 0],
      [['198.51.100.166', 'documentation', 'mx.fabrikam.example'], 576839],
      [['127.0.0.1', 'loopback', 'mailstore.fabrikam.example'], 1],
    ]);
    expect(summary(a)).toEqual({ hopIndex: 2, ip: '198.51.100.166', confidence: 'high' });
    expect(kinds(a.route.origin)).toEqual(['entered', 'agrees', 'documentation-address', 'skipped', 'replay']);
    // The old Gmail leg is not offered as the original sender.
    expect(a.route.originalSender).toBeNull();
    expect(a.route.replay).toMatchObject({ newestCarried: 1, gapSeconds: 576839 });
    expect(a.warnings[0]?.text).toBe(a.route.replay!.text);
    expect(a.route.replay!.text).toMatch(
      /^Older Received lines carried along: this message was re-sent \(possible DKIM replay\)\. The 2 oldest Received lines \(ending at 2002:a05:7300:6c14:b0:12f:4a1b:0\) are 6 d 16 h older than the hop into mx\.fabrikam\.example/,
    );
  });

  test('a queue that held the message for days keeps one continuous trace: no replay', async () => {
    const raw = [
      'Received: from relay.example.com (relay.example.com [203.0.113.25]) by mx.example.net (Postfix) with ESMTPS id A for <u@example.net>; Tue, 21 Oct 2025 08:14:02 +0000',
      'Received: from pc.example.com (pc.example.com [192.0.2.7]) by relay.example.com (Postfix) with ESMTP id B for <u@example.net>; Fri, 17 Oct 2025 08:14:02 +0000',
      'To: u@example.net',
      '',
    ].join('\n');
    const a = await analyzeHeaders(raw);
    expect(a.route.replay).toBeNull();
    expect(summary(a)).toMatchObject({ hopIndex: 1, ip: '203.0.113.25' });
  });

  test("a hosted mailbox forwarding to Gmail: the forwarder's hop is the sender, the original sender's hop is offered beside it", async () => {
    const a = await analyzeHeaders(fixture('hosted-forward-to-gmail.eml'));
    expect(hops(a).map((h) => h.slice(0, 3))).toEqual([
      ['203.0.113.25', 'documentation', 'mx6.messagingengine.com'],
      ['127.0.0.1', 'loopback', 'phl-compute-05.internal'],
      ['10.202.2.45', 'private', 'mailfout.phl.internal'],
      ['198.51.100.42', 'documentation', 'mx.google.com'],
      [null, null, '2002:a05:7300:2d11:b0:13a:6f0e:0'],
    ]);
    expect(summary(a)).toEqual({ hopIndex: 3, ip: '198.51.100.42', confidence: 'high' });
    expect(kinds(a.route.origin)).toEqual(['entered', 'agrees', 'documentation-address', 'forwarded', 'skipped']);
    expect(a.route.originalSender).toMatchObject({ hopIndex: 0, ip: '203.0.113.25', confidence: 'high' });
    expect(kinds(a.route.originalSender)).toEqual(['original-sender', 'agrees', 'documentation-address']);
    expect(a.route.originalSender!.reasons[1]!.text).toBe(
      'Received-SPF client-ip and ARC-Authentication-Results iprev (smtp.remote-ip) name the same address 203.0.113.25.',
    );
    // One click: the original sender as the chosen origin says what it is.
    expect(kinds(chooseOrigin(a.route, 0))).toEqual(['chosen', 'original-sender']);
  });

  test('existing forwards and lists name their original sender hop', async () => {
    for (const [name, hop, ip] of [
      ['gmail-forwarding.eml', 0, '203.0.113.25'],
      ['srs-forward.eml', 0, '203.0.113.25'],
      ['mailman-list.eml', 0, '2001:db8:25::25'],
    ] as const) {
      const a = await analyzeHeaders(fixture(name));
      expect(a.route.originalSender, name).toMatchObject({ hopIndex: hop, ip });
    }
  });
});

describe('earned confidence', () => {
  test("a known mailbox provider as the last server names the mailbox host, not the recipient organisation's gateways in front of it", async () => {
    // The own-domain gateway in front of the mailbox host, with nothing left that names the recipient: the walk can
    // not tell the gateway from a sender, and the provider's softfail for the gateway must not earn "high".
    const raw = new TextDecoder()
      .decode(fixture('gateway-own-domain-to-google.eml'))
      .replace('by 2002:a05:6a10:8f0e:b0:5b1:2c3d:0', 'by mailstore.google.com')
      .replace(/^Delivered-To:.*\n/m, '')
      .replace(/\s+for\s+<[^>]*>/g, '')
      .replace(/^To: .*$/m, 'To: undisclosed-recipients:;');
    const a = await analyzeHeaders(raw);
    expect(a.route.origin).toMatchObject({ hopIndex: 2, ip: '192.0.2.80', confidence: 'medium' });
    expect(kinds(a.route.origin)).toContain('receiver-weak');
    expect(a.route.origin!.reasons.at(-1)!.text).toContain("the last server is Google's, which says who hosts the mailbox but not which gateways");
    // A mailbox at the provider's own domain has no such gateway, and a passing check of the address still earns "high".
    for (const name of ['postfix-to-yahoo.eml', 'exchange-onprem-to-hotmail.txt']) {
      const own = await analyzeHeaders(fixture(name));
      expect(own.route.recipient?.weak, name).toBe(true);
      expect(own.route.origin?.confidence, name).toBe('high');
    }
  });

  test('"high" is never given when the receiving side was read from weak evidence only', async () => {
    const { readdirSync } = await import('node:fs');
    const { providerOf } = await import('../../../src/core/route/domains.js');
    let weak = 0;
    let high = 0;
    for (const name of readdirSync(new URL('../../fixtures/messages/', import.meta.url))) {
      // Each fixture once as it is and once with everything the receiving side wrote about the recipient removed.
      const raw = new TextDecoder().decode(fixture(name));
      const stripped = raw.replace(/^(Delivered-To|X-Original-To|Envelope-To|X-Envelope-To):.*\r?\n/gim, '').replace(/\s+for\s+<[^>]*>/g, '');
      for (const input of [raw, stripped]) {
        const a = await analyzeHeaders(input).catch(() => null);
        if (!a?.route.origin) continue;
        if (a.route.origin.confidence === 'high') high++;
        if ((a.route.recipient === null || a.route.recipient.weak) && providerOf(a.route.hops.at(-1)!.received.by) === null) {
          weak++;
          expect(a.route.origin.confidence, name).not.toBe('high');
          expect(kinds(a.route.origin), name).toContain('receiver-weak');
        }
      }
    }
    // Both kinds occur, so the test can fail.
    expect(weak).toBeGreaterThan(5);
    expect(high).toBeGreaterThan(5);
  });
});
