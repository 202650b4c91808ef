import type { MessageInfo } from '../message/types.js';
import { formatDuration } from '../text/duration.js';
import { type Warning, warning } from '../text/warning.js';
import { byName } from './hop-names.js';
import { isStalled } from './stall.js';
import type { Route } from './types.js';

/** More hops than this suggests a loop (RFC 5321 §6.3 has servers count Received fields for that). */
const MAX_PLAUSIBLE_HOPS = 30;
/** A Date: this much later than the first hop means the composing client's clock is ahead. */
const DATE_AHEAD_SECONDS = 10 * 60;

/** Stalled hops named one by one, up to this many; a stuffed route gets one line for the rest. */
const MAX_STALL_LINES = 3;

/** Fields the author's software writes; servers add trace fields above them, never below. */
const ORIGINATOR_FIELDS = new Set(['from', 'to', 'cc', 'subject', 'date', 'message-id', 'mime-version', 'content-type']);

/** A span in either direction, unsigned, for sentences that say "before" or "after". */
export const duration = (seconds: number): string => formatDuration(Math.abs(seconds));

/** Odd things about the route worth a line in the report. */
export function routeWarnings(route: Route, message: MessageInfo): Warning[] {
  const warnings: Warning[] = [];
  const { hops } = route;
  if (route.replay) warnings.push(warning('replay', route.replay.text));
  if (hops.length > MAX_PLAUSIBLE_HOPS) {
    warnings.push(
      warning(
        'many-hops',
        `The route has ${hops.length} hops, more than ${MAX_PLAUSIBLE_HOPS}: a mail loop between servers, or a header stuffed with made-up Received lines.`,
      ),
    );
  }

  const firstOriginator = message.headers.findIndex((h) => ORIGINATOR_FIELDS.has(h.name.toLowerCase()));
  if (firstOriginator >= 0) {
    const late = message.headers.slice(firstOriginator).filter((h) => h.name.toLowerCase() === 'received').length;
    if (late > 0) {
      warnings.push(
        warning(
          'received-below-fields',
          `${late === 1 ? 'One Received header sits' : `${late} Received headers sit`} below the message's own fields (From, Subject, Date, …). Servers add Received headers on top, so these were written by whoever composed the message, or the headers were reordered when copied: do not trust them.`,
        ),
      );
    }
  }

  const seen = new Set<string>();
  for (const hop of hops) {
    if (seen.has(hop.received.raw)) {
      warnings.push(
        warning('repeated-received', `The Received header of the hop into ${byName(hop)} appears more than once: a mail loop, or headers pasted twice.`),
      );
      break;
    }
    seen.add(hop.received.raw);
  }

  for (const hop of hops) {
    if (hop.clockIssue === 'negative' && hop.delaySeconds !== null) {
      warnings.push(
        warning(
          'clock-backwards',
          `The hop into ${byName(hop)} is dated ${duration(hop.delaySeconds)} before the hop before it: one of these servers' clocks is wrong (or its time zone is), so delays around it are not real.`,
        ),
      );
    }
  }
  const stalled = hops.filter(isStalled);
  for (const hop of stalled.slice(0, MAX_STALL_LINES)) {
    warnings.push(
      warning(
        'stalled',
        `The message waited ${duration(hop.delaySeconds!)} before the hop into ${byName(hop)} (hop ${hop.index + 1}): it stalled there, in a queue, a greylisting retry or behind a server that was down.`,
      ),
    );
  }
  if (stalled.length > MAX_STALL_LINES) warnings.push(warning('stalled', `${stalled.length - MAX_STALL_LINES} more hops waited that long.`));
  const undated = hops.filter((h) => h.clockIssue === 'missing').length;
  if (undated > 0) {
    warnings.push(
      warning(
        'undated',
        `${undated === 1 ? 'One hop has' : `${undated} hops have`} no readable date, so ${undated === 1 ? 'its delay is' : 'their delays are'} unknown.`,
      ),
    );
  }

  const firstDated = hops.find((h) => h.clockIssue !== 'missing');
  if (message.date !== null && firstDated?.received.date) {
    const ahead = (Date.parse(message.date) - Date.parse(firstDated.received.date)) / 1000;
    if (ahead > DATE_AHEAD_SECONDS) {
      warnings.push(
        warning(
          'date-ahead',
          `The message's Date is ${duration(ahead)} after its first hop into ${byName(firstDated)}: the clock of the computer that wrote it is ahead.`,
        ),
      );
    }
  }
  return warnings;
}
