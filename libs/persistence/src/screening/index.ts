export * from './screening-scheduler.js';
export * from './screening-subject.js';
