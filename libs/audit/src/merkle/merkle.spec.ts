import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { bytesToHex, EMPTY_TREE_ROOT, eventLeafHash, hexToBytes, leafHash } from './merkle-hash.js';
import { referenceMth, referencePath, referenceProof } from './merkle-reference.js';
import { MerkleFrontier } from './merkle-frontier.js';
import { InMemorySubtreeStore } from './in-memory-subtree-store.js';
import {
  buildConsistencyProof,
  buildInclusionProof,
  planConsistencyProof,
  planInclusionProof,
  treeRoot,
} from './merkle-proofs.js';
import {
  verifyConsistency,
  verifyConsistencyProof,
  verifyInclusion,
  verifyInclusionProof,
} from './merkle-verify.js';
import { rangeSubtrees } from './subtree.js';

const hex = bytesToHex;
const unhex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));

// The RFC 6962 test leaves of google/certificate-transparency (merkle_tree_test.cc) and the
// published roots for sizes 0..8; re-derived independently with python3 hashlib before pinning.
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(unhex);
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// Inclusion and consistency vectors of the same test suite.
const CT_INCLUSION = [
  {
    index: 0,
    size: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    path: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const CT_CONSISTENCY = [
  {
    from: 2,
    to: 8,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    from: 6,
    to: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

function storeOf(leaves: readonly Uint8Array[]): InMemorySubtreeStore {
  const store = new InMemorySubtreeStore();
  for (const leaf of leaves) store.appendLeafHash(leafHash(leaf));
  return store;
}

/** 200 distinct 32-byte leaves, as event hashes are. */
const LEAVES = Array.from({ length: 200 }, (_, i) => createHash('sha256').update(`leaf ${i}`).digest());
const N = 64;
const STORE = storeOf(LEAVES.slice(0, N));
const ROOTS = Array.from({ length: N + 1 }, (_, n) => referenceMth(LEAVES.slice(0, n)));

describe('RFC 6962 / 9162 known vectors', () => {
  it('the reference MTH, the frontier and the store give the published roots for sizes 0..8', async () => {
    const frontier = new MerkleFrontier();
    const store = storeOf(CT_LEAVES);
    for (let n = 0; n <= 8; n += 1) {
      expect(hex(referenceMth(CT_LEAVES.slice(0, n)))).toBe(CT_ROOTS[n]);
      expect(frontier.rootHex()).toBe(CT_ROOTS[n]);
      expect(hex(await treeRoot(store, n))).toBe(CT_ROOTS[n]);
      if (n < 8) frontier.appendLeafHash(leafHash(CT_LEAVES[n] as Uint8Array));
    }
    expect(hex(EMPTY_TREE_ROOT)).toBe(CT_ROOTS[0]);
  });

  it('produces and accepts the published inclusion proofs', async () => {
    const store = storeOf(CT_LEAVES);
    for (const v of CT_INCLUSION) {
      expect(referencePath(v.index, CT_LEAVES.slice(0, v.size)).map(hex)).toEqual(v.path);
      const proof = await buildInclusionProof(store, v.index, v.size);
      expect(proof.auditPath).toEqual(v.path);
      expect(proof.rootHash).toBe(CT_ROOTS[v.size]);
      expect(proof.leafHash).toBe(hex(leafHash(CT_LEAVES[v.index] as Uint8Array)));
      expect(verifyInclusionProof(proof, { rootHash: CT_ROOTS[v.size] })).toEqual({
        valid: true,
        reason: null,
      });
    }
  });

  it('produces and accepts the published consistency proofs', async () => {
    const store = storeOf(CT_LEAVES);
    for (const v of CT_CONSISTENCY) {
      expect(referenceProof(v.from, CT_LEAVES.slice(0, v.to)).map(hex)).toEqual(v.proof);
      const proof = await buildConsistencyProof(store, v.from, v.to);
      expect(proof).toEqual({ from: v.from, to: v.to, proof: v.proof });
      expect(verifyConsistencyProof(proof, CT_ROOTS[v.from] as string, CT_ROOTS[v.to] as string).valid).toBe(
        true,
      );
    }
  });
});

describe('MerkleFrontier', () => {
  it('equals the reference MTH for every size 0..200', () => {
    const frontier = new MerkleFrontier();
    for (let n = 0; n <= 200; n += 1) {
      expect(frontier.size).toBe(n);
      expect(frontier.rootHex()).toBe(hex(referenceMth(LEAVES.slice(0, n))));
      if (n < 200) frontier.appendLeafHash(leafHash(LEAVES[n] as Uint8Array));
    }
  });

  it('keeps O(log n) state and resumes from it', () => {
    const frontier = new MerkleFrontier();
    for (let n = 0; n < 150; n += 1) {
      const state = frontier.state();
      expect(state.hashes.length).toBeLessThanOrEqual(Math.floor(Math.log2(n + 1)) + 1);
      const resumed = MerkleFrontier.fromState(state);
      resumed.appendLeafHash(leafHash(LEAVES[n] as Uint8Array));
      frontier.appendLeafHash(leafHash(LEAVES[n] as Uint8Array));
      expect(resumed.rootHex()).toBe(frontier.rootHex());
    }
    expect(() => MerkleFrontier.fromState({ size: 3, hashes: [] })).toThrow(RangeError);
  });

  it('reports every completed perfect subtree exactly once', () => {
    const seen: string[] = [];
    const frontier = new MerkleFrontier(({ level, index }) => seen.push(`${level}:${index}`));
    for (let n = 0; n < 8; n += 1) frontier.appendLeafHash(leafHash(LEAVES[n] as Uint8Array));
    expect(seen.sort()).toEqual(
      [
        '0:0',
        '0:1',
        '0:2',
        '0:3',
        '0:4',
        '0:5',
        '0:6',
        '0:7',
        '1:0',
        '1:1',
        '1:2',
        '1:3',
        '2:0',
        '2:1',
        '3:0',
      ].sort(),
    );
  });

  it('takes event hashes as raw 32-byte leaves', () => {
    const h = 'ab'.repeat(32);
    expect(hex(eventLeafHash(h))).toBe(hex(leafHash(hexToBytes(h))));
    expect(() => eventLeafHash('AB'.repeat(32))).toThrow(TypeError);
  });
});

describe('proofs from a subtree store, against the RFC 9162 reference', () => {
  it('inclusion: for every size 1..64 and every leaf, equals PATH and verifies', async () => {
    for (let n = 1; n <= N; n += 1) {
      const d = LEAVES.slice(0, n);
      for (let m = 0; m < n; m += 1) {
        const proof = await buildInclusionProof(STORE, m, n);
        expect(proof.auditPath).toEqual(referencePath(m, d).map(hex));
        expect(proof.rootHash).toBe(hex(ROOTS[n] as Uint8Array));
        expect(proof.leafHash).toBe(hex(leafHash(LEAVES[m] as Uint8Array)));
        expect(verifyInclusionProof(proof, { rootHash: hex(ROOTS[n] as Uint8Array) }).valid).toBe(true);
      }
    }
  });

  it('consistency: for every 1 ≤ m ≤ n ≤ 64, equals PROOF and verifies', async () => {
    for (let n = 1; n <= N; n += 1) {
      const d = LEAVES.slice(0, n);
      for (let m = 1; m <= n; m += 1) {
        const proof = await buildConsistencyProof(STORE, m, n);
        expect(proof.proof).toEqual(referenceProof(m, d).map(hex));
        expect(
          verifyConsistency(m, n, ROOTS[m] as Uint8Array, ROOTS[n] as Uint8Array, proof.proof.map(unhex)),
        ).toBe(true);
      }
    }
  });

  it('needs O(log n) stored subtrees per proof', () => {
    for (const n of [1, 2, 3, 1000, 1023, 1024, 1025, 123_456_789]) {
      const bound = 2 * Math.ceil(Math.log2(n + 1)) + 1;
      for (const m of [0, Math.floor(n / 3), n - 1]) {
        const count = planInclusionProof(m, n).reduce((s, e) => s + e.subtrees.length, 0);
        expect(count).toBeLessThanOrEqual(bound);
      }
      for (const m of [1, Math.ceil(n / 2), n]) {
        const count = planConsistencyProof(m, n).reduce((s, e) => s + e.subtrees.length, 0);
        expect(count).toBeLessThanOrEqual(bound);
      }
    }
  });

  it('consistency from 0 is the empty proof', async () => {
    expect((await buildConsistencyProof(STORE, 0, 5)).proof).toEqual([]);
    expect(verifyConsistency(0, 5, EMPTY_TREE_ROOT, ROOTS[5] as Uint8Array, [])).toBe(true);
    expect(verifyConsistency(0, 5, ROOTS[1] as Uint8Array, ROOTS[5] as Uint8Array, [])).toBe(false);
  });

  it('refuses impossible requests', async () => {
    await expect(buildInclusionProof(STORE, 5, 5)).rejects.toThrow(RangeError);
    await expect(buildInclusionProof(STORE, -1, 5)).rejects.toThrow(RangeError);
    await expect(buildInclusionProof(STORE, 0, N + 1)).rejects.toThrow(RangeError);
    await expect(buildConsistencyProof(STORE, 6, 5)).rejects.toThrow(RangeError);
    expect(() => rangeSubtrees(1, 4)).toThrow(RangeError);
  });
});

describe('verification rejects', () => {
  const n = 13;
  const m = 6;
  const root = ROOTS[n] as Uint8Array;
  const leaf = leafHash(LEAVES[m] as Uint8Array);
  const path = referencePath(m, LEAVES.slice(0, n));
  const flip = (b: Uint8Array): Uint8Array => {
    const c = Uint8Array.from(b);
    c[0] = (c[0] as number) ^ 1;
    return c;
  };

  it('accepts the genuine inclusion proof (control)', () => {
    expect(verifyInclusion(m, n, leaf, path, root)).toBe(true);
  });

  it('a wrong leaf, a wrong index, a tampered path element, a wrong root, a truncated or extended path', () => {
    expect(verifyInclusion(m, n, leafHash(LEAVES[m + 1] as Uint8Array), path, root)).toBe(false);
    expect(verifyInclusion(m + 1, n, leaf, path, root)).toBe(false);
    // (A tree size of the same shape for this leaf, e.g. 14, is not caught by the path alone:
    // the signed checkpoint binds the root to its size.)
    expect(verifyInclusion(m, n + 4, leaf, path, root)).toBe(false);
    expect(verifyInclusion(n, n, leaf, path, root)).toBe(false);
    for (let i = 0; i < path.length; i += 1) {
      const tampered = path.map((p, j) => (j === i ? flip(p) : p));
      expect(verifyInclusion(m, n, leaf, tampered, root)).toBe(false);
    }
    expect(verifyInclusion(m, n, leaf, path, ROOTS[n - 1] as Uint8Array)).toBe(false);
    expect(verifyInclusion(m, n, leaf, path.slice(0, -1), root)).toBe(false);
    expect(verifyInclusion(m, n, leaf, [...path, root], root)).toBe(false);
    expect(verifyInclusion(m, n, leaf, [path[0] as Uint8Array, new Uint8Array(31)], root)).toBe(false);
  });

  it('every mangled inclusion proof for every tree of 2..64 leaves', () => {
    for (let size = 2; size <= N; size += 1) {
      for (let i = 0; i < size; i += 1) {
        const p = referencePath(i, LEAVES.slice(0, size));
        const h = leafHash(LEAVES[i] as Uint8Array);
        const r = ROOTS[size] as Uint8Array;
        expect(verifyInclusion(i, size, h, p.slice(0, -1), r)).toBe(false);
        expect(verifyInclusion(i, size, h, [flip(p[0] as Uint8Array), ...p.slice(1)], r)).toBe(false);
        expect(verifyInclusion((i + 1) % size, size, h, p, r)).toBe(false);
      }
    }
  });

  it('tampered, truncated, extended or misdirected consistency proofs', () => {
    for (let b = 2; b <= N; b += 1) {
      for (let a = 1; a < b; a += 1) {
        const p = referenceProof(a, LEAVES.slice(0, b));
        const ra = ROOTS[a] as Uint8Array;
        const rb = ROOTS[b] as Uint8Array;
        expect(verifyConsistency(a, b, ra, rb, p)).toBe(true);
        for (let i = 0; i < p.length; i += 1) {
          expect(
            verifyConsistency(
              a,
              b,
              ra,
              rb,
              p.map((x, j) => (j === i ? flip(x) : x)),
            ),
          ).toBe(false);
        }
        expect(verifyConsistency(a, b, ra, rb, p.slice(0, -1))).toBe(false);
        expect(verifyConsistency(a, b, ra, rb, [...p, rb])).toBe(false);
        expect(verifyConsistency(a, b, rb, ra, p)).toBe(false);
        expect(verifyConsistency(a, b, flip(ra), rb, p)).toBe(false);
        expect(verifyConsistency(a, b, ra, flip(rb), p)).toBe(false);
      }
    }
  });

  it('m > n, and m = n with a proof or with different roots', () => {
    const p = referenceProof(5, LEAVES.slice(0, 9));
    expect(verifyConsistency(9, 5, ROOTS[9] as Uint8Array, ROOTS[5] as Uint8Array, p)).toBe(false);
    expect(verifyConsistency(7, 7, ROOTS[7] as Uint8Array, ROOTS[7] as Uint8Array, [])).toBe(true);
    expect(verifyConsistency(7, 7, ROOTS[7] as Uint8Array, ROOTS[8] as Uint8Array, [])).toBe(false);
    expect(
      verifyConsistency(7, 7, ROOTS[7] as Uint8Array, ROOTS[7] as Uint8Array, [ROOTS[7] as Uint8Array]),
    ).toBe(false);
  });

  it('hex wrappers: malformed hex and mismatched expectations', async () => {
    const proof = await buildInclusionProof(STORE, 3, 10);
    expect(verifyInclusionProof({ ...proof, auditPath: ['zz'] }).valid).toBe(false);
    expect(verifyInclusionProof(proof, { leafHash: '00'.repeat(32) }).reason).toBe(
      'leaf hash does not match the event',
    );
    expect(verifyInclusionProof(proof, { rootHash: hex(ROOTS[9] as Uint8Array) }).valid).toBe(false);
    expect(verifyInclusionProof({ ...proof, seq: 4 }).valid).toBe(false);
    const c = await buildConsistencyProof(STORE, 3, 10);
    expect(verifyConsistencyProof(c, hex(ROOTS[3] as Uint8Array), hex(ROOTS[10] as Uint8Array)).valid).toBe(
      true,
    );
    expect(verifyConsistencyProof(c, hex(ROOTS[4] as Uint8Array), hex(ROOTS[10] as Uint8Array)).valid).toBe(
      false,
    );
  });
});
