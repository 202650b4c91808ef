import { expect, test } from 'vitest';
import type { Claims } from '../../../src/core/claims/types.js';
import { ipEvidence } from '../../../src/core/route/evidence.js';
import { costRatio } from '../../support/scaling.js';

/** `count` Received-SPF fields, each naming another client address, as a stuffed message would carry. */
function claims(count: number): Claims {
  const receivedSpf = Array.from({ length: count }, (_, i) => ({
    fieldIndex: i,
    result: 'pass',
    clientIp: `198.51.${(i >> 8) & 0xff}.${i & 0xff}`,
    receiver: 'mx.example.net',
    comment: null,
  }));
  return { receivedSpf, authResults: [] } as unknown as Claims;
}

test('Received-SPF evidence grows linearly with the number of fields (ratio, not a time limit)', async () => {
  const inputs = new Map([
    ['small', claims(2_000)],
    ['large', claims(8_000)],
  ]);
  const ratio = await costRatio((size) => ipEvidence(inputs.get(size)!, [], []), 'small', 'large');
  // Four times the fields: linear work stays near 4, the quadratic dedupe was near 16.
  expect(ratio).toBeLessThan(9);
  expect(ipEvidence(inputs.get('small')!, [], [])).toHaveLength(2_000);
}, 60_000);
