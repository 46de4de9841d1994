export * from './address-classification.js';
export * from './webhooks.js';
export * from './notification-rules.js';
export * from './email-templates.js';
