import { EMPTY_TREE_ROOT, largestPowerOfTwoBelow, leafHash, nodeHash } from './merkle-hash.js';

/**
 * RFC 9162 §2.1.1–2.1.4, transcribed literally over the data entries D[n] (the raw leaves,
 * not their leaf hashes). Quadratic and recursive: the specification against which the
 * efficient code is tested, never used on a real log.
 */

/** MTH(D[n]) (§2.1.1). */
export function referenceMth(d: readonly Uint8Array[]): Uint8Array {
  const n = d.length;
  if (n === 0) return EMPTY_TREE_ROOT;
  if (n === 1) return leafHash(d[0] as Uint8Array);
  const k = largestPowerOfTwoBelow(n);
  return nodeHash(referenceMth(d.slice(0, k)), referenceMth(d.slice(k, n)));
}

/** PATH(m, D[n]) (§2.1.3.1): the inclusion proof of leaf m, 0 ≤ m < n. */
export function referencePath(m: number, d: readonly Uint8Array[]): Uint8Array[] {
  const n = d.length;
  if (!(m >= 0 && m < n)) throw new RangeError(`leaf ${m} outside a tree of ${n}`);
  if (n === 1) return [];
  const k = largestPowerOfTwoBelow(n);
  if (m < k) return [...referencePath(m, d.slice(0, k)), referenceMth(d.slice(k, n))];
  return [...referencePath(m - k, d.slice(k, n)), referenceMth(d.slice(0, k))];
}

/** PROOF(m, D[n]) (§2.1.4.1): the consistency proof from size m to n, 0 < m ≤ n. */
export function referenceProof(m: number, d: readonly Uint8Array[]): Uint8Array[] {
  if (!(m > 0 && m <= d.length)) throw new RangeError(`no proof from ${m} to ${d.length}`);
  return referenceSubproof(m, d, true);
}

/** SUBPROOF(m, D[n], b) (§2.1.4.1). */
export function referenceSubproof(m: number, d: readonly Uint8Array[], b: boolean): Uint8Array[] {
  const n = d.length;
  if (m === n) return b ? [] : [referenceMth(d)];
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) return [...referenceSubproof(m, d.slice(0, k), b), referenceMth(d.slice(k, n))];
  return [...referenceSubproof(m - k, d.slice(k, n), false), referenceMth(d.slice(0, k))];
}
