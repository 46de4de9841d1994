import { roundHalfEven } from '../scoring/round-half-even.js';

/**
 * Shares are integer basis points of a whole (hundredths of a percent: 25% = 2500), computed on
 * BigInt so no binary fraction ever appears. Three roundings, each used where docs/portfolio.md
 * says:
 * - `half_even`: a share shown for information (exposure without a limit, category mix, framework
 *   countries, the mobilisation ratio);
 * - `up`: a share compared with a maximum (COUNTRY, MINERAL, OBLIGOR, RISK_CAPITAL), so a breach
 *   never prints as equal to its limit (25.001% shows 25.01%, never 25.00%);
 * - `down`: a share compared with a minimum (PROCESSING_TARGET), so a missed target never prints
 *   as met.
 * Whether a limit is breached is never decided on the rounded figure: see `exceedsMaxShare`.
 */
export type ShareRounding = 'half_even' | 'up' | 'down';

/** `part / whole` in basis points, rounded as asked; a zero whole gives 0. */
export function shareBp(part: number, whole: number, rounding: ShareRounding = 'half_even'): number {
  if (whole === 0) return 0;
  const n = BigInt(part) * 10000n;
  const d = BigInt(whole);
  if (rounding === 'half_even') return roundHalfEven(n, d);
  const q = n / d;
  const exact = q * d === n;
  if (rounding === 'down' || exact) return Number(q);
  return Number(q + 1n);
}

/** `amountUsd / whole > maxBp / 10000`, exactly (the decision on a maximum). */
export function exceedsMaxShare(amountUsd: number, whole: number, maxBp: number): boolean {
  return BigInt(amountUsd) * 10000n > BigInt(maxBp) * BigInt(whole);
}

/** `amountUsd / whole ≥ minBp / 10000`, exactly (the decision on a minimum); a zero whole never meets it. */
export function meetsMinShare(amountUsd: number, whole: number, minBp: number): boolean {
  if (whole === 0) return false;
  return BigInt(amountUsd) * 10000n >= BigInt(minBp) * BigInt(whole);
}

/** The largest amount that keeps `amount / whole ≤ maxBp / 10000` (floor of `whole × maxBp / 10000`). */
export function maxAmountUsd(whole: number, maxBp: number): number {
  return Number((BigInt(whole) * BigInt(maxBp)) / 10000n);
}

/** Basis points as a percent with two decimals: 2667 → "26.67", 5 → "0.05", -150 → "-1.50". */
export function formatPercent(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A ratio in hundredths as `1.25x`. */
export function formatMultiple(hundredths: number): string {
  return `${formatPercent(hundredths)}x`;
}
