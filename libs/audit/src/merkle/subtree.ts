import { largestPowerOfTwoBelow } from './merkle-hash.js';

/**
 * A perfect subtree: `2^level` leaves starting at leaf `index · 2^level`. Level 0 nodes are
 * the leaf hashes (SHA-256(0x00 ‖ event hash bytes)), not the raw leaves. A perfect subtree's
 * hash never changes once the log holds its last leaf, so it can be stored once and forever.
 */
export interface SubtreeCoord {
  level: number;
  index: number;
}

/**
 * Where proofs read hashes from. Every hash the RFC 9162 proofs need is either a perfect
 * subtree hash or the fold of at most ⌈log₂ n⌉ of them, so a store of perfect subtree hashes
 * keyed by (level, index) is enough, and one proof needs only O(log n) of them, asked for in
 * a single call (one round trip for a database).
 *
 * Implementations return the hashes in the order of `coords` and throw when one is not
 * (yet) known, i.e. when its last leaf `(index + 1) · 2^level - 1` is not in the log.
 */
export interface SubtreeHashSource {
  getSubtreeHashes(coords: readonly SubtreeCoord[]): Promise<readonly Uint8Array[]> | readonly Uint8Array[];
}

/** First leaf covered by a subtree. */
export function subtreeStart(coord: SubtreeCoord): number {
  return coord.index * 2 ** coord.level;
}

/**
 * The perfect subtrees whose right fold is MTH(D[start:end)), left to right, biggest first:
 * one per binary digit of `end - start`. Defined for the ranges that occur in RFC 9162 trees
 * (`start` a multiple of the first piece's size); throws otherwise. Empty for an empty range.
 */
export function rangeSubtrees(start: number, end: number): SubtreeCoord[] {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`bad leaf range [${start}, ${end})`);
  }
  const coords: SubtreeCoord[] = [];
  let at = start;
  while (at < end) {
    const remaining = end - at;
    const size = largestPowerOfTwoBelow(remaining + 1); // largest power of two ≤ remaining
    if (at % size !== 0) throw new RangeError(`[${start}, ${end}) is not a Merkle tree node range`);
    coords.push({ level: Math.log2(size), index: at / size });
    at += size;
  }
  return coords;
}
