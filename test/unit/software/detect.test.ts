import { describe, expect, it } from 'vitest';
import { detectSenderSoftware } from '../../../src/core/software/detect.js';
import type { HeaderField } from '../../../src/core/message/types.js';
import type { ReceivedFields } from '../../../src/core/received/types.js';
import { analysisOf, hops } from '../checks/analysis.js';

/** A sender hop (0) then the origin hop (1), whose Received header is the topmost. */
function detect(sender: Partial<ReceivedFields>, origin: Partial<ReceivedFields>, extra: { headers?: HeaderField[]; messageId?: string } = {}) {
  const h = hops(sender, origin);
  const headers: HeaderField[] = [{ name: 'Received', value: 'origin' }, { name: 'Received', value: 'sender' }, ...(extra.headers ?? [])];
  const analysis = analysisOf({ hops: h, originIndex: 1, headers, message: { messageId: extra.messageId ?? null } });
  return detectSenderSoftware(analysis, h[1]!);
}

const receiver = { ip: '203.0.113.25', by: 'mx.example.net' };

describe('detectSenderSoftware', () => {
  it('knows Microsoft 365 by the connecting host’s name', () => {
    expect(detect({}, { ...receiver, helo: 'mail-dm6nam12on2100.outbound.protection.outlook.com' })).toBe('microsoft365');
    expect(detect({}, { ...receiver, rdns: 'mail-dm6nam12on2100.outbound.protection.outlook.com.' })).toBe('microsoft365');
  });

  it('knows Google by the connecting host’s name', () => {
    expect(detect({}, { ...receiver, helo: 'mail-sor-f41.google.com' })).toBe('google-workspace');
  });

  it('knows Microsoft 365 and Google by the sending side’s by host', () => {
    expect(detect({ by: 'DM6PR12MB1234.namprd12.prod.outlook.com', software: 'Microsoft SMTP Server' }, receiver)).toBe('microsoft365');
    expect(detect({ by: 'mail-sor-f41.google.com' }, receiver)).toBe('google-workspace');
  });

  it('knows on-premises Exchange, Postfix, Exim and Sendmail by the sending MTA’s software', () => {
    expect(detect({ by: 'exch01.contoso.com', software: 'Microsoft SMTP Server' }, receiver)).toBe('exchange');
    expect(detect({ by: 'svr01.contoso.com', with: 'Microsoft SMTPSVC' }, receiver)).toBe('exchange');
    expect(detect({ by: 'mail.example.com', software: 'Postfix' }, receiver)).toBe('postfix');
    expect(detect({ by: 'mail.example.com', software: 'Exim 4.96' }, receiver)).toBe('exim');
    expect(detect({ by: 'mail.example.com', software: 'Sendmail 8.17.1/8.17.1' }, receiver)).toBe('sendmail');
  });

  it('says "other" for software outside the list, null when nothing says', () => {
    expect(detect({ by: 'mail.example.com', software: 'MDaemon PRO v23.0.1' }, receiver)).toBe('other');
    expect(detect({ by: 'mail.example.com' }, receiver)).toBeNull();
  });

  it('reads headers the sender added below the origin’s Received header', () => {
    expect(detect({}, receiver, { headers: [{ name: 'X-MS-Exchange-CrossTenant-Id', value: 'x' }] })).toBe('microsoft365');
    expect(detect({}, receiver, { headers: [{ name: 'X-Google-Smtp-Source', value: 'x' }] })).toBe('google-workspace');
    expect(detect({}, receiver, { headers: [{ name: 'X-MS-Has-Attach', value: '' }] })).toBe('exchange');
  });

  it('ignores Microsoft headers when the receiver is Microsoft, and headers above the origin', () => {
    const ms = [{ name: 'X-MS-Exchange-CrossTenant-Id', value: 'x' }];
    expect(detect({}, { ip: '203.0.113.25', by: 'BN8NAM12FT041.mail.protection.outlook.com' }, { headers: ms })).toBeNull();
    const h = hops({}, receiver);
    const above: HeaderField[] = [
      { name: 'X-Google-Smtp-Source', value: 'x' },
      { name: 'Received', value: 'origin' },
      { name: 'Received', value: 'sender' },
    ];
    expect(detectSenderSoftware(analysisOf({ hops: h, originIndex: 1, headers: above }), h[1]!)).toBeNull();
  });

  it('reads the form of the Message-ID', () => {
    expect(detect({}, receiver, { messageId: '<10FD0B967AE6B84F8DE916DA4FE260AAEE2A1A72@svr01.gossa.co.uk>' })).toBe('exchange');
    expect(detect({}, receiver, { messageId: '<DM6PR12MB12345ABCDEF@DM6PR12MB1234.namprd12.prod.outlook.com>' })).toBe('microsoft365');
    expect(detect({}, receiver, { messageId: '<CAFx1=abc@mail.gmail.com>' })).toBe('google-workspace');
    expect(detect({}, receiver, { messageId: '<20240115093012.4TFbX23Kq9z5T@mail.example.com>' })).toBe('postfix');
    expect(detect({}, receiver, { messageId: '<E1rABCD-0001Xy-2Q@mail.example.com>' })).toBe('exim');
    expect(detect({}, receiver, { messageId: '<202401150930.40F9UCkP012345@mail.example.com>' })).toBe('sendmail');
    expect(detect({}, receiver, { messageId: '<a1b2c3@example.com>' })).toBeNull();
  });

  it('prefers the connecting host over weaker signals', () => {
    expect(
      detect({ by: 'mail.example.com', software: 'Postfix' }, { ...receiver, helo: 'mail-sor-f41.google.com' }, { messageId: '<E1rABCD-0001Xy-2Q@x>' }),
    ).toBe('google-workspace');
  });

  it('works without an origin', () => {
    const analysis = analysisOf({ hops: hops({ ip: '203.0.113.25' }), originIndex: null, message: { messageId: '<E1rABCD-0001Xy-2Q@x>' } });
    expect(detectSenderSoftware(analysis, null)).toBe('exim');
  });
});
