import { eventLeafHash } from './merkle-hash.js';
import { MerkleFrontier } from './merkle-frontier.js';
import { type SubtreeCoord, type SubtreeHashSource } from './subtree.js';

/**
 * Every perfect subtree hash of a log, in memory: `levels[level][index]`. Filled by a
 * `MerkleFrontier` listener, exactly as a database store would be (one row per completed
 * subtree, about 2n rows for n leaves). For tests, the offline tools and small logs.
 */
export class InMemorySubtreeStore implements SubtreeHashSource {
  private readonly levels: Uint8Array[][] = [];
  private readonly frontier = new MerkleFrontier((coord, hash) => this.put(coord, hash));

  /** Number of leaves appended. */
  get size(): number {
    return this.frontier.size;
  }

  /** Appends a leaf hash. */
  appendLeafHash(hash: Uint8Array): void {
    this.frontier.appendLeafHash(hash);
  }

  /** Appends the leaf of an audit event (the raw bytes of its hex `hash`). */
  appendEventHash(eventHashHex: string): void {
    this.appendLeafHash(eventLeafHash(eventHashHex));
  }

  /** The current root (same as `treeRoot(this, this.size)`). */
  root(): Uint8Array {
    return this.frontier.root();
  }

  getSubtreeHashes(coords: readonly SubtreeCoord[]): Uint8Array[] {
    return coords.map(({ level, index }) => {
      const hash = this.levels[level]?.[index];
      if (hash === undefined) throw new RangeError(`subtree (${level}, ${index}) is not complete`);
      return hash;
    });
  }

  private put({ level, index }: SubtreeCoord, hash: Uint8Array): void {
    const row = (this.levels[level] ??= []);
    row[index] = hash;
  }
}
