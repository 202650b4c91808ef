import { dkimCheck } from './dkim.js';
import { heloCheck } from './helo.js';
import { iprevCheck } from './iprev.js';
import { mxCheck } from './mx.js';
import { spfCheck } from './spf/check.js';
import { thenVsNowCheck } from './then-vs-now.js';
import type { Check } from './types.js';

/** Every check, in the order the report lists them. Adding a check: one module, one line here. */
export const CHECKS: readonly Check[] = [iprevCheck, heloCheck, mxCheck, spfCheck, dkimCheck, thenVsNowCheck];

export { checkIprev, MAX_PTR_NAMES, type IprevEvaluation, type IprevResult } from './iprev.js';
export { detectSenderSoftware } from './software.js';
