import { courier } from './courier.js';
import type { Dialect } from './dialect.js';
import { dovecot } from './dovecot.js';
import { exim } from './exim.js';
import { fetchmail } from './fetchmail.js';
import { google } from './google.js';
import { mailenable } from './mailenable.js';
import { microsoft } from './microsoft.js';
import { postfix } from './postfix.js';
import { qmail } from './qmail.js';
import { sendgrid } from './sendgrid.js';
import { sendmail } from './sendmail.js';
import { smap } from './smap.js';
import { amavis, communigate, domino, ecelerity, haraka, mdaemon, opensmtpd } from './software.js';
import { xmail } from './xmail.js';
import { yahoo } from './yahoo.js';

/**
 * Every dialect, most specific mark first: a software comment names its MTA outright, while
 * host names and protocol words only suggest one. The first that detects applies.
 */
export const DIALECTS: readonly Dialect[] = [
  postfix,
  exim,
  sendmail,
  opensmtpd,
  haraka,
  amavis,
  mdaemon,
  domino,
  communigate,
  ecelerity,
  xmail,
  mailenable,
  fetchmail,
  dovecot,
  courier,
  microsoft,
  sendgrid,
  google,
  yahoo,
  smap,
  qmail,
];
