import { canonicalName } from '../hostnames/canonical.js';
import { privateSuffixOf } from '../hostnames/private-suffixes.js';
import { normalizeIp } from '../net/ip.js';

/**
 * Public suffixes of two labels that mail hosts commonly sit under. A full Public Suffix List is
 * a large download for the browser bundle; grouping hosts of one organisation only needs these.
 */
const TWO_LABEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'ltd.uk',
  'plc.uk',
  'me.uk',
  'net.uk',
  'com.au',
  'net.au',
  'org.au',
  'edu.au',
  'gov.au',
  'co.nz',
  'org.nz',
  'net.nz',
  'co.jp',
  'ne.jp',
  'or.jp',
  'ac.jp',
  'go.jp',
  'co.kr',
  'or.kr',
  'com.cn',
  'net.cn',
  'org.cn',
  'com.tw',
  'com.hk',
  'com.sg',
  'com.my',
  'co.in',
  'net.in',
  'org.in',
  'co.il',
  'co.za',
  'org.za',
  'com.br',
  'net.br',
  'org.br',
  'com.ar',
  'com.mx',
  'com.tr',
  'com.pl',
  'com.ua',
  'co.id',
  'com.ph',
]);

/** Mailbox providers whose hosts live under several domains, grouped so each counts as one side. */
const PROVIDERS: ReadonlyArray<{ name: string; domains: readonly string[] }> = [
  { name: 'Google', domains: ['google.com', 'gmail.com', 'googlemail.com'] },
  {
    name: 'Microsoft',
    domains: ['outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'live.com', 'live.co.uk', 'msn.com', 'office365.com', 'microsoft.com'],
  },
  { name: 'Yahoo', domains: ['yahoo.com', 'yahoo.net', 'yahoodns.net', 'aol.com'] },
  { name: 'Apple iCloud', domains: ['icloud.com', 'me.com', 'mac.com', 'apple.com'] },
  { name: 'Fastmail', domains: ['fastmail.com', 'fastmail.fm', 'messagingengine.com'] },
  { name: 'Zoho', domains: ['zoho.com', 'zoho.eu', 'zoho.in', 'zohomail.com'] },
  { name: 'GMX / WEB.DE', domains: ['gmx.net', 'gmx.de', 'gmx.com', 'web.de'] },
  { name: 'Mail.ru', domains: ['mail.ru'] },
  { name: 'Yandex', domains: ['yandex.net', 'yandex.ru', 'yandex.com'] },
  { name: 'Proton', domains: ['proton.me', 'protonmail.ch', 'protonmail.com'] },
];

/**
 * Filtering services that organisations put in front of their mailbox host, grouped like the
 * providers. The same hosts also relay their customers' outbound mail, so being one says nothing
 * by itself about which side of the route a hop is on: the route decides that (origin.ts).
 */
const FILTERS: ReadonlyArray<{ name: string; domains: readonly string[] }> = [
  { name: 'Mimecast', domains: ['mimecast.com', 'mimecast-offshore.com'] },
  { name: 'Proofpoint', domains: ['pphosted.com', 'ppe-hosted.com', 'ppops.net'] },
  { name: 'Barracuda', domains: ['barracudanetworks.com', 'cudaops.com'] },
  { name: 'Cisco Secure Email', domains: ['iphmx.com'] },
  { name: 'Broadcom Email Security.cloud', domains: ['messagelabs.com'] },
  { name: 'Forcepoint', domains: ['mailcontrol.com'] },
  { name: 'Hornetsecurity', domains: ['hornetsecurity.com'] },
  { name: 'Trend Micro', domains: ['trendmicro.com', 'trendmicro.eu'] },
  { name: 'Sophos', domains: ['sophos.com'] },
  { name: 'SpamExperts', domains: ['antispamcloud.com'] },
];

const byDomain = (list: typeof PROVIDERS): Map<string, string> => new Map(list.flatMap((p) => p.domains.map((d) => [d, p.name] as const)));
const PROVIDER_BY_DOMAIN = byDomain(PROVIDERS);
const FILTER_BY_DOMAIN = byDomain(FILTERS);

/**
 * The domain an organisation registered ("mx1.mail.example.co.uk" → "example.co.uk"); null for
 * address literals, single labels ("localhost", "EXCH01"), names under a private suffix
 * ("compute5.internal", "SVR01.contoso.local", "mailstore.home.arpa"), names under .arpa (RFC
 * 3172: infrastructure, such as reverse zones, not an organisation) and empty names.
 */
export function registrableDomain(host: string | null): string | null {
  if (host === null) return null;
  const name = canonicalName(host.replace(/^\[|\]$/g, ''));
  if (name === '' || normalizeIp(name) !== null || !/^[a-z0-9_.-]+$/.test(name)) return null;
  const labels = name.split('.').filter((l) => l !== '');
  if (labels.length < 2 || labels.at(-1) === 'arpa' || privateSuffixOf(labels.join('.')) !== null) return null;
  const lastTwo = labels.slice(-2).join('.');
  if (TWO_LABEL_SUFFIXES.has(lastTwo)) return labels.length >= 3 ? labels.slice(-3).join('.') : null;
  return lastTwo;
}

/** The mailbox provider a host belongs to, by name ("Google"), or null. */
export function providerOf(host: string | null): string | null {
  const domain = registrableDomain(host);
  return domain === null ? null : (PROVIDER_BY_DOMAIN.get(domain) ?? null);
}

/** The filtering service a host belongs to, by name ("Proofpoint"), or null. */
export function filterOf(host: string | null): string | null {
  const domain = registrableDomain(host);
  return domain === null ? null : (FILTER_BY_DOMAIN.get(domain) ?? null);
}

/**
 * Which organisation a host belongs to: its provider or filtering service when it is a known
 * one, otherwise its registrable domain. Two hosts with the same side are run by the same people.
 */
export function sideOf(host: string | null): string | null {
  const domain = registrableDomain(host);
  if (domain === null) return null;
  return PROVIDER_BY_DOMAIN.get(domain) ?? FILTER_BY_DOMAIN.get(domain) ?? domain;
}

/** The domain part of an address ("a@Example.org" → "example.org"). */
export function addressDomain(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at < 0 ? null : canonicalName(address.slice(at + 1).replace(/>.*$/, ''));
}
