import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { roundHalfEven } from './round-half-even.js';

describe('roundHalfEven', () => {
  it.each([
    [5, 2, 2], // 2.5 → 2 (even)
    [7, 2, 4], // 3.5 → 4 (even)
    [1, 2, 0], // 0.5 → 0
    [3, 2, 2], // 1.5 → 2
    [25, 10, 2], // 2.5 → 2
    [35, 10, 4], // 3.5 → 4
    [251, 100, 3], // 2.51 → 3
    [249, 100, 2], // 2.49 → 2
    [3252000, 10000, 325], // 325.2 (ELgross high)
    [1897000, 10000, 190], // 189.7 (ELgross substantial)
    [948500, 10000, 95], // 94.85 (ELgross moderate)
    [271000, 10000, 27], // 27.1 (ELgross low)
    [700000, 185, 3784], // 3783.78…
    [750000, 120, 6250], // exact
    [0, 7, 0],
    [6, 3, 2], // exact
  ])('%i / %i → %i', (n, d, expected) => {
    expect(roundHalfEven(n, d)).toBe(expected);
  });

  it('rounds negative ties to even as well', () => {
    expect(roundHalfEven(-5, 2)).toBe(-2);
    expect(roundHalfEven(-7, 2)).toBe(-4);
    expect(roundHalfEven(5, -2)).toBe(-2);
    expect(roundHalfEven(-5, -2)).toBe(2);
    expect(roundHalfEven(-1, 3)).toBe(0);
    expect(Object.is(roundHalfEven(-1, 3), -0)).toBe(false);
    expect(roundHalfEven(-2, 3)).toBe(-1);
  });

  it('is exact beyond 2^53 intermediate values when given bigints', () => {
    expect(roundHalfEven(2n ** 60n + 1n, 2n ** 10n)).toBe(2 ** 50); // 2^50 + 1/1024
    expect(roundHalfEven(2n ** 60n * 3n + 2n ** 59n, 2n ** 60n)).toBe(4); // 3.5 → 4
    expect(roundHalfEven(2n ** 60n * 2n + 2n ** 59n, 2n ** 60n)).toBe(2); // 2.5 → 2
  });

  it('rejects non-integers, a zero denominator and unsafe results', () => {
    expect(() => roundHalfEven(1.5, 2)).toThrow(RangeError);
    expect(() => roundHalfEven(1, 0.5)).toThrow(RangeError);
    expect(() => roundHalfEven(1, 0)).toThrow(RangeError);
    expect(() => roundHalfEven(Number.MAX_SAFE_INTEGER + 1, 1)).toThrow(RangeError);
    expect(() => roundHalfEven(2n ** 60n, 1n)).toThrow(RangeError);
  });

  it('stays within 1/2 of the exact quotient and breaks ties to even', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const r = roundHalfEven(n, d);
        const twiceError = Math.abs(2 * (n - r * d)); // |2·(n/d − r)|·d, exact in integers
        expect(twiceError).toBeLessThanOrEqual(d);
        if (twiceError === d) expect(Math.abs(r) % 2).toBe(0);
        expect(roundHalfEven(-n, d)).toBe(-r || 0);
      }),
    );
  });
});
