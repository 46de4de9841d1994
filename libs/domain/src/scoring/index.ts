export * from './round-half-even.js';
export * from './scoring-model.js';
export * from './scoring-model.define.js';
export * from './forge-rrs-1-0-0.params.js';
export * from './scoring-model.registry.js';
export * from './risk-inputs.js';
export * from './risk-assessment.js';
export * from './assessment-comparison.js';
