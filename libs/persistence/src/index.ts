export * from './data-source.js';
export * from './embedded-database.js';
export * from './entities.js';
export * from './persistence.module.js';
export * from './runtime.js';
export * from './unit-of-work.js';
