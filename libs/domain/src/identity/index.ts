export * from './account-rules.js';
export * from './password-policy.js';
export * from './second-factor-rules.js';
