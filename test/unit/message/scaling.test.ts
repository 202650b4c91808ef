import { expect, test } from 'vitest';
import { readMessage } from '../../../src/core/message/index.js';
import { costRatio } from '../../support/scaling.js';

const LINE = 'Received: from a (b [203.0.113.1]) by c.example.net with ESMTP id x; Tue, 14 Oct 2025 10:00:05 +0000\n';

test('reading a header block grows linearly with its size (ratio, not a time limit)', async () => {
  const ratio = await costRatio(readMessage, LINE.repeat(1_300), LINE.repeat(1_300 * 16));
  // 16 times the input: linear work stays near 16, quadratic work would be near 256.
  expect(ratio).toBeLessThan(64);
}, 60_000);
