/**
 * Dates as MTAs write them after the ";" of a Received: header: RFC 5322 §3.3 date-time with
 * the obsolete forms of §4.3 (two- and three-digit years, named and military zones, missing
 * weekday or seconds, comments), plus the asctime and ISO shapes some MTAs use
 * ("Wed Nov 25 18:12:09 UTC 2026", SendGrid's "2024-06-04 10:38:18.16 +0000 UTC"). A date without a
 * zone is null: its offset would be a guess.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/**
 * RFC 5322 §4.3 zones in minutes east of UTC, plus "UTC" and "Z". Military letters are absent
 * on purpose: RFC 822 defined their signs backwards, so §4.3 says to read them as "-0000";
 * any other alphabetic zone is likewise unknown and read as "-0000".
 */
const NAMED_ZONES: Readonly<Record<string, number>> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

interface Parts {
  day: number | null;
  month: number | null;
  year: number | null;
  hour: number | null;
  minute: number;
  second: number;
  millis: number;
  zone: number | null;
}

/** Longer inputs are not dates; the cap keeps every regex below on short strings. */
const MAX_DATE_LENGTH = 200;

/** ISO 8601 UTC ("2024-06-04T09:38:03.000Z") of a Received: date, or null when unreadable. */
export function parseReceivedDate(value: string): string | null {
  const text = value.trim();
  if (text.length > MAX_DATE_LENGTH) return null;
  const commentZones: string[] = [];
  // Comments nest (RFC 5322 §3.2.2): innermost first, until none is left.
  let bare = text;
  for (let before = ''; before !== bare; ) {
    before = bare;
    bare = bare.replace(/\(([^()]*)\)/g, (_m, inner: string) => {
      commentZones.push(inner.trim());
      return ' ';
    });
  }
  const p: Parts = { day: null, month: null, year: null, hour: null, minute: 0, second: 0, millis: 0, zone: null };
  for (const raw of bare.split(/[\s,]+/)) {
    if (raw.length > 0 && !readToken(raw, p)) break;
  }
  if (p.zone === null) {
    for (const z of commentZones) {
      const offset = zoneOffset(z);
      if (offset !== null) {
        p.zone = offset;
        break;
      }
    }
  }
  return toIso(p);
}

/** Folds one token into the parts; false ends the scan (text after the date). */
function readToken(token: string, p: Parts): boolean {
  const complete = p.day !== null && p.month !== null && p.year !== null && p.hour !== null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T(.+))?$/i.exec(token);
  if (iso !== null && p.year === null) {
    p.year = Number(iso[1]);
    p.month = Number(iso[2]) - 1;
    p.day = Number(iso[3]);
    const rest = iso[4];
    if (rest !== undefined) {
      const m = /^([\d:.]+)(.*)$/.exec(rest);
      if (m === null || !readTime(m[1] as string, p)) return false;
      if (m[2] !== undefined && m[2] !== '') p.zone = zoneOffset(m[2]);
    }
    return true;
  }
  if (/^\d{1,2}:\d{2}/.test(token)) {
    if (p.hour !== null) return false;
    const m = /^([\d:.]+)([+-]\d{2}:?\d{2}|Z)?$/i.exec(token);
    if (m === null || !readTime(m[1] as string, p)) return false;
    if (m[2] !== undefined) p.zone = zoneOffset(m[2]);
    return true;
  }
  if (/^\d+$/.test(token)) {
    if (p.day === null && token.length <= 2) p.day = Number(token);
    else if (p.year === null && token.length <= 4) p.year = readYear(token);
    else return false;
    return true;
  }
  if (/^[+-]\d{4}$/.test(token) || /^[+-]\d{2}:\d{2}$/.test(token)) {
    if (p.zone !== null) return false;
    p.zone = zoneOffset(token);
    return true;
  }
  const word = token.replace(/\.$/, '').toLowerCase();
  if (/^[a-z]+$/.test(word)) {
    const month = MONTHS.indexOf(word.slice(0, 3));
    if (p.month === null && month >= 0 && isMonthName(word)) {
      p.month = month;
      return true;
    }
    if (WEEKDAYS.has(word.slice(0, 3)) && p.hour === null) return true;
    if (p.hour !== null && p.zone === null && word.length <= 5) {
      p.zone = zoneOffset(token);
      return true;
    }
    if (p.zone !== null && complete) return false;
  }
  return !complete;
}

function isMonthName(word: string): boolean {
  if (word.length === 3) return true;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  return full.includes(word) || word === 'sept';
}

function readTime(text: string, p: Parts): boolean {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/.exec(text);
  if (m === null) return false;
  p.hour = Number(m[1]);
  p.minute = Number(m[2]);
  p.second = m[3] === undefined ? 0 : Number(m[3]);
  p.millis = m[4] === undefined ? 0 : Math.floor(Number(`0.${m[4]}`) * 1000);
  return true;
}

/** RFC 5322 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx; three-digit years add 1900. */
function readYear(token: string): number {
  const y = Number(token);
  if (token.length === 2) return y < 50 ? 2000 + y : 1900 + y;
  if (token.length === 3) return 1900 + y;
  return y;
}

/** Minutes east of UTC; unknown alphabetic zones read as "-0000" (RFC 5322 §4.3). */
function zoneOffset(text: string): number | null {
  const t = text.trim();
  const num = /^([+-])(\d{2}):?(\d{2})$/.exec(t);
  if (num !== null) {
    const minutes = Number(num[3]);
    if (minutes > 59) return null;
    const total = Number(num[2]) * 60 + minutes;
    return num[1] === '-' ? -total : total;
  }
  const named = NAMED_ZONES[t.toUpperCase()];
  if (named !== undefined) return named;
  return /^[A-Za-z]{1,5}$/.test(t) ? 0 : null;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function toIso(p: Parts): string | null {
  const { day, month, year, hour, zone } = p;
  if (day === null || month === null || year === null || hour === null || zone === null) return null;
  if (month < 0 || month > 11 || day < 1 || day > (DAYS_IN_MONTH[month] as number)) return null;
  if (year < 1900 || year > 9999 || hour > 23 || p.minute > 59 || p.second > 60) return null;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month === 1 && day === 29 && !isLeap) return null;
  const utc = Date.UTC(year, month, day, hour, p.minute, p.second, p.millis) - zone * 60_000;
  const date = new Date(utc);
  // A zone can push 9999-12-31 past the four-digit years ISO 8601 strings have without a sign.
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999 ? null : date.toISOString();
}
