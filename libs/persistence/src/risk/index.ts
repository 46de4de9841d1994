export * from './risk-assessment.reader.js';
export * from './risk-assessment.writer.js';
export * from './risk-inputs.reader.js';
export * from './risk-reference.reader.js';
export * from './scoring-models.repository.js';
