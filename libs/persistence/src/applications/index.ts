export * from './application.repository.js';
export * from './application-details.repository.js';
export * from './application-aggregate.js';
export * from './application-list.repository.js';
export * from './application-access.repository.js';
export * from './cofinancing-lines.repository.js';
export * from './committee-rounds.repository.js';
export * from './application-view.reader.js';
