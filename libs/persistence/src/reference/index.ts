export * from './reference-snapshots.repository.js';
