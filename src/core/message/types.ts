/** One header field, unfolded, with its name as written. */
export interface HeaderField {
  name: string;
  value: string;
}

/** The facts about one message that the route and the checks use. */
export interface MessageInfo {
  /** Decoded (RFC 2047) subject, null when absent. */
  subject: string | null;
  /** From: address (addr-spec only), null when absent or unreadable. */
  from: string | null;
  fromDisplay: string | null;
  to: string[];
  /** Envelope sender from Return-Path: "" for the null sender "<>", null when absent. */
  returnPath: string | null;
  /** Date: header as ISO 8601 UTC. */
  date: string | null;
  /** The Date: field as written, so a view can show the sender's own zone and what could not be read. */
  dateRaw: string | null;
  messageId: string | null;
  /** All header fields in order, topmost first, unfolded and decoded. */
  headers: HeaderField[];
  /** True when only a header block was given (no body seen). */
  headersOnly: boolean;
}

/** The message as DKIM hashes it: never part of the report. */
export interface MessageBytes {
  bytes: Uint8Array;
  /** True for the bytes as they arrived (a file, a download, a mail client); false for pasted text. */
  exact: boolean;
}

/** A message carried inside another one as message/rfc822 (a forwarded phish). */
export interface EmbeddedMessageRef {
  /** Index to pass back to choose this message. */
  index: number;
  subject: string | null;
  from: string | null;
  date: string | null;
}

/** Why input was refused: a clear sentence for the user, and a machine-readable code. */
export class InputError extends Error {
  constructor(
    readonly code: 'empty' | 'too-large' | 'binary' | 'not-a-message' | 'no-received' | 'no-such-embedded',
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
