import { normalizeIp } from '../net/ip.js';
import { parseReceivedDate } from '../message/date.js';
import { clauseComments, clauseValue, leadingWords, type ReceivedSyntax } from './grammar.js';
import { cleanHostName, parseHostInfo, type HostInfo } from './hostinfo.js';
import { tlsFromComment } from './tls.js';
import type { CommentToken, Token } from './tokenize.js';
import type { ReceivedFields } from './types.js';

/** Real headers carry a handful of comments; beyond this many, the rest are not interpreted. */
const MAX_COMMENTS = 50;
/** Host info sits in the first comments after "from" (qmail writes two). */
const HOST_COMMENTS = 3;

/** Top-level comments in header order, capped at MAX_COMMENTS. */
export function allComments(syntax: ReceivedSyntax): CommentToken[] {
  const out: CommentToken[] = [];
  const take = (tokens: Token[]): void => {
    for (const t of tokens) {
      if (out.length >= MAX_COMMENTS) return;
      if (t.kind === 'comment') out.push(t);
    }
  };
  take(syntax.leading);
  for (const c of syntax.clauses) take(c.tokens);
  for (const t of syntax.trailingComments) if (out.length < MAX_COMMENTS) out.push(t);
  return out;
}

/** The host info of the first comments after "from", later comments filling what earlier ones left open. */
export function fromHostInfo(syntax: ReceivedSyntax): HostInfo | null {
  let merged: HostInfo | null = null;
  for (const c of clauseComments(syntax.first.from).slice(0, HOST_COMMENTS)) {
    const info = parseHostInfo(c.own);
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
  }
  return merged;
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
  const warnings = [...syntax.warnings];
  const fields: ReceivedFields = { ...nothingSaid(raw), dateRaw: syntax.dateRaw, warnings };

  const fromWord = clauseValue(syntax.first.from);
  if (fromWord !== null && fromWord.kind !== 'semicolon') fields.helo = fromWord.text;
  const info = fromHostInfo(syntax);
  if (info !== null) {
    fields.rdns = info.rdns;
    fields.ip = info.ip;
    fields.port = info.port;
    if (info.helo !== null && fields.helo !== null) {
      // "from name (HELO x)" and "from name ([ip] helo=x)": the from word is the client's name or address.
      const asIp = normalizeIp(fields.helo);
      if (asIp !== null) fields.ip ??= asIp;
      else if (!info.rdnsWritten) fields.rdns = cleanHostName(fields.helo);
      fields.helo = info.helo;
    }
  }

  const byWord = clauseValue(syntax.first.by);
  if (byWord !== null) {
    fields.by = byWord.text;
    fields.byIp = normalizeIp(byWord.text);
    for (const c of clauseComments(syntax.first.by).slice(0, HOST_COMMENTS)) {
      if (fields.byIp !== null) break;
      fields.byIp = parseHostInfo(c.own)?.ip ?? null;
    }
  }
  const withWord = clauseValue(syntax.first.with);
  if (withWord !== null) fields.with = withWord.text;
  fields.via = leadingWords(syntax.first.via);
  const id = clauseValue(syntax.first.id);
  if (id !== null) fields.id = id.text;
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

function recipient(t: Token | null): string | null {
  if (t === null) return null;
  if (t.kind === 'angle') return t.text === '' ? null : t.text;
  if (t.kind !== 'word' && t.kind !== 'quoted') return null;
  const text = t.text.replace(/^<|>$/g, '');
  // Some MTAs write "for multiple recipients": no address.
  return text === '' || text.toLowerCase() === 'multiple' ? null : text;
}

function readComments(syntax: ReceivedSyntax, fields: ReceivedFields): void {
  for (const c of allComments(syntax)) {
    const own = c.own.trim();
    if (fields.tls === null) fields.tls = tlsFromComment(c);
    const envelope = /^envelope-from\s+<?([^<>\s]*)>?/i.exec(own);
    if (envelope !== null && fields.envelopeFrom === null) fields.envelopeFrom = envelope[1] as string;
    const auth = /^Authenticated sender:\s*(\S+)/i.exec(own);
    if (auth !== null && fields.authenticatedSender === null) fields.authenticatedSender = auth[1] as string;
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
      const next = tokens[i + 1] as Token;
      const word = t.text.toLowerCase();
      if (word === 'tls' && next.kind === 'word') {
        fields.tls = { version: fields.tls?.version ?? null, cipher: next.text, bits: fields.tls?.bits ?? null };
      } else if (word === 'envelope-from' && fields.envelopeFrom === null && (next.kind === 'angle' || next.kind === 'word')) {
        fields.envelopeFrom = next.text.replace(/^<|>$/g, '');
      }
    }
  }
}
