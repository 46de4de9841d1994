export * from './screening-scheduler.js';
