export * from './webhook-secret.js';
export * from './webhook-sender.js';
export * from './smtp-mailer.js';
export * from './notification-dispatcher.js';
export * from './deliverers.js';
export * from './inbox.js';
export * from './webhook-endpoints.js';
export * from './deadline-sweep.js';
