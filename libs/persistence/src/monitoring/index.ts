export * from './disbursements.repository.js';
export * from './monitoring.repository.js';
