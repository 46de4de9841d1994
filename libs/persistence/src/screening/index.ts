export * from './screening-scheduler.js';
export * from './screening-subject.js';
export * from './screening-job.js';
