import { describe, expect, it } from 'vitest';
import { identityDomain } from '../../../src/core/hostnames/identity-domain.js';

describe('identityDomain', () => {
  it.each([
    ['alice@Example.COM', 'example.com'],
    ['<bounce@mail.example.org.>', 'mail.example.org'],
    ['"odd@local"@example.net', 'example.net'],
    ['example.com', 'example.com'],
    ['<>', null],
    ['', null],
    ['user@', null],
    [null, null],
  ])('%s → %s', (identity, domain) => {
    expect(identityDomain(identity)).toBe(domain);
  });
});
