/**
 * The original envelope sender inside a Sender Rewriting Scheme address, or null for any other
 * address. A forwarder that rewrites the envelope (SRS, Shevek's "Sender Rewriting Scheme" paper,
 * as libsrs2, postsrsd and most hosted forwarders write it) keeps the original as
 * `SRS0=hash=tt=domain=local@forwarder`; a second forwarder makes it
 * `SRS1=hash=first-forwarder==hash=tt=domain=local@second-forwarder`. The separator after the tag
 * may be "=", "+" or "-"; the local part may itself hold "=".
 */
export function srsOriginal(address: string): string | null {
  // RFC 5321 §4.5.3.1.3: a reverse path is at most 256 octets; anything longer is no SRS address.
  if (address.length > 256) return null;
  const at = address.lastIndexOf('@');
  if (at < 0) return null;
  const local = address.slice(0, at);
  const srs0 = /^SRS0[=+-][^=]*=[^=]*=([^=]+)=(.+)$/i.exec(local);
  const srs1 = srs0 === null ? /^SRS1[=+-][^=]*=[^=]+=[=+-][^=]*=[^=]*=([^=]+)=(.+)$/i.exec(local) : null;
  const found = srs0 ?? srs1;
  return found === null ? null : `${found[2]}@${found[1]}`;
}
