import type { Dialect } from './dialect.js';
import { findComment, mark } from './marks.js';
import { isAtOrUnder } from '../../hostnames/canonical.js';

const SOFTWARE = mark(/^SG$/, 'S');
/** The host names of SendGrid's relays. */
const RELAY = /^(filterdrecv|geopod-ismtpd|ismtpd)/;

/**
 * SendGrid: "from X (unknown) by geopod-ismtpd-3 (SG) with HTTP id ID Tue, 04 Jun 2024 …" and
 * "by filterdrecv-… with SMTP id ID 2024-06-04 10:38:18.16 +0000 UTC m=+…": no ";" before the
 * date, which the grammar already takes from the end of the last clause.
 */
export const sendgrid: Dialect = {
  name: 'sendgrid',
  detect: (s, f) => findComment(s.first.by, SOFTWARE) !== null || isAtOrUnder(f.by, 'sendgrid.net') || RELAY.test(f.by ?? ''),
  apply: () => undefined,
};
