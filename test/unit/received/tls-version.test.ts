import { describe, expect, it } from 'vitest';
import { versionName } from '../../../src/core/received/tls.js';

describe('versionName', () => {
  it('shows every MTA spelling of a TLS version as OpenSSL writes it', () => {
    expect(versionName('TLS1_2')).toBe('TLSv1.2');
    expect(versionName('TLS1_3')).toBe('TLSv1.3');
    expect(versionName('TLS1.3')).toBe('TLSv1.3');
    expect(versionName('TLSv1.3')).toBe('TLSv1.3');
    expect(versionName('tlsv1')).toBe('TLSv1');
    expect(versionName('SSLv3')).toBe('SSLv3');
    expect(versionName('TLSv1.3/SSLv3')).toBe('TLSv1.3/SSLv3');
  });
});
