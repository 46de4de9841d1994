import {
  bytesToHex,
  EMPTY_TREE_ROOT,
  eventLeafHash,
  hexToBytes,
  HASH_SIZE,
  nodeHash,
} from './merkle-hash.js';
import { rangeSubtrees, type SubtreeCoord } from './subtree.js';

/** Called for every perfect subtree the frontier completes (each leaf too, at level 0). */
export type SubtreeListener = (coord: SubtreeCoord, hash: Uint8Array) => void;

/** A frontier at rest: the tree size and its perfect subtree roots, biggest first (hex). */
export interface FrontierState {
  size: number;
  hashes: string[];
}

interface FrontierNode extends SubtreeCoord {
  hash: Uint8Array;
}

/**
 * The compact range [0, size) of an RFC 9162 tree: the roots of the perfect subtrees of the
 * binary decomposition of `size` (at most ⌈log₂ size⌉ + 1 hashes). Appending a leaf hash
 * costs amortised O(1) node hashes; the root for the current size costs O(log n). The
 * checkpoint worker keeps one, feeds it the new events since the last checkpoint, and never
 * rehashes the whole log; the `onSubtree` listener lets it persist every perfect subtree
 * hash (level, index) as it is completed, which is what proof generation reads.
 */
export class MerkleFrontier {
  private readonly nodes: FrontierNode[] = [];
  private count = 0;

  constructor(private readonly onSubtree?: SubtreeListener) {}

  /** Resumes from a saved state (e.g. the hashes `rangeSubtrees(0, size)` read from a store). */
  static fromState(state: FrontierState, onSubtree?: SubtreeListener): MerkleFrontier {
    const coords = rangeSubtrees(0, state.size);
    if (coords.length !== state.hashes.length) {
      throw new RangeError(
        `a frontier of size ${state.size} has ${coords.length} hashes, got ${state.hashes.length}`,
      );
    }
    const frontier = new MerkleFrontier(onSubtree);
    coords.forEach((coord, i) => {
      frontier.nodes.push({ ...coord, hash: hexToBytes(state.hashes[i] as string) });
    });
    frontier.count = state.size;
    return frontier;
  }

  /** Number of leaves appended. */
  get size(): number {
    return this.count;
  }

  /** Appends one leaf hash (SHA-256(0x00 ‖ leaf)). */
  appendLeafHash(hash: Uint8Array): void {
    if (hash.length !== HASH_SIZE) throw new TypeError('a leaf hash has 32 bytes');
    let node: FrontierNode = { level: 0, index: this.count, hash: Uint8Array.from(hash) };
    this.onSubtree?.({ level: 0, index: node.index }, node.hash);
    for (;;) {
      const last = this.nodes[this.nodes.length - 1];
      if (last === undefined || last.level !== node.level) break;
      this.nodes.pop();
      node = { level: node.level + 1, index: last.index / 2, hash: nodeHash(last.hash, node.hash) };
      this.onSubtree?.({ level: node.level, index: node.index }, node.hash);
    }
    this.nodes.push(node);
    this.count += 1;
  }

  /** Appends the leaf of an audit event: the 32 raw bytes of its `hash` (hex). */
  appendEventHash(eventHashHex: string): void {
    this.appendLeafHash(eventLeafHash(eventHashHex));
  }

  /** MTH of the leaves appended so far. */
  root(): Uint8Array {
    if (this.nodes.length === 0) return EMPTY_TREE_ROOT;
    let hash = (this.nodes[this.nodes.length - 1] as FrontierNode).hash;
    for (let i = this.nodes.length - 2; i >= 0; i -= 1) {
      hash = nodeHash((this.nodes[i] as FrontierNode).hash, hash);
    }
    return hash;
  }

  rootHex(): string {
    return bytesToHex(this.root());
  }

  state(): FrontierState {
    return { size: this.count, hashes: this.nodes.map((n) => bytesToHex(n.hash)) };
  }
}
