import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { rawMessageText } = await import('../../../src/sources/thunderbird.js');

const RAW = 'Received: from a.example (a.example [203.0.113.25])\r\nSubject: Grüße\r\n\r\n';

describe('Thunderbird getRaw results', () => {
  it('decode a File (Thunderbird ≥ 117, MV3) as UTF-8', async () => {
    expect(await rawMessageText(new File([RAW], 'm.eml'))).toBe(RAW);
  });

  it('decode a binary string (one character per byte, older Thunderbird) to the same text', async () => {
    const binary = String.fromCharCode(...new TextEncoder().encode(RAW));
    expect(binary).not.toBe(RAW);
    expect(await rawMessageText(binary)).toBe(RAW);
  });
});
