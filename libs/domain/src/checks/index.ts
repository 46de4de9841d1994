export * from './check-codes.js';
export * from './es-category.js';
export * from './screening-checks.js';
export * from './esg-checks.js';
export * from './check-merge.js';
export * from './waivability.js';
