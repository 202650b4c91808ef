import { arcCheck } from './arc.js';
import { dkimCheck } from './dkim.js';
import { dmarcCheck } from './dmarc/check.js';
import { heloCheck } from './helo/check.js';
import { iprevCheck } from './iprev/check.js';
import { mxCheck } from './mx/check.js';
import { providersCheck } from './providers/check.js';
import { spfCheck } from './spf/check.js';
import { thenVsNowCheck } from './then-vs-now.js';
import type { NotRun, OwnResultOf } from './types.js';

/** Every check, in the order the report lists them. Adding a check: one module, one line here. */
export const CHECKS = [iprevCheck, heloCheck, mxCheck, spfCheck, dkimCheck, dmarcCheck, arcCheck, thenVsNowCheck, providersCheck] as const;

export type RegisteredCheck = (typeof CHECKS)[number];

/** A registered check's name. */
export type CheckName = RegisteredCheck['name'];

/** Any result in a report: a union discriminated by `check`, each member with its own words and details. */
export type CheckResult = OwnResultOf<RegisteredCheck> | NotRun<CheckName>;
