import type { FieldProblem } from '../application/ownership-tree.js';
import type { JsonValue } from '../canonical/json.js';
import { DomainError } from '../errors/domain-error.js';
import { classifyAddress, type AddressClass } from './address-classification.js';

/**
 * Webhooks for integrators (monitoring.md): an endpoint subscribes to event types, which are the
 * audit actions (`application.submitted`, `committee.decided`, …), or `*` for every one.
 */
export const MAX_WEBHOOK_EVENTS = 100;
export const MAX_WEBHOOK_URL_LENGTH = 2048;
const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** Field problems of an event filter: a non-empty list of `*` or audit actions, each once. */
export function validateWebhookEvents(events: unknown, field = 'events'): FieldProblem[] {
  if (!Array.isArray(events) || events.length === 0)
    return [{ field, message: 'must list at least one event type or *' }];
  if (events.length > MAX_WEBHOOK_EVENTS)
    return [{ field, message: `must list at most ${MAX_WEBHOOK_EVENTS} event types` }];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  events.forEach((e: unknown, i) => {
    if (typeof e !== 'string' || (e !== '*' && !EVENT_TYPE.test(e))) {
      problems.push({
        field: `${field}[${i}]`,
        message: 'must be * or an audit action such as application.submitted',
      });
    } else if (seen.has(e)) {
      problems.push({ field: `${field}[${i}]`, message: `lists ${e} twice` });
    } else {
      seen.add(e);
    }
  });
  return problems;
}

/** The JSON body of a webhook (Standard Webhooks' `{ type, timestamp, data }`): the audit event it announces. */
export interface WebhookPayload {
  /** The audit action. */
  type: string;
  /** When the event occurred (ISO-8601). */
  timestamp: string;
  data: {
    seq: number;
    id: string;
    action: string;
    actor: { id: string; role: string };
    subject: { type: string; id: string };
    applicationId: string | null;
    reason: string | null;
    before: JsonValue | null;
    after: JsonValue | null;
    context: JsonValue | null;
  };
}

/** Whether an endpoint subscribed to `events` receives an event of type `action`: `*` or exact match. */
export function matchesWebhookFilter(events: readonly string[], action: string): boolean {
  return events.includes('*') || events.includes(action);
}

export interface ParsedWebhookUrl {
  url: string;
  protocol: 'http:' | 'https:';
  hostname: string;
  port: number;
  /** The address when the host is an IP literal (no DNS lookup needed), else `null`. */
  literalAddress: string | null;
  literalClass: AddressClass | null;
}

/**
 * Parses and checks a webhook URL: `http` or `https`, a host, no user or password, no fragment,
 * at most 2048 characters. A host written as an IP (including forms the URL parser normalises,
 * such as `http://2130706433/` → `127.0.0.1`) is classified at once; a name is resolved and
 * classified by the caller at registration and again at every delivery (DNS may change).
 */
export function parseWebhookUrl(raw: unknown, field = 'url'): ParsedWebhookUrl {
  const problem = (message: string) =>
    new DomainError('VALIDATION.FAILED', `${field} ${message}`, [{ field, message }]);
  if (typeof raw !== 'string' || raw.length === 0) throw problem('is required');
  if (raw.length > MAX_WEBHOOK_URL_LENGTH)
    throw problem(`must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw problem('must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw problem('must use http or https');
  if (url.username !== '' || url.password !== '') throw problem('must not carry credentials');
  if (url.hash !== '') throw problem('must not have a fragment');
  if (url.hostname === '') throw problem('must name a host');
  const bracketless = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const literal = classifyAddress(bracketless);
  return {
    url: url.toString(),
    protocol: url.protocol,
    hostname: bracketless,
    port: url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port),
    literalAddress: literal.class === 'invalid' ? null : literal.address,
    literalClass: literal.class === 'invalid' ? null : literal.class,
  };
}

/** A retry policy: exponential backoff from `baseDelayMs`, capped at `maxDelayMs`, for `windowMs`. */
export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this long since the first attempt, the message is dead-lettered. */
  windowMs: number;
}

/** monitoring.md: webhooks retry with exponential backoff for 24 h, then dead-letter. */
export const WEBHOOK_RETRY_POLICY: RetryPolicy = Object.freeze({
  baseDelayMs: 30_000,
  maxDelayMs: 4 * 3_600_000,
  windowMs: 24 * 3_600_000,
});

/** Email from the outbox: the same shape, starting a little slower. */
export const EMAIL_RETRY_POLICY: RetryPolicy = Object.freeze({
  baseDelayMs: 60_000,
  maxDelayMs: 4 * 3_600_000,
  windowMs: 24 * 3_600_000,
});

/** The delay before retry number `failures` (1 after the first failed attempt): base × 2^(failures−1), capped. */
export function retryDelayMs(failures: number, policy: RetryPolicy): number {
  if (!Number.isInteger(failures) || failures < 1)
    throw new DomainError('VALIDATION.FAILED', 'failures must be ≥ 1');
  // 2^(n−1) overflows nothing before the cap is reached: stop doubling once past it.
  let delay = policy.baseDelayMs;
  for (let i = 1; i < failures && delay < policy.maxDelayMs; i++) delay *= 2;
  return Math.min(delay, policy.maxDelayMs);
}

/**
 * After a failed attempt: when to try again, or dead-letter because the next attempt would fall
 * outside the window that started with the first attempt. `failures` counts the failed attempts
 * so far (this one included). Times in milliseconds since the epoch (the clock is an input).
 */
export function nextRetry(
  firstAttemptAtMs: number,
  failedAtMs: number,
  failures: number,
  policy: RetryPolicy,
): { retryAtMs: number } | { deadLetter: true } {
  const retryAtMs = failedAtMs + retryDelayMs(failures, policy);
  return retryAtMs - firstAttemptAtMs > policy.windowMs ? { deadLetter: true } : { retryAtMs };
}

/** The whole schedule of a message that always fails (offsets from the first attempt), for docs and tests. */
export function retrySchedule(policy: RetryPolicy): number[] {
  const offsets = [0];
  for (let failures = 1; ; failures++) {
    const next = nextRetry(0, offsets[offsets.length - 1], failures, policy);
    if ('deadLetter' in next) return offsets;
    offsets.push(next.retryAtMs);
  }
}

/** Which HTTP answers count as delivered: any 2xx. Everything else (and no answer) is retried. */
export function isDelivered(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}
