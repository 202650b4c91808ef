/** TLS parameters a receiver recorded for the connection. */
export interface TlsInfo {
  /** "TLSv1.3", "TLS1_2", … as written. */
  version: string | null;
  cipher: string | null;
  /** Key bits, where the header says them (Postfix "(256/256 bits)", Sendmail "bits=256"). */
  bits: number | null;
}

/**
 * What one Received: header says. Every field is null when the header does not say it;
 * nothing is guessed.
 */
export interface ReceivedFields {
  /** The unfolded header value as given. */
  raw: string;
  /** Name the client gave in HELO/EHLO, as written (address literals keep their brackets). */
  helo: string | null;
  /** Name the receiver found by reverse DNS, trailing dot removed; null for "unknown". */
  rdns: string | null;
  /** Connecting IP, normalised: IPv6 per RFC 5952, IPv4-mapped given as IPv4, no zone id. */
  ip: string | null;
  /** Connecting port, where written ("[1.2.3.4]:25123"). */
  port: number | null;
  /** Receiving host as written in the by clause. */
  by: string | null;
  /** An IP the by clause carries ("by mx.example (1.2.3.4)"). */
  byIp: string | null;
  via: string | null;
  /** Protocol word as written (ESMTPS, esmtpsa, LMTP, HTTP, mapi, Microsoft SMTPSVC(…) → "Microsoft SMTPSVC"). */
  with: string | null;
  id: string | null;
  /** Recipient address without angle brackets. */
  for: string | null;
  /** ISO 8601 in UTC, or null when there is no date or it cannot be read. */
  date: string | null;
  /** The date text as written, so a view can show what could not be read. */
  dateRaw: string | null;
  tls: TlsInfo | null;
  /** Envelope sender the receiver recorded (Exim "envelope-from <…>", Sendmail "(envelope-from …)"). */
  envelopeFrom: string | null;
  /** Authenticated user or sender (Postfix "Authenticated sender:", Exim "authenticated as"). */
  authenticatedSender: string | null;
  /** Receiving software when the header names it: "Postfix", "Exim 4.96", "Microsoft SMTP Server", … */
  software: string | null;
  /** Which dialect rules recognised this header ("postfix", "exim", "exchange", "gmail", …), or "generic". */
  dialect: string;
  /** Things that were odd but did not stop parsing (unbalanced comment, unreadable date, …). */
  warnings: string[];
}
