import { simpleParser } from 'mailparser';
import type { ParsedMail, SimpleParserOptions } from 'mailparser';
import { decodeMessageBytes } from './decode.js';
import { messageInfo } from './info.js';
import { looksBinary } from './junk.js';
import { assertInputSize, MAX_EMBEDDED_DEPTH, MAX_EMBEDDED_MESSAGES, MAX_HEADER_BLOCK_SIZE, MB } from './limits.js';
import { isFieldStart, normalizePaste, type PastedMessage } from './paste.js';
import { InputError } from './types.js';
import type { EmbeddedMessageRef, MessageBytes, MessageInfo } from './types.js';
import { messageBytes } from './message-bytes.js';

export interface ReadOptions {
  /** Analyse this embedded message (an index into `embedded`) instead of the outer one. */
  embedded?: number;
}

export interface ReadResult {
  info: MessageInfo;
  /** Every message/rfc822 part, nested ones included, depth first in the order they appear. */
  embedded: EmbeddedMessageRef[];
  embeddedIndex: number | null;
  /** Messages in the input: more than 1 for an mbox file of several, whose first is the one read. */
  messagesInInput: number;
  /** The chosen message's bytes, for DKIM. */
  bytes: MessageBytes;
}

/**
 * Only the headers and message/rfc822 parts matter here: the text conversions are skipped (they
 * cost time on hostile HTML and are never shown), attachments are not hashed (hashing would pull
 * node:crypto into the browser bundle), and embedded messages stay attachments so that their
 * raw text can be read as a message of its own.
 */
const PARSER_OPTIONS: SimpleParserOptions = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  skipTextLinks: true,
  keepCidLinks: true,
  checksumAlgo: false,
  ignoreEmbedded: true,
  maxHeadSize: MAX_HEADER_BLOCK_SIZE,
};

/** The signature of an OLE compound file, the container of Outlook's .msg files. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const EMBEDDED_TYPES = new Set(['message/rfc822', 'message/global']);

interface ReadOne {
  info: MessageInfo;
  parts: Uint8Array[];
  messages: number;
  paste: PastedMessage;
}

async function parse(text: string): Promise<ParsedMail | null> {
  try {
    return await simpleParser(text, PARSER_OPTIONS);
  } catch {
    return null;
  }
}

async function readOne(text: string): Promise<ReadOne> {
  const paste = normalizePaste(text);
  if (looksBinary(paste.headerLines)) {
    throw new InputError('binary', 'This is binary data, not the text of an e-mail message. Open the message source (.eml) or paste its headers as text.');
  }
  const first = paste.headerLines[0];
  if (first === undefined || !isFieldStart(first)) {
    throw new InputError(
      'not-a-message',
      'This does not look like an e-mail message: it does not start with header fields ("Name: value" lines). Paste the whole message source or its header block.',
    );
  }
  const headerSize = paste.headerLines.reduce((n, line) => n + line.length + 2, 0);
  if (headerSize > MAX_HEADER_BLOCK_SIZE) {
    throw new InputError(
      'too-large',
      `The header block is over ${MAX_HEADER_BLOCK_SIZE / MB} MB; real ones are a few kilobytes. This is not a message Hoplens can read.`,
    );
  }
  // A broken MIME body must not cost the headers: read the header block alone if the whole fails.
  const mail = (await parse(paste.text)) ?? (paste.headersOnly ? null : await parse(`${paste.headerLines.join('\r\n')}\r\n`));
  if (mail === null) {
    throw new InputError('not-a-message', 'The message could not be read: its header block is malformed.');
  }
  const info = messageInfo(mail, paste.headersOnly);
  if (info.headers.length === 0) {
    throw new InputError('not-a-message', 'This does not look like an e-mail message: no header field could be read.');
  }
  const parts = mail.attachments.filter((a) => EMBEDDED_TYPES.has(a.contentType)).map((a): Uint8Array => a.content);
  return { info, parts, messages: paste.messages, paste };
}

interface Embedded {
  info: MessageInfo;
  part: Uint8Array;
}

async function collectEmbedded(parts: readonly Uint8Array[], depth: number, found: Embedded[]): Promise<void> {
  if (depth > MAX_EMBEDDED_DEPTH) return;
  for (const part of parts) {
    if (found.length >= MAX_EMBEDDED_MESSAGES) return;
    let inner: ReadOne;
    try {
      inner = await readOne(decodeMessageBytes(part));
    } catch (err) {
      // An attached "message" that is not one is left out of the list rather than offered.
      if (err instanceof InputError) continue;
      throw err;
    }
    found.push({ info: inner.info, part });
    await collectEmbedded(inner.parts, depth + 1, found);
  }
}

/**
 * Reads a raw message, a header block, or headers pasted from a webmail view, and lists the
 * messages attached to it. Throws InputError when the input is not something Hoplens can read.
 */
export async function readMessage(raw: string | Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  assertInputSize(typeof raw === 'string' ? raw.length : raw.byteLength);
  if (typeof raw !== 'string' && OLE_MAGIC.every((byte, i) => raw[i] === byte)) {
    throw new InputError(
      'binary',
      'This is an Outlook .msg file, a binary format, not the text of an e-mail message. In Outlook, open the message, choose File → Properties and copy the "Internet headers" box, or save the message as .eml, and give Hoplens that.',
    );
  }
  const text = typeof raw === 'string' ? raw : decodeMessageBytes(raw);
  if (text.trim() === '') {
    throw new InputError('empty', 'The input is empty. Paste a message source or its header block, or choose an .eml file.');
  }
  const outer = await readOne(text);
  const found: Embedded[] = [];
  await collectEmbedded(outer.parts, 1, found);
  const embedded = found.map(({ info }, index): EmbeddedMessageRef => ({ index, subject: info.subject, from: info.from, date: info.date }));
  const wanted = options.embedded;
  const messagesInInput = outer.messages;
  const bytes = messageBytes(raw, outer.paste);
  if (wanted === undefined) return { info: outer.info, embedded, embeddedIndex: null, messagesInInput, bytes };
  const chosen = Number.isInteger(wanted) ? found[wanted] : undefined;
  if (chosen === undefined) {
    throw new InputError(
      'no-such-embedded',
      `There is no attached message number ${wanted + 1}: this message carries ${found.length === 0 ? 'none' : `${found.length} (numbered from 1)`}.`,
    );
  }
  // An attached message's part holds its bytes (transfer encoding undone), as exact as the outer's.
  return { info: chosen.info, embedded, embeddedIndex: wanted, messagesInInput, bytes: { bytes: chosen.part, exact: bytes.exact } };
}
