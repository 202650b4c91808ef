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

/**
 * The shape nearly every MTA writes, "Tue, 4 Jun 2024 09:38:03 +0200 (CEST)": read by one scan
 * of the characters, without a regex or a substring. Anything else takes the general path
 * below, which reads this shape the same way (a property test holds them together). The shape:
 *   [weekday [","] 1*WSP] 1*2DIGIT 1*WSP month 1*WSP 2*4DIGIT 1*WSP 1*2DIGIT ":" 2DIGIT [":" 2DIGIT ["." 1*9DIGIT]]
 *   1*WSP (("+" / "-") 4DIGIT / 1*5ALPHA) [1*WSP "(" *(any but "(", ")", "\\") ")"]
 */
function common(text: string): Parts | null {
  const n = text.length;
  let i = 0;
  let c = text.charCodeAt(0) | 32;
  if (c >= 97 && c <= 122) {
    // A weekday: three letters, an optional comma, then white space.
    if (n < 4 || weekdayAt(text) < 0) return null;
    i = 3;
    if (text.charCodeAt(i) === 44) i++;
    const after = skipSpace(text, i);
    if (after === i) return null;
    i = after;
  }
  const dayDigits = digitCount(text, i);
  if (dayDigits === 0 || dayDigits > 2) return null;
  const day = counted;
  i += dayDigits;
  let next = skipSpace(text, i);
  if (next === i || next + 3 > n) return null;
  const month = monthAt(text, next);
  if (month < 0) return null;
  i = next + 3;
  next = skipSpace(text, i);
  const yearDigits = digitCount(text, next);
  if (next === i || yearDigits < 2 || yearDigits > 4) return null;
  const year = fullYear(counted, yearDigits);
  i = next + yearDigits;
  next = skipSpace(text, i);
  const hourDigits = digitCount(text, next);
  if (next === i || hourDigits === 0 || hourDigits > 2) return null;
  const hour = counted;
  i = next + hourDigits;
  if (text.charCodeAt(i) !== 58 || digitCount(text, i + 1) !== 2) return null;
  const minute = counted;
  i += 3;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(i) === 58) {
    if (digitCount(text, i + 1) !== 2) return null;
    second = counted;
    i += 3;
    if (text.charCodeAt(i) === 46) {
      // A fraction of a second, read as readTime reads it.
      const fraction = digitCount(text, i + 1);
      if (fraction === 0 || fraction > 9) return null;
      millis = Math.floor(Number(`0.${text.slice(i + 1, i + 1 + fraction)}`) * 1000);
      i += 1 + fraction;
    }
  }
  next = skipSpace(text, i);
  c = text.charCodeAt(next);
  if (next === i) return null;
  let zone: number;
  if (c === 43 || c === 45) {
    if (digitCount(text, next + 1) !== 4) return null;
    const zoneMinutes = counted % 100;
    // An unreadable zone may be given again in the comment: the general path looks there.
    if (zoneMinutes > 59) return null;
    zone = (c === 45 ? -1 : 1) * (Math.floor(counted / 100) * 60 + zoneMinutes);
    i = next + 5;
  } else {
    // A named zone ("GMT", "EST"), read as zoneOffset reads it.
    i = next;
    while (i < n && isLetter(text.charCodeAt(i))) i++;
    if (i === next || i - next > 5 || (i < n && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9)) return null;
    zone = NAMED_ZONES[text.slice(next, i).toUpperCase()] ?? 0;
  }
  if (i < n) {
    // Only a comment without nesting or quoted-pairs may follow.
    next = skipSpace(text, i);
    if (next === i || text.charCodeAt(next) !== 40 || text.charCodeAt(n - 1) !== 41) return null;
    for (let k = next + 1; k < n - 1; k++) {
      const d = text.charCodeAt(k);
      if (d === 40 || d === 41 || d === 92) return null;
    }
  }
  return { day, month, year, hour, minute, second, millis, zone };
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/*
 * The scans below stop at the end of the text instead of reading past it: a read past the end
 * gives NaN, and once V8 has seen one it compiles the loop for values that may not be small
 * integers, which cost a sixth of the common date's scan.
 */

function skipSpace(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

/**
 * The value of the digits digitCount counted last, so that each digit is read once and no
 * object is made per number. Only the first nine count: no part of a date has more, and more
 * would leave the small integers V8 keeps this loop to.
 */
let counted = 0;

/** How many ASCII digits start at i; their value is left in `counted`. */
function digitCount(text: string, i: number): number {
  const n = text.length;
  let k = i;
  let value = 0;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) break;
    if (k - i < 9) value = value * 10 + (c - 48);
    k++;
  }
  counted = value;
  return k - i;
}

/** The three letters at i, lower-cased and packed into one number, or -1 when one is not a letter. */
function lettersAt(text: string, i: number): number {
  let packed = 0;
  for (let k = i; k < i + 3; k++) {
    const c = text.charCodeAt(k) | 32;
    if (c < 97 || c > 122) return -1;
    packed = packed * 32 + (c - 96);
  }
  return packed;
}

const packed = (name: string): number => lettersAt(name, 0);
const MONTH_KEYS = MONTHS.map(packed);
const WEEKDAY_KEYS = [...WEEKDAYS].map(packed);

/** The month (0–11) whose three-letter name is at i, or -1. */
function monthAt(text: string, i: number): number {
  const key = lettersAt(text, i);
  if (key < 0) return -1;
  // A loop, not indexOf: the builtin's call costs more than comparing twelve numbers.
  for (let m = 0; m < 12; m++) if (MONTH_KEYS[m] === key) return m;
  return -1;
}

/** Whether a weekday's three-letter name starts the text and no letter follows it: the index in WEEKDAYS, or -1. */
function weekdayAt(text: string): number {
  const c = text.charCodeAt(3) | 32;
  if (c >= 97 && c <= 122) return -1;
  const key = lettersAt(text, 0);
  if (key < 0) return -1;
  for (let d = 0; d < 7; d++) if (WEEKDAY_KEYS[d] === key) return d;
  return -1;
}

/** ISO 8601 UTC ("2024-06-04T09:38:03.000Z") of a Received: date, or null when unreadable. */
export function parseReceivedDate(value: string): string | null {
  const text = value.trim();
  if (text.length > MAX_DATE_LENGTH) return null;
  const fast = common(text);
  if (fast !== null) return toIso(fast);
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
  return fullYear(Number(token), token.length);
}

/** The year written as `y` with this many digits (RFC 5322 §4.3, as readYear). */
function fullYear(y: number, digits: number): number {
  if (digits === 2) return y < 50 ? 2000 + y : 1900 + y;
  if (digits === 3) return 1900 + y;
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
  // The zone's shift within the same day (nearly every header): the string straight from the
  // parts. A leap second or a shift past midnight goes through the time value.
  const utcMinutes = hour * 60 + p.minute - zone;
  if (p.second < 60 && utcMinutes >= 0 && utcMinutes < 1440) {
    return formatIso(year, month + 1, day, Math.floor(utcMinutes / 60), utcMinutes % 60, p.second, p.millis);
  }
  return isoString(Date.UTC(year, month, day, hour, p.minute, p.second, p.millis) - zone * 60_000);
}

const DAY_MS = 86_400_000;
/**
 * What Date's toISOString gives for a time from 1800 to 9999, formatted by hand (days to civil
 * date after H. Hinnant's "chrono-compatible low-level date algorithms"): this runs for every
 * Received header, and building a Date for each costs more than the rest of the date's parse.
 * Null past 9999, where ISO 8601 strings need a sign: a zone can push 9999-12-31 there.
 */
export function isoString(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999) return null;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  return formatIso(year, month, day, hour, minute, second, rest - second * 1000);
}

/** Character code of "0"; a digit d is written as ZERO + d. */
const ZERO = 48;

/**
 * "YYYY-MM-DDTHH:MM:SS.mmmZ" of a four-digit year, month from 1. Made from its 24 character
 * codes in one call: a template of padded numbers builds a dozen intermediate strings, and this
 * runs for every Received header.
 */
function formatIso(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number): string {
  return String.fromCharCode(
    ZERO + Math.floor(year / 1000),
    ZERO + (Math.floor(year / 100) % 10),
    ZERO + (Math.floor(year / 10) % 10),
    ZERO + (year % 10),
    45,
    ZERO + Math.floor(month / 10),
    ZERO + (month % 10),
    45,
    ZERO + Math.floor(day / 10),
    ZERO + (day % 10),
    84,
    ZERO + Math.floor(hour / 10),
    ZERO + (hour % 10),
    58,
    ZERO + Math.floor(minute / 10),
    ZERO + (minute % 10),
    58,
    ZERO + Math.floor(second / 10),
    ZERO + (second % 10),
    46,
    ZERO + Math.floor(millis / 100),
    ZERO + (Math.floor(millis / 10) % 10),
    ZERO + (millis % 10),
    90,
  );
}
