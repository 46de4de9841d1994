export * from './time.js';
export * from './business-calendar.js';
export * from './deadlines.js';
