export * from './checks.repository.js';
export * from './eligibility-sync.js';
