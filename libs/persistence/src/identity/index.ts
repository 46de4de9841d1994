export * from './password-hasher.js';
export * from './users.repository.js';
export * from './login-attempts.repository.js';
export * from './idempotency-keys.repository.js';
export * from './sessions.repository.js';
export * from './role-requests.repository.js';
export * from './password-resets.repository.js';
export * from './login-throttles.repository.js';
