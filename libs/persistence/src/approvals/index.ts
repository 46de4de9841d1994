export * from './approval.repository.js';
