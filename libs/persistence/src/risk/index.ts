export * from './risk-assessment.reader.js';
export * from './risk-assessment.writer.js';
export * from './risk-inputs.reader.js';
export * from './risk-reference.reader.js';
export * from './risk-scheduler.js';
export * from './scoring-models.repository.js';
export * from './risk-scoring.job.js';
