export * from './application-input.dto.js';
export * from './commands.dto.js';
