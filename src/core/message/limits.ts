import { InputError } from './types.js';

/**
 * Largest input accepted, in bytes (or UTF-16 code units for text). 40 MB covers a message with
 * the 25–35 MB of attachments the big providers accept once base64 has grown it by a third;
 * anything larger is refused before parsing so that a dropped disk image cannot stall the worker.
 */
export const MAX_INPUT_SIZE = 40 * 1024 * 1024;

export const MB = 1024 * 1024;

/**
 * Refuses input over MAX_INPUT_SIZE, before anything reads it. `readSoFar`: the size is what a
 * stream gave before reading stopped, so the input is at least that large.
 */
export function assertInputSize(size: number, readSoFar = false): void {
  if (size > MAX_INPUT_SIZE) {
    throw new InputError(
      'too-large',
      `The input is ${readSoFar ? 'more than ' : ''}${(size / MB).toFixed(1)} MB, over Hoplens' limit of ${MAX_INPUT_SIZE / MB} MB. The headers alone are enough: paste or save just the header block.`,
    );
  }
}

/** Largest header block of one MIME part. Real ones stay under 100 kB; a hostile one may be huge. */
export const MAX_HEADER_BLOCK_SIZE = 16 * 1024 * 1024;

/** Deepest nesting of message/rfc822 parts followed, and most embedded messages listed. */
export const MAX_EMBEDDED_DEPTH = 8;
export const MAX_EMBEDDED_MESSAGES = 100;
