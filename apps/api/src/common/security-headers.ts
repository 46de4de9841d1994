import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet, { type HelmetOptions } from 'helmet';
import { type FastifyInstance } from 'fastify';

/** The security headers of every answer (HSTS, nosniff, frame-ancestors 'none', no referrer, CSP for /docs). */
export const SECURITY_HEADER_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'no-referrer' },
};

/**
 * The headers helmet sets with `options`, computed once: helmet's own middleware run on a Node response that is
 * never sent. None of these options depends on the request (no CSP nonces, no directive functions), and
 * `@fastify/helmet` would rebuild helmet's middleware (re-validating the CSP directives) in two hooks on every
 * request (issue 18.3, bench/README.md).
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const request = new IncomingMessage(new Socket());
  const response = new ServerResponse(request);
  helmet(options)(request, response, (error?: unknown) => {
    if (error) throw error;
  });
  return Object.fromEntries(
    Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]),
  );
}

/**
 * Sets `headers` and the request id (`x-request-id`, so a caller can quote it to the on-call engineer) on every
 * answer, first of all hooks (so also on answers a later hook sends: 401, 429, 404). One synchronous hook: set as
 * the request arrives, never in an async `onSend` (when a reply was sent twice, the second send's write came after
 * such a hook's promise, where Fastify 5.12 turned the chain's third error into an unhandled "cb is not a
 * function"; with every `onSend` hook synchronous a second send finds the reply sent and is only logged).
 */
export function registerResponseHeaders(instance: FastifyInstance, headers: Record<string, string>): void {
  instance.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headers).header('x-request-id', request.id);
    done();
  });
}
