import { clauseComments } from '../grammar.js';
import type { Dialect } from './dialect.js';
import { isAtOrUnder } from '../../hostnames/canonical.js';

/** Google's internal addresses in 2002::/16, which its first hops write as the by host. */
const INTERNAL = /^2002:a[0-9a-f]{2}:/i;
const SMTP = /^smtp$/i;

/**
 * Gmail and Google Workspace: "from helo (rdns. [ip]) by mx.google.com with ESMTPS id … for <r>
 * (version=TLS1_3 cipher=X bits=256/256)", "(Google Transport Security)", and first hops
 * written by an internal address only ("by 2002:a05:… with SMTP id …"). The generic reading
 * covers the fields; this records the dialect.
 */
export const google: Dialect = {
  name: 'gmail',
  detect: (s, f) =>
    isAtOrUnder(f.by, 'google.com') ||
    isAtOrUnder(f.by, 'gmail.com') ||
    clauseComments(s.first.for).some((c) => c.trimmed === 'Google Transport Security') ||
    (s.first.from === undefined && INTERNAL.test(f.by ?? '') && SMTP.test(f.with ?? '')),
  apply: () => undefined,
};
