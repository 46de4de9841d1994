export * from './checks.repository.js';
export * from './checks-sync.js';
export * from './eligibility-sync.js';
