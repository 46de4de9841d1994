import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  exceedsMaxShare,
  formatMultiple,
  formatPercent,
  maxAmountUsd,
  meetsMinShare,
  shareBp,
} from './shares.js';

describe('shareBp', () => {
  it.each([
    // part, whole, rounding, basis points
    [7_500_000_000, 30_000_000_000, 'half_even', 2500], // exactly 25%
    [7_500_000_000, 30_000_000_000, 'up', 2500], // exact: no rounding either way
    [7_500_000_001, 30_000_000_000, 'up', 2501], // 25.0000000033% rounds up to 25.01%
    [7_500_000_001, 30_000_000_000, 'half_even', 2500],
    [7_500_000_001, 30_000_000_000, 'down', 2500],
    [8_000_000_000, 30_000_000_000, 'half_even', 2667], // 26.666…%
    [8_000_000_000, 30_000_000_000, 'down', 2666],
    [1, 20_000, 'half_even', 0], // 0.5 bp → 0 (even)
    [3, 20_000, 'half_even', 2], // 1.5 bp → 2 (even)
    [1_310_000_000, 2_710_000_000, 'down', 4833], // 48.339…%
    [5, 0, 'up', 0], // nothing to divide by
  ] as const)('%i / %i (%s) → %i bp', (part, whole, rounding, expected) => {
    expect(shareBp(part, whole, rounding)).toBe(expected);
  });

  it('rounds up to a figure above the limit exactly when the limit is exceeded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 1, max: 10000 }),
        (whole, part, limitBp) => {
          expect(shareBp(part, whole, 'up') > limitBp).toBe(exceedsMaxShare(part, whole, limitBp));
          expect(shareBp(part, whole, 'down') >= limitBp).toBe(meetsMinShare(part, whole, limitBp));
        },
      ),
    );
  });
});

describe('limits on exact integers', () => {
  it.each([
    [7_500_000_000, 30_000_000_000, 2500, false], // at the limit is within it
    [7_500_000_001, 30_000_000_000, 2500, true], // one dollar over
    [1_500_000_000, 30_000_000_000, 500, false],
    [1_500_000_001, 30_000_000_000, 500, true],
  ])('%i of %i against %i bp: exceeded %s', (amount, whole, bp, exceeded) => {
    expect(exceedsMaxShare(amount, whole, bp)).toBe(exceeded);
  });

  it('gives the largest amount within a maximum', () => {
    expect(maxAmountUsd(30_000_000_000, 2500)).toBe(7_500_000_000);
    expect(maxAmountUsd(30_000_000_001, 2500)).toBe(7_500_000_000); // floor
    expect(maxAmountUsd(3, 3333)).toBe(0);
  });

  it('never meets a minimum of nothing', () => {
    expect(meetsMinShare(0, 0, 4000)).toBe(false);
    expect(meetsMinShare(40, 100, 4000)).toBe(true);
    expect(meetsMinShare(39, 100, 4000)).toBe(false);
  });
});

describe('formatting', () => {
  it.each([
    [2667, '26.67'],
    [2500, '25.00'],
    [5, '0.05'],
    [0, '0.00'],
    [10000, '100.00'],
    [-150, '-1.50'],
  ])('%i bp → %s', (bp, text) => {
    expect(formatPercent(bp)).toBe(text);
  });
  it('prints a multiple', () => {
    expect(formatMultiple(125)).toBe('1.25x');
  });
});
