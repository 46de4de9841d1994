import { randomBytes } from 'node:crypto';

/**
 * A webhook endpoint's signing secret in the Standard Webhooks form: `whsec_` and the base64 of
 * 32 random bytes (what `standardwebhooks`' `Webhook` accepts as is). Shown to the admin once.
 */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Whether a string has the shape of a secret generated above (for input checks in tests and tools). */
export function isWebhookSecret(value: string): boolean {
  return /^whsec_[A-Za-z0-9+/]{43}=$/.test(value);
}
