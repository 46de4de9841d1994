export * from './canonical/canonical-json.js';
export * from './errors/domain-error.js';
