import { binaryBytes } from '../core/message/binary-string.js';
import type { SourceInfo } from '../worker-protocol.js';

/** What the core reads for a message the pages sent: its bytes when the source kept them (DKIM hashes those), else its text. */
export function messageText(raw: string, source: SourceInfo | undefined): string | Uint8Array {
  return source?.bytes ? binaryBytes(raw) : raw;
}
