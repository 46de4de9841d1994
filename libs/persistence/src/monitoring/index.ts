export * from './disbursements.repository.js';
