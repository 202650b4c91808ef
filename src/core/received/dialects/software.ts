import type { Dialect } from './dialect.js';
import { findComment, mark, type Mark } from './marks.js';

/**
 * MTAs whose only mark is a software comment after "by" and whose headers otherwise follow the
 * generic shape: the comment names the dialect and the software, as written.
 */
function bySoftware(name: string, pattern: Mark): Dialect {
  return {
    name,
    detect: (s) => findComment(s.first.by, pattern) !== null,
    apply: (s, f) => {
      const found = findComment(s.first.by, pattern);
      if (found !== null) f.software = found.match[1] ?? found.match[0];
    },
  };
}

/** "by host (OpenSMTPD) with ESMTPS id 1a2b3c4d (TLSv1.3:TLS_AES_256_GCM_SHA384:256:NO)". */
export const opensmtpd = bySoftware('opensmtpd', mark(/^OpenSMTPD$/, 'O'));

/** "by host (Haraka/3.0.3) with ESMTPS id UUID envelope-from <x> tls CIPHER". */
export const haraka = bySoftware('haraka', mark(/^Haraka\/\S+$/, 'H'));

/** "by localhost (mail.example [127.0.0.1]) (amavisd-new, port 10024) with ESMTP id …". */
export const amavis = bySoftware('amavis', mark(/^(amavisd-new|amavis), port \d+$/, 'a'));

/** "by host (MDaemon PRO v23.5.1) with ESMTPSA id md5001003764615.msg". */
export const mdaemon = bySoftware('mdaemon', mark(/^MDaemon\b.*$/, 'M'));

/** "by host (Lotus Domino Release 9.0.1FP10) with ESMTP id 2019050615032991-10027949 ;". */
export const domino = bySoftware('domino', mark(/^(?:Lotus|IBM|HCL) Domino\b.*$/, 'LIH'));

/**
 * "by host (CommuniGate Pro SMTP 6.2.3) with ESMTPSA", with "from [ip] (account u@d HELO x)" or
 * "from helo ([ip] verified)" before it ("verified": the HELO name resolves to the address).
 */
export const communigate = bySoftware('communigate', mark(/^(CommuniGate Pro\b.*)$/, 'C'));

/** Ecelerity (Momentum): "from [ip] ([ip:port] helo=x) by host (envelope-from <s>) (ecelerity 4.2.38.62370 r(:)) with ESMTP". */
export const ecelerity = bySoftware('ecelerity', mark(/^(ecelerity [\d.]+)/i, 'e'));
