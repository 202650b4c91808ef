import { leadingWords } from '../grammar.js';
import type { Dialect } from './dialect.js';

const PRODUCT = /^MailEnable\b/;

/**
 * MailEnable: "from helo ([ip]) by host with MailEnable ESMTP; date", and "from ([ip]) with
 * MailEnable ESMTP; date" without a greeting name or a by clause. The product name comes
 * before the protocol word.
 */
export const mailenable: Dialect = {
  name: 'mailenable',
  detect: (s) => PRODUCT.test(leadingWords(s.first.with) ?? ''),
  apply: (s, f) => {
    const words = (leadingWords(s.first.with) ?? '').split(' ');
    f.software = 'MailEnable';
    f.with = words[1] ?? null;
  },
};
