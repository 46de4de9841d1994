import { bytesToHex, EMPTY_TREE_ROOT, largestPowerOfTwoBelow, nodeHash } from './merkle-hash.js';
import { rangeSubtrees, type SubtreeCoord, type SubtreeHashSource } from './subtree.js';

/** `GET /audit/events/:seq/inclusion-proof?treeSize=n` (RFC 9162 §2.1.3). All hashes hex. */
export interface InclusionProof {
  seq: number;
  treeSize: number;
  /** SHA-256(0x00 ‖ raw bytes of the event's hash). */
  leafHash: string;
  /** PATH(seq, D[treeSize]), from the leaf's sibling up to the root's child. */
  auditPath: string[];
  rootHash: string;
}

/** `GET /audit/consistency-proof?from=m&to=n` (RFC 9162 §2.1.4). */
export interface ConsistencyProof {
  from: number;
  to: number;
  /** PROOF(from, D[to]); empty when from is 0 or from equals to. */
  proof: string[];
}

/** A proof entry: the hash of the leaf range [start, end), a fold of perfect subtrees. */
export interface ProofEntryPlan {
  start: number;
  end: number;
  subtrees: SubtreeCoord[];
}

function entry(start: number, end: number): ProofEntryPlan {
  return { start, end, subtrees: rangeSubtrees(start, end) };
}

function checkSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer`);
  }
}

/**
 * The ranges of PATH(m, D[n]) in proof order (bottom up). At most one entry is not a perfect
 * subtree (the first right-hand sibling met on the way down), so the whole path needs
 * O(log n) stored hashes.
 */
export function planInclusionProof(m: number, n: number): ProofEntryPlan[] {
  checkSize('treeSize', n);
  if (!Number.isSafeInteger(m) || m < 0 || m >= n) {
    throw new RangeError(`leaf ${m} is not in a tree of size ${n}`);
  }
  const topDown: ProofEntryPlan[] = [];
  let start = 0;
  let end = n;
  while (end - start > 1) {
    const k = largestPowerOfTwoBelow(end - start);
    if (m < start + k) {
      topDown.push(entry(start + k, end));
      end = start + k;
    } else {
      topDown.push(entry(start, start + k));
      start += k;
    }
  }
  return topDown.reverse();
}

/** The ranges of PROOF(m, D[n]) in proof order; empty for m = 0 or m = n. */
export function planConsistencyProof(m: number, n: number): ProofEntryPlan[] {
  checkSize('from', m);
  checkSize('to', n);
  if (m > n) throw new RangeError(`from (${m}) is greater than to (${n})`);
  if (m === 0) return [];
  const topDown: ProofEntryPlan[] = [];
  let start = 0;
  let end = n;
  let rel = m; // leaves of [start, end) that belong to the first tree
  let known = true; // SUBPROOF's b: is MTH(D[start:start+rel]) known to the verifier?
  while (rel !== end - start) {
    const k = largestPowerOfTwoBelow(end - start);
    if (rel <= k) {
      topDown.push(entry(start + k, end));
      end = start + k;
    } else {
      topDown.push(entry(start, start + k));
      start += k;
      rel -= k;
      known = false;
    }
  }
  if (!known) topDown.push(entry(start, end));
  return topDown.reverse();
}

/** Folds perfect subtree hashes (biggest first) into the range hash they make. */
function fold(hashes: readonly Uint8Array[]): Uint8Array {
  let hash = hashes[hashes.length - 1] as Uint8Array;
  for (let i = hashes.length - 2; i >= 0; i -= 1) hash = nodeHash(hashes[i] as Uint8Array, hash);
  return hash;
}

/** Fetches every subtree of the given groups in one call, and folds each group. */
async function resolve(
  source: SubtreeHashSource,
  groups: readonly (readonly SubtreeCoord[])[],
): Promise<Uint8Array[]> {
  const unique = new Map<string, SubtreeCoord>();
  for (const group of groups) for (const c of group) unique.set(`${c.level}:${c.index}`, c);
  const coords = [...unique.values()];
  const hashes = coords.length === 0 ? [] : await source.getSubtreeHashes(coords);
  if (hashes.length !== coords.length) throw new Error('subtree source answered the wrong count');
  const byKey = new Map<string, Uint8Array>();
  coords.forEach((c, i) => byKey.set(`${c.level}:${c.index}`, hashes[i] as Uint8Array));
  return groups.map((group) =>
    group.length === 0
      ? EMPTY_TREE_ROOT
      : fold(group.map((c) => byKey.get(`${c.level}:${c.index}`) as Uint8Array)),
  );
}

/** MTH(D[treeSize]) from the source (EMPTY for 0). */
export async function treeRoot(source: SubtreeHashSource, treeSize: number): Promise<Uint8Array> {
  checkSize('treeSize', treeSize);
  const [root] = await resolve(source, [rangeSubtrees(0, treeSize)]);
  return root as Uint8Array;
}

/** The inclusion proof of leaf `seq` in the tree of the first `treeSize` leaves. */
export async function buildInclusionProof(
  source: SubtreeHashSource,
  seq: number,
  treeSize: number,
): Promise<InclusionProof> {
  const plan = planInclusionProof(seq, treeSize);
  const groups = [[{ level: 0, index: seq }], rangeSubtrees(0, treeSize), ...plan.map((e) => e.subtrees)];
  const [leaf, root, ...path] = await resolve(source, groups);
  return {
    seq,
    treeSize,
    leafHash: bytesToHex(leaf as Uint8Array),
    auditPath: path.map(bytesToHex),
    rootHash: bytesToHex(root as Uint8Array),
  };
}

/** The consistency proof between the trees of sizes `from` and `to`. */
export async function buildConsistencyProof(
  source: SubtreeHashSource,
  from: number,
  to: number,
): Promise<ConsistencyProof> {
  const plan = planConsistencyProof(from, to);
  const proof = await resolve(
    source,
    plan.map((e) => e.subtrees),
  );
  return { from, to, proof: proof.map(bytesToHex) };
}
