/*
 * How long the worker keeps a message it was handed: one fact for the worker that removes it
 * and the options page that tells the user.
 */

/**
 * A report tab takes its message the moment it loads; one that never does (closed at once, a
 * blocked tab) must not leave the message behind: after this long the stash is removed.
 */
export const STASH_TTL_MS = 2 * 60 * 1000;

/** How long the popup's last analysis (its header block) is offered again. */
export const LAST_TTL_MS = 30 * 60 * 1000;

/** Thunderbird's reports kept per message (background/report-cache.ts), least recently used dropped first. */
export const MAX_KEPT_REPORTS = 50;
