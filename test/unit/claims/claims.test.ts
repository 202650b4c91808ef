import { describe, expect, test } from 'vitest';
import { parseAuthResults, parseClaims, parseReceivedSpf } from '../../../src/core/claims/index.js';

describe('Authentication-Results (RFC 8601)', () => {
  test('Gmail: comments, @domain property, several results', () => {
    const h = parseAuthResults(
      'mx.google.com; dkim=pass header.i=@example.com header.s=s1 header.b=AbC/+d==; spf=pass (google.com: domain of alice@example.com designates 203.0.113.25 as permitted sender) smtp.mailfrom=alice@example.com; dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=example.com',
      'Authentication-Results',
      3,
    );
    expect(h).toEqual({
      source: 'Authentication-Results',
      instance: null,
      authservId: 'mx.google.com',
      fieldIndex: 3,
      results: [
        { method: 'dkim', result: 'pass', reason: null, comments: [], properties: { 'header.i': '@example.com', 'header.s': 's1', 'header.b': 'AbC/+d==' } },
        {
          method: 'spf',
          result: 'pass',
          reason: null,
          comments: ['google.com: domain of alice@example.com designates 203.0.113.25 as permitted sender'],
          properties: { 'smtp.mailfrom': 'alice@example.com' },
        },
        { method: 'dmarc', result: 'pass', reason: null, comments: ['p=NONE sp=NONE dis=NONE'], properties: { 'header.from': 'example.com' } },
      ],
    });
  });

  test('RFC 8601 appendix examples: version, none, reason, quoted values, method version', () => {
    expect(parseAuthResults('example.org 1; none', 'Authentication-Results', 0).results).toEqual([]);
    expect(parseAuthResults('example.org 1; none', 'Authentication-Results', 0).authservId).toBe('example.org');
    const h = parseAuthResults(
      'example.com; auth=pass (cram-md5) smtp.auth=sender@example.net; spf=fail reason="sender not authorised" smtp.mailfrom="bad user"@example.net; sender-id/2=pass header.from=example.net; iprev=pass policy.iprev=192.0.2.200',
      'Authentication-Results',
      0,
    );
    expect(h.results.map((r) => [r.method, r.result, r.reason])).toEqual([
      ['auth', 'pass', null],
      ['spf', 'fail', 'sender not authorised'],
      ['sender-id', 'pass', null],
      ['iprev', 'pass', null],
    ]);
    expect(h.results[0]!.comments).toEqual(['cram-md5']);
    expect(h.results[0]!.properties).toEqual({ 'smtp.auth': 'sender@example.net' });
    expect(h.results[1]!.properties).toEqual({ 'smtp.mailfrom': '"bad user"@example.net' });
    expect(h.results[3]!.properties).toEqual({ 'policy.iprev': '192.0.2.200' });
  });

  test('Microsoft 365 form without authserv-id, compauth reason', () => {
    const h = parseAuthResults(
      'spf=pass (sender IP is 203.0.113.25) smtp.mailfrom=example.com; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=example.com;compauth=pass reason=100',
      'Authentication-Results',
      1,
    );
    expect(h.authservId).toBe('');
    expect(h.results.map((r) => r.method)).toEqual(['spf', 'dkim', 'dmarc', 'compauth']);
    expect(h.results[0]!.comments).toEqual(['sender IP is 203.0.113.25']);
    expect(h.results[2]!.properties).toEqual({ action: 'none', 'header.from': 'example.com' });
    expect(h.results[3]!.reason).toBe('100');
  });

  test('Yahoo: comment glued to the result, nested comment', () => {
    const h = parseAuthResults(
      'atlas.mail.yahoo.com; dmarc=pass(p=NONE,sp=QUARANTINE) header.from=example.com; iprev=pass (mail.example.com (203.0.113.25)) smtp.remote-ip=203.0.113.25',
      'Authentication-Results',
      0,
    );
    expect(h.results[0]).toEqual({
      method: 'dmarc',
      result: 'pass',
      reason: null,
      comments: ['p=NONE,sp=QUARANTINE'],
      properties: { 'header.from': 'example.com' },
    });
    expect(h.results[1]!.comments).toEqual(['mail.example.com (203.0.113.25)']);
    expect(h.results[1]!.properties['smtp.remote-ip']).toBe('203.0.113.25');
  });

  test('ARC-Authentication-Results instance', () => {
    const h = parseAuthResults('i=2; mx.example.net; spf=pass smtp.mailfrom=example.com', 'ARC-Authentication-Results', 4);
    expect(h.instance).toBe(2);
    expect(h.authservId).toBe('mx.example.net');
    expect(h.results).toHaveLength(1);
  });

  test('malformed input yields what it can and invents nothing', () => {
    expect(parseAuthResults('', 'Authentication-Results', 0)).toMatchObject({ authservId: '', results: [] });
    const h = parseAuthResults('mx.example.net; spf=; =pass; dkim=pass (unclosed', 'Authentication-Results', 0);
    expect(h.results).toEqual([{ method: 'dkim', result: 'pass', reason: null, comments: ['unclosed'], properties: {} }]);
  });
});

describe('Received-SPF (RFC 7208 §9.1)', () => {
  test('RFC form from pypolicyd-spf', () => {
    expect(
      parseReceivedSpf(
        'Pass (mailfrom) identity=mailfrom; client-ip=203.0.113.25; helo=mail.example.com; envelope-from=postmaster@example.com; receiver=<UNKNOWN>',
        2,
      ),
    ).toEqual({
      result: 'pass',
      comment: 'mailfrom',
      identity: 'mailfrom',
      clientIp: '203.0.113.25',
      helo: 'mail.example.com',
      envelopeFrom: 'postmaster@example.com',
      receiver: null,
      mechanism: null,
      fieldIndex: 2,
    });
  });

  test('RFC 7208 example with quoted envelope-from and mechanism', () => {
    const c = parseReceivedSpf(
      'fail (mybox.example.org: domain of myname@example.com does not designate 192.0.2.1 as permitted sender) receiver=mybox.example.org; client-ip=192.0.2.1; mechanism=-all; envelope-from="myname@example.com"; helo=foo.example.com;',
      0,
    );
    expect(c).toMatchObject({
      result: 'fail',
      receiver: 'mybox.example.org',
      clientIp: '192.0.2.1',
      mechanism: '-all',
      envelopeFrom: 'myname@example.com',
      helo: 'foo.example.com',
    });
  });

  test('Microsoft 365 and Gmail forms, IPv6 normalised', () => {
    expect(
      parseReceivedSpf(
        'Pass (protection.outlook.com: domain of example.com designates 2001:DB8:0::25 as permitted sender) receiver=protection.outlook.com; client-ip=2001:DB8:0::25; helo=mail.example.com; pr=C',
        0,
      ),
    ).toMatchObject({ result: 'pass', clientIp: '2001:db8::25', receiver: 'protection.outlook.com', helo: 'mail.example.com' });
    expect(
      parseReceivedSpf(
        'softfail (google.com: domain of transitioning a@example.com does not designate 198.51.100.7 as permitted sender) client-ip=198.51.100.7;',
        0,
      ),
    ).toMatchObject({ result: 'softfail', clientIp: '198.51.100.7', helo: null, receiver: null });
  });

  test('no result word: nothing invented', () => {
    expect(parseReceivedSpf('client-ip=192.0.2.1', 0)).toMatchObject({ result: '', clientIp: '192.0.2.1', comment: null });
  });
});

test('parseClaims picks the three fields with their positions', () => {
  const claims = parseClaims([
    { name: 'ARC-Authentication-Results', value: 'i=1; mx.google.com; spf=pass smtp.mailfrom=a@example.com' },
    { name: 'Received', value: 'from x by y' },
    { name: 'authentication-results', value: 'mx.google.com; iprev=pass policy.iprev=203.0.113.25' },
    { name: 'Received-SPF', value: 'pass client-ip=203.0.113.25;' },
  ]);
  expect(claims.authResults.map((a) => [a.source, a.fieldIndex, a.instance])).toEqual([
    ['ARC-Authentication-Results', 0, 1],
    ['Authentication-Results', 2, null],
  ]);
  expect(claims.receivedSpf.map((s) => [s.fieldIndex, s.clientIp])).toEqual([[3, '203.0.113.25']]);
});
