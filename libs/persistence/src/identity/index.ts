export * from './password-hasher.js';
export * from './users.repository.js';
export * from './user-accounts.js';
export * from './login-attempts.repository.js';
export * from './idempotency-keys.repository.js';
export * from './sessions.repository.js';
