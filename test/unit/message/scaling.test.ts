import { expect, test } from 'vitest';
import { readMessage } from '../../../src/core/message/index.js';

const LINE = 'Received: from a (b [203.0.113.1]) by c.example.net with ESMTP id x; Tue, 14 Oct 2025 10:00:05 +0000\n';

async function medianMs(text: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await readMessage(text);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[1]!;
}

test('reading a header block grows linearly with its size (ratio, not a time limit)', async () => {
  const small = LINE.repeat(1_300);
  const large = LINE.repeat(1_300 * 16);
  await medianMs(small);
  const ratio = (await medianMs(large)) / (await medianMs(small));
  // 16 times the input: linear work stays near 16, quadratic work would be near 256.
  expect(ratio).toBeLessThan(64);
}, 60_000);
