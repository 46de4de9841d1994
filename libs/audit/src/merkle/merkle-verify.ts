import { bytesEqual, EMPTY_TREE_ROOT, HASH_SIZE, hexToBytes, isPowerOfTwo, nodeHash } from './merkle-hash.js';
import { type ConsistencyProof, type InclusionProof } from './merkle-proofs.js';

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isHash = (v: Uint8Array): boolean => v instanceof Uint8Array && v.length === HASH_SIZE;
const lsb = (v: number): boolean => v % 2 === 1;
const half = (v: number): number => Math.floor(v / 2);

/**
 * RFC 9162 §2.1.3.2, step by step: does `path` prove that `leafHash` is leaf `leafIndex` of
 * the tree of size `treeSize` whose root is `rootHash`?
 */
export function verifyInclusion(
  leafIndex: number,
  treeSize: number,
  leafHash: Uint8Array,
  path: readonly Uint8Array[],
  rootHash: Uint8Array,
): boolean {
  if (!isIndex(leafIndex) || !isIndex(treeSize) || !isHash(leafHash) || !isHash(rootHash)) {
    return false;
  }
  if (!Array.isArray(path) || !path.every(isHash)) return false;
  // 1. leaf_index ≥ tree_size fails.
  if (leafIndex >= treeSize) return false;
  // 2.–3.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  // 4.
  for (const p of path) {
    if (sn === 0) return false; // a.
    if (lsb(fn) || fn === sn) {
      // b.
      r = nodeHash(p, r);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn); // c.
    sn = half(sn);
  }
  // 5.
  return sn === 0 && bytesEqual(r, rootHash);
}

/**
 * RFC 9162 §2.1.4.2, step by step, for 0 < first < second: does `proof` show that the tree
 * of size `second` (root `secondHash`) extends the tree of size `first` (root `firstHash`)?
 *
 * The RFC defines proofs only for 0 < m < n. Like Trillian and transparency-dev/merkle, the
 * two trivial cases are accepted with an empty proof: first = second when the roots are
 * equal, and first = 0 when `firstHash` is the empty tree's root. first > second fails.
 */
export function verifyConsistency(
  first: number,
  second: number,
  firstHash: Uint8Array,
  secondHash: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isIndex(first) || !isIndex(second) || !isHash(firstHash) || !isHash(secondHash)) {
    return false;
  }
  if (!Array.isArray(proof) || !proof.every(isHash)) return false;
  if (first > second) return false;
  if (first === second) return proof.length === 0 && bytesEqual(firstHash, secondHash);
  if (first === 0) return proof.length === 0 && bytesEqual(firstHash, EMPTY_TREE_ROOT);
  // 1. An empty path fails.
  if (proof.length === 0) return false;
  // 2. If first is an exact power of 2, prepend first_hash.
  const path = isPowerOfTwo(first) ? [firstHash, ...proof] : [...proof];
  // 3.
  let fn = first - 1;
  let sn = second - 1;
  // 4.
  while (lsb(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // 5.
  let fr = path[0] as Uint8Array;
  let sr = path[0] as Uint8Array;
  // 6.
  for (const c of path.slice(1)) {
    if (sn === 0) return false; // a.
    if (lsb(fn) || fn === sn) {
      // b.
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn); // c.
    sn = half(sn);
  }
  // 7.
  return bytesEqual(fr, firstHash) && bytesEqual(sr, secondHash) && sn === 0;
}

/** Outcome of a hex-level check: `reason` says what failed. */
export interface ProofCheck {
  valid: boolean;
  reason: string | null;
}

const ok: ProofCheck = { valid: true, reason: null };
const bad = (reason: string): ProofCheck => ({ valid: false, reason });

function decodeAll(hexes: unknown): Uint8Array[] | null {
  if (!Array.isArray(hexes)) return null;
  try {
    return hexes.map((h) => hexToBytes(h as string));
  } catch {
    return null;
  }
}

function decode(hex: unknown): Uint8Array | null {
  try {
    return hexToBytes(hex as string);
  } catch {
    return null;
  }
}

/**
 * Verifies an API inclusion proof. `expected` pins what the proof must be about (the leaf hash
 * recomputed from the event, the root of a trusted checkpoint); without it the proof is only
 * checked against its own `leafHash` and `rootHash`.
 */
export function verifyInclusionProof(
  proof: InclusionProof,
  expected: { leafHash?: string; rootHash?: string; treeSize?: number } = {},
): ProofCheck {
  const leaf = decode(proof.leafHash);
  const root = decode(proof.rootHash);
  const path = decodeAll(proof.auditPath);
  if (leaf === null || root === null || path === null) return bad('malformed hex in the proof');
  if (expected.leafHash !== undefined && expected.leafHash !== proof.leafHash) {
    return bad('leaf hash does not match the event');
  }
  if (expected.rootHash !== undefined && expected.rootHash !== proof.rootHash) {
    return bad('root hash does not match the checkpoint');
  }
  if (expected.treeSize !== undefined && expected.treeSize !== proof.treeSize) {
    return bad('tree size does not match the checkpoint');
  }
  return verifyInclusion(proof.seq, proof.treeSize, leaf, path, root)
    ? ok
    : bad('audit path does not lead to the root');
}

/** Verifies an API consistency proof between two roots (hex) the caller trusts. */
export function verifyConsistencyProof(
  proof: ConsistencyProof,
  fromRootHash: string,
  toRootHash: string,
): ProofCheck {
  const first = decode(fromRootHash);
  const second = decode(toRootHash);
  const path = decodeAll(proof.proof);
  if (first === null || second === null || path === null) return bad('malformed hex');
  return verifyConsistency(proof.from, proof.to, first, second, path)
    ? ok
    : bad('proof does not link the two roots');
}
