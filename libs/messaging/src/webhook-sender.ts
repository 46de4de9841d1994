import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { classifyAddress, isAllowedWebhookAddress, parseWebhookUrl, DomainError } from '@forge/domain';
import { Webhook } from 'standardwebhooks';

/** One delivery attempt of a webhook message (Standard Webhooks). */
export interface WebhookMessage {
  url: string;
  /** The endpoint's `whsec_…` secret. */
  secret: string;
  /** `webhook-id`: stable across retries of the same message, so receivers drop duplicates. */
  messageId: string;
  /** `webhook-timestamp` (the attempt's time: receivers refuse stale timestamps). */
  timestamp: Date;
  /** The JSON body, exactly the bytes signed. */
  payload: string;
}

export interface WebhookSendOptions {
  /** `WEBHOOK_ALLOW_PRIVATE`: deliver to loopback, private and link-local addresses (tests only). */
  allowPrivate: boolean;
  timeoutMs: number;
  /** DNS resolution (default: the system resolver, every address). */
  resolve?: (hostname: string) => Promise<{ address: string; family: number }[]>;
}

export interface WebhookAttempt {
  outcome: 'delivered' | 'failed' | 'refused';
  status: number | null;
  /** Why it failed (network error, non-2xx, refused destination). */
  error: string | null;
  /** The address connected to (after resolution and the SSRF check). */
  address: string | null;
  durationMs: number;
  /** The first bytes of the answer, for the delivery log. */
  responseSnippet: string;
}

const SNIPPET_BYTES = 1024;
const USER_AGENT = 'FORGE-Pipeline-Webhooks/1';

async function systemResolve(hostname: string): Promise<{ address: string; family: number }[]> {
  return lookup(hostname, { all: true, verbatim: true });
}

/**
 * The address to connect to, after resolution: every address the name resolves to must be
 * allowed (a name with one private address among public ones is refused: the resolver may hand
 * out either), and the connection is pinned to the checked address so a second lookup cannot
 * rebind it (DNS rebinding).
 */
export async function resolveWebhookDestination(
  url: string,
  options: Pick<WebhookSendOptions, 'allowPrivate' | 'resolve'>,
): Promise<{ address: string; family: 4 | 6 }> {
  const parsed = parseWebhookUrl(url);
  const candidates = parsed.literalAddress
    ? [{ address: parsed.literalAddress, family: parsed.literalAddress.includes(':') ? 6 : 4 }]
    : await (options.resolve ?? systemResolve)(parsed.hostname);
  if (candidates.length === 0)
    throw new DomainError('WEBHOOK.UNRESOLVABLE', `${parsed.hostname} does not resolve`);
  for (const c of candidates) {
    if (!isAllowedWebhookAddress(c.address, options.allowPrivate)) {
      const { class: kind } = classifyAddress(c.address);
      throw new DomainError(
        'WEBHOOK.DESTINATION_REFUSED',
        `${parsed.hostname} resolves to ${c.address} (${kind}): webhooks are delivered to public addresses only`,
        [{ field: 'url', message: `resolves to a ${kind.replaceAll('_', '-')} address` }],
      );
    }
  }
  const chosen = classifyAddress(candidates[0].address);
  return { address: chosen.address as string, family: (chosen.address as string).includes(':') ? 6 : 4 };
}

/** The three Standard Webhooks headers of a message. */
export function signWebhook(
  message: Pick<WebhookMessage, 'secret' | 'messageId' | 'timestamp' | 'payload'>,
): Record<string, string> {
  const signature = new Webhook(message.secret).sign(message.messageId, message.timestamp, message.payload);
  return {
    'webhook-id': message.messageId,
    'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
    'webhook-signature': signature,
  };
}

/**
 * POSTs one signed message. Never throws for the receiver's behaviour: the outcome says what
 * happened (`delivered` on 2xx; `failed` on any other status, a network error or a timeout;
 * `refused` when the destination is not allowed). Redirects are not followed (a 3xx is a failure).
 */
export async function sendWebhook(
  message: WebhookMessage,
  options: WebhookSendOptions,
): Promise<WebhookAttempt> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let destination: { address: string; family: 4 | 6 };
  try {
    destination = await resolveWebhookDestination(message.url, options);
  } catch (error) {
    const refused = error instanceof DomainError && error.code === 'WEBHOOK.DESTINATION_REFUSED';
    return {
      outcome: refused ? 'refused' : 'failed',
      status: null,
      error: error instanceof Error ? error.message : String(error),
      address: null,
      durationMs: elapsed(),
      responseSnippet: '',
    };
  }
  const url = new URL(message.url);
  const pinned: LookupFunction = (_hostname, opts, callback) => {
    if ((opts as { all?: boolean }).all) {
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        destination,
      ]);
    } else {
      callback(null, destination.address, destination.family);
    }
  };
  const body = Buffer.from(message.payload, 'utf8');
  return new Promise<WebhookAttempt>((resolve) => {
    let settled = false;
    const finish = (attempt: Omit<WebhookAttempt, 'durationMs' | 'address'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...attempt, address: destination.address, durationMs: elapsed() });
    };
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        lookup: pinned,
        headers: {
          'content-type': 'application/json',
          'content-length': String(body.length),
          'user-agent': USER_AGENT,
          ...signWebhook(message),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on('data', (chunk: Buffer) => {
          if (kept < SNIPPET_BYTES) {
            chunks.push(chunk.subarray(0, SNIPPET_BYTES - kept));
            kept += Math.min(chunk.length, SNIPPET_BYTES - kept);
          }
        });
        response.on('error', (error) =>
          finish({
            outcome: 'failed',
            status: response.statusCode ?? null,
            error: error.message,
            responseSnippet: '',
          }),
        );
        response.on('end', () => {
          const status = response.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          finish({
            outcome: ok ? 'delivered' : 'failed',
            status,
            error: ok ? null : `HTTP ${status}`,
            responseSnippet: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    request.setTimeout(options.timeoutMs, () =>
      request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
    );
    request.on('error', (error) =>
      finish({ outcome: 'failed', status: null, error: error.message, responseSnippet: '' }),
    );
    request.end(body);
  });
}
