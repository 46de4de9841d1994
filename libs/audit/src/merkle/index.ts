export * from './merkle-hash.js';
export * from './subtree.js';
export * from './merkle-frontier.js';
export * from './in-memory-subtree-store.js';
export * from './merkle-proofs.js';
export * from './merkle-verify.js';
