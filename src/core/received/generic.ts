import { normalizeIp } from '../net/ip.js';
import { parseReceivedDate } from '../message/date.js';
import { type Clause, clauseComments, clauseValue, leadingWords, type ReceivedSyntax } from './grammar.js';
import { cleanHostName, isPlaceholder, parseHostInfo, type HostInfo } from './hostinfo.js';
import { tlsFromComment } from './tls.js';
import { isCaseless } from './keywords.js';
import type { CommentToken, Token } from './tokenize.js';
import type { ReceivedFields } from './types.js';

/** Real headers carry a handful of comments; beyond this many, the rest are not interpreted. */
const MAX_COMMENTS = 50;
/** Host info sits in the first comments after "from" (qmail writes two). */
const HOST_COMMENTS = 3;

/** Top-level comments in header order, capped at MAX_COMMENTS. */
export function allComments(syntax: ReceivedSyntax): CommentToken[] {
  const out: CommentToken[] = [];
  takeComments(syntax.leading, out);
  for (let i = 0; i < syntax.clauses.length; i++) takeComments((syntax.clauses[i] as Clause).tokens, out);
  for (let i = 0; i < syntax.trailingComments.length && out.length < MAX_COMMENTS; i++) out.push(syntax.trailingComments[i] as CommentToken);
  return out;
}

function takeComments(tokens: Token[], out: CommentToken[]): void {
  for (let i = 0; i < tokens.length && out.length < MAX_COMMENTS; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'comment') out.push(t);
  }
}

/**
 * The host info of the first comments after "from", later comments filling what earlier ones
 * left open. Without a from clause, a leading "(from rdns [ip])" (anti-virus gateways) stands in.
 * Read once per header; callers only read it.
 */
export function fromHostInfo(syntax: ReceivedSyntax): HostInfo | null {
  if (syntax.hostInfo === undefined) syntax.hostInfo = readHostInfo(syntax);
  return syntax.hostInfo;
}

function readHostInfo(syntax: ReceivedSyntax): HostInfo | null {
  const comments = syntax.first.from === undefined ? leadingFromComments(syntax) : clauseComments(syntax.first.from);
  let merged: HostInfo | null = null;
  for (let i = 0; i < comments.length && i < HOST_COMMENTS; i++) {
    const info = parseHostInfo((comments[i] as CommentToken).own);
    if (info === null) continue;
    if (merged === null) {
      merged = info;
      continue;
    }
    merged.rdns ??= info.rdns;
    merged.rdnsWritten ||= info.rdnsWritten;
    merged.ip ??= info.ip;
    merged.port ??= info.port;
    merged.helo ??= info.helo;
    merged.literal ||= info.literal;
    merged.account ??= info.account;
  }
  return merged;
}

function leadingFromComments(syntax: ReceivedSyntax): CommentToken[] {
  const out: CommentToken[] = [];
  for (const t of syntax.leading) if (t.kind === 'comment' && /^\s*from\s/i.test(t.own.slice(0, 8))) out.push(t);
  return out;
}

/**
 * A comment after "from" that is one bare name and no TCP-info: "from X (Y)". Whether Y is the
 * reverse DNS or the HELO name depends on the MTA, so only a dialect reads it.
 */
export function bareNameComment(syntax: ReceivedSyntax): string | null {
  const first = clauseComments(syntax.first.from)[0];
  if (first === undefined || first.children.length > 0) return null;
  const own = first.trimmed;
  return own.length <= 255 && /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(own) && normalizeIp(own) === null ? own : null;
}

/**
 * A host word as written, or null when it is none: the comma some MTAs put after it ("by host,
 * id …") goes; an e-mail address where a host belongs is not a host, nor is an angle address
 * ("by <postmaster@example.net>", a mailbox: RFC 5321 §4.1.2 Path); nor a placeholder. Postfix
 * writes "unknown" as the from word when the client sent no HELO and has no name ("from %s",
 * helo_name or else the client name, smtpd.c), and qmail writes its remote host there, "unknown"
 * when it has none, with "(HELO x)" only when the greeting differs from it and the greeting
 * set to the remote host before any HELO (qmail-smtpd.c: dohelo(remotehost) in setup, fakehelo):
 * in both it is the stand-in for no name, not the greeting. Sendmail writes the greeting
 * itself there, and its dialect says so.
 */
export function hostWord(t: Token | null): string | null {
  const text = writtenHostWord(t);
  return text === null || isPlaceholder(text) ? null : text;
}

/** A host word as written, a placeholder included (Sendmail's from word is always the HELO argument). */
export function writtenHostWord(t: Token | null): string | null {
  if (t === null || t.kind === 'angle') return null;
  const text = clauseWord(t);
  return text?.includes('@') && !text.startsWith('[') ? null : text;
}

/** A clause's value as written, without a trailing comma ("via SMTP by fw.example, id …"). */
function clauseWord(t: Token | null): string | null {
  if (t === null || t.kind === 'semicolon' || t.kind === 'comment') return null;
  return withoutCommas(t.text);
}

/** Text without the commas after it, or null when nothing else is left. */
function withoutCommas(text: string): string | null {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 44) end--;
  return end === 0 ? null : end === text.length ? text : text.slice(0, end);
}

/** An address literal written after the from word and its comments: old Exim and GMX's "from rdns (helo) [ip]", fetchmail's "from host [ip]". */
function trailingLiteral(syntax: ReceivedSyntax): string | null {
  const from = syntax.first.from;
  if (from === undefined) return null;
  let seenValue = false;
  for (const t of from.tokens) {
    if (t.kind === 'comment') continue;
    if (!seenValue) {
      seenValue = true;
      continue;
    }
    if (t.kind === 'word' && t.text.startsWith('[')) return normalizeIp(t.text.replace(/\]:\d+$/, ']'));
    return null;
  }
  return null;
}

/**
 * What every Received: header says in the same way, whichever MTA wrote it: RFC 5321 §4.4's
 * "from helo (TCP-info) by host with protocol id id for <rcpt>; date" and the comment shapes
 * several MTAs share. Dialect rules refine this.
 */
/** The fields of a header that says nothing: every field null, read by no dialect. */
export function nothingSaid(raw: string): ReceivedFields {
  return {
    raw,
    helo: null,
    rdns: null,
    ip: null,
    port: null,
    by: null,
    byIp: null,
    via: null,
    with: null,
    id: null,
    for: null,
    date: null,
    dateRaw: null,
    tls: null,
    envelopeFrom: null,
    authenticatedSender: null,
    software: null,
    dialect: 'generic',
    warnings: [],
  };
}

export function readGeneric(syntax: ReceivedSyntax, raw: string): ReceivedFields {
  const warnings = syntax.warnings.slice();
  // Filled in place: one object of one shape for every header, whatever it says.
  const fields = nothingSaid(raw);
  fields.dateRaw = syntax.dateRaw;
  fields.warnings = warnings;

  fields.helo = hostWord(clauseValue(syntax.first.from));
  const info = fromHostInfo(syntax);
  if (info !== null) {
    fields.rdns = info.rdns;
    fields.ip = info.ip;
    fields.port = info.port;
    fields.authenticatedSender = info.account;
    if (info.helo !== null && fields.helo !== null) {
      // "from name (HELO x)" and "from name ([ip] helo=x)": the from word is the client's name or address.
      const asIp = normalizeIp(fields.helo);
      if (asIp !== null) fields.ip ??= asIp;
      else if (fields.helo.charCodeAt(0) === 91) fromLiteral(fields.helo, fields);
      else if (!info.rdnsWritten) fields.rdns = cleanHostName(fields.helo);
      fields.helo = info.helo === '' ? null : info.helo;
    } else if (info.helo !== null) {
      fields.helo = info.helo === '' ? null : info.helo;
    }
  }
  fields.ip ??= trailingLiteral(syntax);
  // "from [ip] by …" with no TCP-info: MTAs that write the peer's address there (GMX, MDaemon, SMTPD32, QMQP).
  if (info === null && fields.ip === null && fields.helo?.startsWith('[')) fields.ip = normalizeIp(fields.helo);

  fields.by = hostWord(clauseValue(syntax.first.by));
  if (fields.by !== null) {
    fields.byIp = normalizeIp(fields.by);
    const comments = clauseComments(syntax.first.by);
    for (let i = 0; i < comments.length && i < HOST_COMMENTS && fields.byIp === null; i++) {
      const own = (comments[i] as CommentToken).own;
      // An address has a digit or a colon: "(Postfix)" and the like need no reading.
      if (/[\d:]/.test(own)) fields.byIp = parseHostInfo(own)?.ip ?? null;
    }
  }
  fields.with = protocolWord(clauseValue(syntax.first.with));
  // "via SMTP, with ESMTP, id …": the comma separates clauses, as after "by host,"; Link is an Atom (RFC 5321 §4.4).
  const via = leadingWords(syntax.first.via);
  fields.via = via === null ? null : withoutCommas(via);
  fields.id = clauseWord(clauseValue(syntax.first.id));
  fields.for = recipient(clauseValue(syntax.first.for));

  if (syntax.dateRaw !== null) {
    fields.date = parseReceivedDate(syntax.dateRaw);
    if (fields.date === null) warnings.push('unreadable date');
  } else {
    warnings.push('no date');
  }

  readComments(syntax, fields);
  readClauseExtras(syntax, fields);
  return fields;
}

/**
 * An address literal with a port as the from word, old Exim's "from [ip.port] (helo=x)" (Exim 3
 * wrote the port after a dot, as its -oMa option still reads it): an address, never a name.
 */
function fromLiteral(word: string, fields: ReceivedFields): void {
  const literal = parseHostInfo(word);
  if (literal === null) return;
  fields.ip ??= literal.ip;
  fields.port ??= literal.port;
}

/**
 * The protocol word, or null when the with clause starts with a bracket it does not close: the
 * first word of a bracketed server name ("with [XMail 1.20 ESMTP Server]", which the XMail
 * dialect reads) is no protocol (RFC 5321 §4.4: Protocol is an Atom).
 */
function protocolWord(t: Token | null): string | null {
  const text = clauseWord(t);
  return text !== null && text.charCodeAt(0) === 91 && text.indexOf(']') < 0 ? null : text;
}

function recipient(t: Token | null): string | null {
  if (t === null) return null;
  if (t.kind === 'angle') return t.text === '' ? null : t.text;
  if (t.kind !== 'word' && t.kind !== 'quoted') return null;
  const text = t.text.replace(/^<|>$/g, '');
  // Some MTAs write "for multiple recipients": no address.
  return text === '' || text.toLowerCase() === 'multiple' ? null : text;
}

/** An address read from a comment ends at a control character, as a word does (tokenize.ts CONTROL_CHAR). */
function readComments(syntax: ReceivedSyntax, fields: ReceivedFields): void {
  for (const c of allComments(syntax)) {
    const own = c.trimmed;
    if (fields.tls === null) fields.tls = tlsFromComment(c);
    // The first letter decides which shape a comment can be: most comments are none of these.
    const first = own.charCodeAt(0) | 32;
    if (first === 101 && fields.envelopeFrom === null) {
      const envelope = /^envelope-from\s+<?([^<>\s\u0000-\u001f\u007f]*)>?/i.exec(own);
      if (envelope !== null) fields.envelopeFrom = envelope[1] as string;
    } else if (first === 97 && fields.authenticatedSender === null) {
      const auth = /^Authenticated sender:\s*([^\s\u0000-\u001f\u007f]+)/i.exec(own);
      if (auth !== null) fields.authenticatedSender = auth[1] as string;
    }
  }
}

/**
 * Words that follow a clause's value: Exim and Haraka write "tls CIPHER", Haraka writes
 * "envelope-from <x>" without parentheses.
 */
function readClauseExtras(syntax: ReceivedSyntax, fields: ReceivedFields): void {
  for (const clause of syntax.clauses) {
    const tokens = clause.tokens;
    for (let i = 1; i < tokens.length - 1; i++) {
      const t = tokens[i] as Token;
      if (t.kind !== 'word') continue;
      if (t.text.length !== 3 && t.text.length !== 13) continue;
      const next = tokens[i + 1] as Token;
      if (isCaseless(t.text, 'tls') && next.kind === 'word') {
        fields.tls = { version: fields.tls?.version ?? null, cipher: next.text, bits: fields.tls?.bits ?? null };
      } else if (isCaseless(t.text, 'envelope-from') && fields.envelopeFrom === null && (next.kind === 'angle' || next.kind === 'word')) {
        fields.envelopeFrom = next.text.replace(/^<|>$/g, '');
      }
    }
  }
}
