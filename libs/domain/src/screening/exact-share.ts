const TEN_THOUSAND = 10000n;

/**
 * Effective (multiplied) ownership as an exact fraction of the applicant: `num / 10000^k` where
 * each of the `k` links contributed its percentage in integer hundredths (60% = 6000). No
 * rounding happens until a value is reported.
 */
export interface ExactShare {
  num: bigint;
  k: number;
}

export const ZERO_SHARE: ExactShare = Object.freeze({ num: 0n, k: 0 });
export const WHOLE_SHARE: ExactShare = Object.freeze({ num: 1n, k: 0 });

/** Truncates an exact share to integer hundredths of a percent (55.00% = 5500). */
export function shareToHundredths(share: ExactShare): number {
  // hundredths = num * 10000 / 10000^k
  return share.k === 0
    ? Number(share.num * TEN_THOUSAND)
    : Number(share.num / TEN_THOUSAND ** BigInt(share.k - 1));
}

/** `a + b` exactly. */
export function addShares(a: ExactShare, b: ExactShare): ExactShare {
  const k = Math.max(a.k, b.k);
  return {
    num: a.num * TEN_THOUSAND ** BigInt(k - a.k) + b.num * TEN_THOUSAND ** BigInt(k - b.k),
    k,
  };
}

/** `share × hundredths / 10000` exactly: one more link of the chain. */
export function scaleShare(share: ExactShare, hundredths: number): ExactShare {
  return { num: share.num * BigInt(hundredths), k: share.k + 1 };
}

/** `share ≥ hundredths` exactly (no truncation). */
export function shareAtLeast(share: ExactShare, hundredths: number): boolean {
  // num / 10000^k ≥ h / 10000  ⇔  num * 10000 ≥ h * 10000^k
  return share.num * TEN_THOUSAND >= BigInt(hundredths) * TEN_THOUSAND ** BigInt(share.k);
}

/** Percent with up to two decimals → integer hundredths, or null when it has more decimals. */
export function pctToHundredths(pct: number): number | null {
  const h = Math.round(pct * 100);
  return Math.abs(pct * 100 - h) < 1e-6 ? h : null;
}

/** Integer hundredths → percent (5500 → 55). Exact for the values ownership produces. */
export const hundredthsToPct = (h: number): number => h / 100;
