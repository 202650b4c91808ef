import type { AddressObject, EmailAddress, ParsedMail } from 'mailparser';
import type { HeaderField, MessageInfo } from './types.js';
import { parseReceivedDate } from './date.js';
import { decodedLine, headerFields } from './headers.js';

function mailboxes(list: readonly EmailAddress[]): EmailAddress[] {
  return list.flatMap((entry) => (entry.group ? mailboxes(entry.group) : [entry]));
}

function addressList(value: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  if (!value) return [];
  return mailboxes((Array.isArray(value) ? value : [value]).flatMap((obj) => obj.value));
}

function firstValue(headers: readonly HeaderField[], name: string): string | null {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value ?? null;
}

/** "<>" is the null reverse-path of bounces (RFC 5321 §4.5.5), given as "". */
export function returnPathOf(value: string | null): string | null {
  if (value === null) return null;
  const angle = /<([^>]*)>/.exec(value);
  return (angle ? angle[1]! : value).trim();
}

const dateOf = (value: string | null): string | null => (value === null ? null : parseReceivedDate(value));

export function messageInfo(mail: ParsedMail, headersOnly: boolean): MessageInfo {
  const headers = headerFields(mail.headerLines ?? [], mail.subject ?? null);
  const from = addressList(mail.from)[0];
  return {
    subject: mail.subject === undefined ? null : decodedLine(mail.subject),
    from: from?.address || null,
    fromDisplay: from?.name ? decodedLine(from.name) : null,
    to: addressList(mail.to).flatMap((a) => (a.address ? [a.address] : [])),
    returnPath: returnPathOf(firstValue(headers, 'Return-Path')),
    // The Date: field has the same RFC 5322 date-time grammar as a Received date; mailparser
    // would give the current time for one it cannot read.
    date: dateOf(firstValue(headers, 'Date')),
    dateRaw: firstValue(headers, 'Date'),
    messageId: firstValue(headers, 'Message-ID'),
    headers,
    headersOnly,
  };
}
