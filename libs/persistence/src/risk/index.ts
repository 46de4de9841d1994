export * from './risk-assessment.reader.js';
export * from './risk-scheduler.js';
