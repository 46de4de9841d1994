export * from './reference-data.js';
