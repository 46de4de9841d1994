export * from './account-rules.js';
export * from './password-policy.js';
