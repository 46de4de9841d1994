export * from './checks-sync.js';
