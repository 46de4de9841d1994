export * from './audit-event.js';
export * from './chain-verifier.js';
export * from './merkle/index.js';
export * from './checkpoint.js';
export * from './proof-bundle.js';
export * from './offline-verifier.js';
export * from './audit-writer.js';
export * from './db/index.js';
