import { DnsError } from '../../src/core/dns/types.js';

/** The DnsError a lookup rejects with, so a test can look at its kind and message; anything else fails the test. */
export async function dnsErrorOf(promise: Promise<unknown>): Promise<DnsError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DnsError) return error;
    throw error;
  }
  throw new Error('expected a DnsError');
}
