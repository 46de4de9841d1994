export * from './webhook-secret.js';
export * from './webhook-sender.js';
export * from './smtp-mailer.js';
