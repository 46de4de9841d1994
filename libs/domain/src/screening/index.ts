export * from './sdn-csv-parser.js';
export * from './name-normaliser.js';
export * from './jaro-winkler.js';
export * from './sanctions-index.js';
export * from './ownership-screening.js';
export * from './fifty-percent-rule.js';
export * from './sanctions-list-diff.js';
