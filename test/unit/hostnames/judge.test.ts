import { describe, expect, it } from 'vitest';
import { judgeHostname } from '../../../src/core/hostnames/judge.js';

describe('judgeHostname', () => {
  it.each([
    ['mail.example.com', null],
    ['MAIL.Example.COM.', null],
    ['mail-dm6nam12on2100.outbound.protection.outlook.com', null],
    ['[203.0.113.25]', 'address-literal'],
    ['[IPv6:2001:db8::25]', 'address-literal'],
    ['203.0.113.25', 'bare-address'],
    ['EXCHANGE01', 'single-label'],
    ['localhost', 'single-label'],
    ['svr01.contoso.local', 'private-suffix'],
    ['mail.corp', 'private-suffix'],
    ['box.lan', 'private-suffix'],
    ['srv.localdomain', 'private-suffix'],
    ['router.home.arpa', 'private-suffix'],
    ['dc1.ad.internal', 'private-suffix'],
    ['mail_1.example.com', 'syntax'],
    ['-bad.example.com', 'syntax'],
    ['a..example.com', 'syntax'],
    ['mail.example.123', 'syntax'],
    [`${'a'.repeat(64)}.example.com`, 'syntax'],
    ['', 'syntax'],
  ])('%s → %s', (name, problem) => {
    const v = judgeHostname(name);
    expect(v.problem).toBe(problem);
    expect(v.ok).toBe(problem === null);
    expect(v.explanation.length > 0).toBe(problem !== null);
  });

  it.each([
    ['203.0.113.25', '[203.0.113.25]'],
    ['2001:DB8::25', '[IPv6:2001:db8::25]'],
    ['IPv6:2001:db8::25', '[IPv6:2001:db8::25]'],
  ])('shows the RFC 5321 §4.1.3 literal form of the bare address %s', (name, literal) => {
    expect(judgeHostname(name).explanation).toContain(`(a literal is written ${literal})`);
  });
});
