/**
 * A message whose route is `hops` long: relays inside the receiving organisation (private
 * addresses, so nothing is looked up for them) walked down from the newest hop, the sender
 * below them. The sender search has to walk the whole route.
 */
export function longRouteMessage(hops: number): string {
  const lines = [
    'Received: from relay0.example.net (relay0.example.net [198.51.100.1]) by mx.example.net (Postfix) with ESMTPS id 4Vt0 for <user@example.net>; Tue, 4 Jun 2024 10:00:00 +0000',
  ];
  for (let i = 1; i < hops - 1; i++) {
    lines.push(
      `Received: from relay${i}.example.net (relay${i}.example.net [10.${(i >> 8) & 255}.${i & 255}.1]) by relay${i - 1}.example.net (Postfix) with ESMTP id Q${i} for <user@example.net>; Tue, 4 Jun 2024 09:${String(59 - (i % 60)).padStart(2, '0')}:00 +0000`,
    );
  }
  lines.push(
    'Received: from mail.example.com (mail.example.com [203.0.113.25]) by relay-last.example.net (Postfix) with ESMTPS id Z1; Tue, 4 Jun 2024 08:00:00 +0000',
  );
  return `${lines.join('\r\n')}\r\nFrom: a@example.com\r\nTo: user@example.net\r\nSubject: long route\r\nDate: Tue, 4 Jun 2024 08:00:00 +0000\r\n\r\nbody\r\n`;
}

/**
 * The message with `fake` Received lines below its real ones, as issue 11's header stuffing adds
 * them: after the last Received field, so that they read as hops older than the real route.
 */
export function stuffReceived(message: string | Uint8Array, fake: readonly string[]): string {
  const raw = (typeof message === 'string' ? message : new TextDecoder('latin1').decode(message)).replace(/\r?\n/g, '\r\n');
  const headerEnd = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, headerEnd).split('\r\n');
  let last = -1;
  headers.forEach((line, i) => {
    if (/^Received:/i.test(line)) last = i;
  });
  let end = last + 1;
  while (end < headers.length && /^[ \t]/.test(headers[end]!)) end++;
  headers.splice(end, 0, ...fake);
  return `${headers.join('\r\n')}${raw.slice(headerEnd)}`;
}

/** The i-th made-up Received line of a stuffing, from `ip`, a minute older every 60 lines. */
export function stuffingLine(i: number, ip: string): string {
  return `Received: from relay${i}.example.org (relay${i}.example.org [${ip}]) by relay${i + 1}.example.org with ESMTP id F${i}; Tue, 14 Oct 2025 08:${String(59 - (i % 60)).padStart(2, '0')}:00 +0000`;
}

/** The message with `count` Authentication-Results fields below its real Received lines, as anyone upstream could write them. */
export function stuffAuthResults(message: string, count: number): string {
  return stuffReceived(
    message,
    Array.from({ length: count }, (_, i) => `Authentication-Results: relay${i}.example.org; spf=pass smtp.mailfrom=postmaster@example.com`),
  );
}
