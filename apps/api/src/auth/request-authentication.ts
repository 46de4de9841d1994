import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { problem, problemInstance } from '../common/problem-details.js';
import { RateLimiter, type RateLimitVerdict } from '../common/rate-limit/rate-limiter.js';
import { Authenticator } from './authenticator.js';

/**
 * One `onRequest` hook, before routing and body parsing: count the client address (every request, so floods
 * without credentials are limited too), authenticate once (Authenticator, memoised on the request for the guard),
 * then count the verified user. Health probes are neither limited nor authenticated.
 */
export function registerRequestAuthentication(app: NestFastifyApplication): void {
  const limiter = app.get(RateLimiter);
  const authenticator = app.get(Authenticator);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.url.startsWith('/health/')) return;
      const byAddress = await limiter.hit('ip', request.ip);
      if (byAddress.limited) return refuse(request, reply, byAddress);
      const outcome = await authenticator.authenticate(request);
      let verdict = byAddress;
      if (outcome && 'user' in outcome) {
        const byUser = await limiter.hit('user', outcome.user.id);
        if (byUser.limited) return refuse(request, reply, byUser);
        if (byUser.remaining < verdict.remaining) verdict = byUser;
      }
      void reply.header('X-RateLimit-Limit', String(verdict.limit));
      void reply.header('X-RateLimit-Remaining', String(verdict.remaining));
    });
}

function refuse(request: FastifyRequest, reply: FastifyReply, verdict: RateLimitVerdict) {
  const who = verdict.scope === 'user' ? 'user' : 'address';
  const body = problem(
    429,
    'RATE_LIMITED',
    `Too many requests (${verdict.limit} a minute per ${who}); retry in ${verdict.retryAfter} s`,
  );
  return reply
    .status(429)
    .header('Retry-After', String(verdict.retryAfter))
    .header('Content-Type', 'application/problem+json')
    .send({ ...body, instance: problemInstance(request.id) });
}
