export * from './screening-subject.js';
