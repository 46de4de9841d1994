export * from './canonical/canonical-json.js';
export * from './errors/domain-error.js';
export * from './application/application-input.js';
export * from './reference/index.js';
export * from './screening/index.js';
export * from './checks/index.js';
export * from './scoring/index.js';
export * from './pipeline/index.js';
