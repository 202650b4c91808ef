import type { DkimTiming } from './types.js';

/** Clock difference tolerated before a signing time counts as in the future. */
const SKEW_SECONDS = 300;

/**
 * RFC 6376 §3.5 x=: a signature past its expiry is not valid. A message read days after it
 * arrived may have outlived x= since, so the arrival time (the receiving hop's date) tells
 * "was valid when it arrived" apart from "had expired before it arrived".
 */
export function timingOf(timestamp: number | null, expiry: number | null, now: Date, arrivedAt: Date | null): DkimTiming {
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
  if (expiry !== null && expiry < seconds(now)) {
    if (arrivedAt === null) return 'expired-arrival-unknown';
    return seconds(arrivedAt) <= expiry ? 'expired-after-arrival' : 'expired-before-arrival';
  }
  if (timestamp !== null && timestamp > seconds(arrivedAt ?? now) + SKEW_SECONDS) return 'signed-in-future';
  return expiry === null ? 'no-expiry' : 'valid';
}

export function isoOf(seconds: number | null): string | null {
  if (seconds === null) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A Received date as the route holds it (ISO text, or null) as a Date. */
export function dateOf(iso: string | null): Date | null {
  return iso === null ? null : new Date(iso);
}
