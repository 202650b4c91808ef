import type { Dialect } from './dialect.js';
import { findComment, mark } from './marks.js';

const VERSION = mark(/^fetchmail-[\d.]+\S*$/, 'f');

/**
 * fetchmail: "from pop.example.com [ip] by localhost with POP3 (fetchmail-6.4.37) for <u@localhost>
 * (single-drop); date". The from word is the mail server as the user configured it and the
 * address is what it resolved to: no greeting and no reverse DNS took place.
 */
export const fetchmail: Dialect = {
  name: 'fetchmail',
  detect: (s) => findComment(s.first.with, VERSION) !== null,
  apply: (s, f) => {
    f.software = findComment(s.first.with, VERSION)?.match[0] ?? null;
    f.helo = null;
    f.rdns = null;
  },
};
