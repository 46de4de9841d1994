export * from './audit-event.reader.js';
export * from './audit-signing-key.js';
export * from './db-subtree-source.js';
export * from './audit-checkpoint.service.js';
export * from './audit-status.js';
export * from './application-evidence.reader.js';
export * from './audit-checkpoint.provider.js';
export * from './audit-sequencer.js';
