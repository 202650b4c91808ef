import { describe, expect, it } from 'vitest';
import { countOf } from '../../../src/core/text/plural.js';

describe('countOf', () => {
  it('puts the noun in the number English wants', () => {
    expect(countOf(1, 'hop', 'hops')).toBe('1 hop');
    expect(countOf(0, 'hop', 'hops')).toBe('0 hops');
    expect(countOf(2, 'attached message', 'attached messages')).toBe('2 attached messages');
    expect(countOf(1.5, 'second', 'seconds')).toBe('1.5 seconds');
  });
});
