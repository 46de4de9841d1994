import { createHash } from 'node:crypto';

/** RFC 9162 §2.1.1 hashing with SHA-256. All hashes are 32-byte `Uint8Array`s (or `Buffer`s). */
export const HASH_SIZE = 32;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** MTH of the empty tree: SHA-256 of the empty string. */
export const EMPTY_TREE_ROOT: Uint8Array = createHash('sha256').digest();

/** Leaf hash: SHA-256(0x00 ‖ leaf). */
export function leafHash(leaf: Uint8Array): Uint8Array {
  return createHash('sha256').update(LEAF_PREFIX).update(leaf).digest();
}

/** Interior node hash: SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** The Merkle leaf of an audit event is the 32 raw bytes of its `hash`; this is its leaf hash. */
export function eventLeafHash(eventHashHex: string): Uint8Array {
  return leafHash(hexToBytes(eventHashHex));
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Decodes a 64-digit lower-case hex hash; throws on anything else. */
export function hexToBytes(hex: string): Uint8Array {
  if (!HEX64.test(hex)) throw new TypeError('expected 64 lower-case hex digits');
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

/** Lower-case hex of bytes. */
export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Constant-length byte equality (hashes are public, so timing is no concern). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Largest power of two strictly smaller than n (n ≥ 2): RFC 9162's k. */
export function largestPowerOfTwoBelow(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`no power of two below ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Whether n ≥ 1 is an exact power of two. */
export function isPowerOfTwo(n: number): boolean {
  if (!Number.isSafeInteger(n) || n < 1) return false;
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}
