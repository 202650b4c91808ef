import { classifyIp } from '../../src/core/net/ip.js';
import { nothingSaid } from '../../src/core/received/generic.js';
import type { ReceivedFields } from '../../src/core/received/types.js';
import type { Hop } from '../../src/core/route/types.js';

/** A Received: header's fields with everything not given left null, as the parser leaves what a header does not say. */
export function received(fields: Partial<ReceivedFields>): ReceivedFields {
  return { ...nothingSaid(''), ...fields };
}

/** Hops in travel order (oldest first); receivedIndex counts from the top, as in a message. */
export function hops(...fields: Partial<ReceivedFields>[]): Hop[] {
  return fields.map((f, index) => {
    const r = received(f);
    return {
      index,
      receivedIndex: fields.length - 1 - index,
      received: r,
      ipClass: r.ip === null ? null : classifyIp(r.ip),
      delaySeconds: null,
      clockIssue: null,
    };
  });
}
