import { Logger } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { problem, problemInstance } from '../common/problem-details.js';
import { RateLimitConnection } from '../common/rate-limit/rate-limit.connection.js';
import { Authenticator } from './authenticator.js';

const WINDOW_MS = 60_000;
/** The key the next rate-limit check counts (`ip:…` or `user:…`), read by the plugin's keyGenerator. */
const LIMIT_KEY = Symbol('forge.rateLimitKey');
type Keyed = FastifyRequest & { [LIMIT_KEY]?: string };

interface Verdict {
  limited: boolean;
  limit: number;
  remaining: number;
  retryAfter: number;
  scope: 'address' | 'user';
}

/**
 * One `onRequest` hook, before routing and body parsing (api.md: "too many requests (per user and per IP) → 429 with
 * Retry-After"):
 * 1. count the client address: every request, with or without credentials, so token-less floods are limited;
 * 2. authenticate once (Authenticator, memoised on the request for the guard and the handlers);
 * 3. count the verified user (a forged token cannot spend someone else's allowance).
 * RATE_LIMIT_PER_MINUTE each, fixed one-minute windows, all routes together; health probes are neither limited nor
 * authenticated.
 *
 * The counting is @fastify/rate-limit's (its Redis store, a Lua INCR/PEXPIRE, when REDIS_URL is set; its LRU memory
 * store otherwise). Its route hook is not used (`global: false`): it counts one key per request, and we need two,
 * with authentication in between; `createRateLimit()` gives the check without the reply, so the 429 is our
 * problem+json. The plugin is registered once (a second registration cannot decorate the instance again), so the
 * key to count is handed to its keyGenerator on the request.
 */
export async function registerRequestAuthentication(app: NestFastifyApplication): Promise<void> {
  const connection = app.get(RateLimitConnection);
  const authenticator = app.get(Authenticator);
  const logger = new Logger('RateLimit');
  const limit = connection.config.rateLimit.perMinute;
  await app.register(rateLimit, {
    global: false,
    max: limit,
    timeWindow: WINDOW_MS,
    keyGenerator: (request: FastifyRequest) => (request as Keyed)[LIMIT_KEY] ?? `ip:${request.ip}`,
    ...(connection.redis ? { redis: connection.redis } : {}),
    nameSpace: `${connection.config.queue.prefix}:rate-limit:`,
    cache: 10_000,
  });
  const fastify = app.getHttpAdapter().getInstance();
  const check = fastify.createRateLimit();

  async function count(request: FastifyRequest, scope: 'address' | 'user', key: string): Promise<Verdict> {
    (request as Keyed)[LIMIT_KEY] = key;
    try {
      const result = await check(request);
      if (result.isAllowed) return { limited: false, limit, remaining: limit, retryAfter: 0, scope };
      return {
        limited: result.isExceeded,
        limit: result.max,
        remaining: result.remaining,
        retryAfter: Math.max(1, result.ttlInSeconds),
        scope,
      };
    } catch (error) {
      // Fail open: the limiter must not take the API down when Redis is away (the sign-in limits live in PostgreSQL).
      logger.warn(`rate limit not applied, store unavailable: ${(error as Error).message}`);
      return { limited: false, limit, remaining: limit, retryAfter: 0, scope };
    }
  }

  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.startsWith('/health/')) return;
    const byAddress = await count(request, 'address', `ip:${normalizeIP(request.ip)}`);
    if (byAddress.limited) return refuse(request, reply, byAddress);
    const outcome = await authenticator.authenticate(request);
    let verdict = byAddress;
    if (outcome && 'user' in outcome) {
      const byUser = await count(request, 'user', `user:${outcome.user.id}`);
      if (byUser.limited) return refuse(request, reply, byUser);
      if (byUser.remaining < verdict.remaining) verdict = byUser;
    }
    void reply.header('X-RateLimit-Limit', String(verdict.limit));
    void reply.header('X-RateLimit-Remaining', String(verdict.remaining));
  });
}

function refuse(request: FastifyRequest, reply: FastifyReply, verdict: Verdict) {
  const body = problem(
    429,
    'RATE_LIMITED',
    `Too many requests (${verdict.limit} a minute per ${verdict.scope}); retry in ${verdict.retryAfter} s`,
  );
  return reply
    .status(429)
    .header('Retry-After', String(verdict.retryAfter))
    .header('Content-Type', 'application/problem+json')
    .send({ ...body, instance: problemInstance(request.id) });
}
