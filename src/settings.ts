import browser from 'webextension-polyfill';
import { DEFAULT_TIMEOUT_MS } from './core/dns/builtin.js';
import { DEFAULT_DEADLINE_MS } from './core/dns/deadline.js';
import { parseResolverUrl } from './core/dns/endpoint.js';

/** What the user chose on the options page. */
export interface Settings {
  resolver: 'cloudflare' | 'google' | 'quad9' | 'custom';
  /** Used only when `resolver` is "custom": an https:// DoH URL, or http:// on loopback. */
  customResolverUrl: string;
  timeoutMs: number;
  /** Headers only: no DNS query leaves the browser. */
  noDns: boolean;
  /**
   * Thunderbird: analyse every message as it is displayed and show the sender's verdict on the
   * message button. Off by default: it sends each message's names and IPs to the resolver.
   */
  checkOnOpen: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  resolver: 'cloudflare',
  customResolverUrl: '',
  timeoutMs: DEFAULT_TIMEOUT_MS,
  noDns: false,
  checkOnOpen: false,
});

/**
 * The per-attempt timeout the options accept. A failed attempt is asked once more, so one lookup
 * can take twice its timeout; past half the analysis deadline a longer timeout would only let
 * the deadline cut the lookup instead.
 */
export const TIMEOUT_RANGE_MS = Object.freeze({ min: 500, max: DEFAULT_DEADLINE_MS / 2 });

const KEY = 'settings';
const RESOLVERS: readonly Settings['resolver'][] = ['cloudflare', 'google', 'quad9', 'custom'];

/** Anything read from storage is merged field by field over the defaults, so a stale or hand-edited value never breaks the worker. */
export function normalizeSettings(stored: unknown): Settings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<keyof Settings, unknown>>;
  return {
    resolver: RESOLVERS.includes(s.resolver as Settings['resolver']) ? (s.resolver as Settings['resolver']) : DEFAULT_SETTINGS.resolver,
    customResolverUrl: typeof s.customResolverUrl === 'string' ? s.customResolverUrl.trim() : DEFAULT_SETTINGS.customResolverUrl,
    // One saved before the range shrank to half the deadline is taken as "as long as it can be".
    timeoutMs:
      typeof s.timeoutMs === 'number' && Number.isFinite(s.timeoutMs) && s.timeoutMs >= TIMEOUT_RANGE_MS.min
        ? Math.round(Math.min(s.timeoutMs, TIMEOUT_RANGE_MS.max))
        : DEFAULT_SETTINGS.timeoutMs,
    noDns: typeof s.noDns === 'boolean' ? s.noDns : DEFAULT_SETTINGS.noDns,
    checkOnOpen: typeof s.checkOnOpen === 'boolean' ? s.checkOnOpen : DEFAULT_SETTINGS.checkOnOpen,
  };
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return normalizeSettings(stored[KEY]);
}

export async function saveSettings(s: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: normalizeSettings(s) });
}

/**
 * The match pattern that grants fetch access to a DoH URL's origin, or null when the URL is not
 * one Hoplens accepts (https anywhere, http only on loopback: the core's parseResolverUrl rule).
 */
export function originPattern(url: string): string | null {
  let u: URL;
  try {
    u = parseResolverUrl(url);
  } catch {
    return null;
  }
  return `${u.protocol}//${u.hostname}/*`;
}

/**
 * Asks for the host permission a custom resolver needs. Must run from a user gesture (the
 * options page's save button): browsers refuse permission prompts elsewhere.
 */
export async function requestResolverPermission(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  try {
    // request() first and alone: Firefox honours it only while the click's user gesture lasts,
    // which an earlier await would end. It answers true at once for an origin already granted.
    return await browser.permissions.request({ origins: [pattern] });
  } catch {
    // The origin is outside optional_host_permissions (for example http://127.0.0.2): refused.
    return false;
  }
}
