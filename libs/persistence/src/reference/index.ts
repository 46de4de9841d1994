export * from './reference-snapshots.repository.js';
export * from './reference-loader.js';
export * from './reference-data.loader.js';
