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
 * With a bearer token whose signature verifies (in memory), 1 and 3 go together, in one round trip to the store,
 * before the account check (issue 18: two counts one after the other were about 8% of the API's CPU under GET load);
 * nothing reaches the database before the address is counted, as before.
 * RATE_LIMIT_PER_MINUTE each, fixed one-minute windows, all routes together; health probes are neither limited nor
 * authenticated.
 *
 * The counting is @fastify/rate-limit's: its Redis store (a Lua INCR/PEXPIRE) with RATE_LIMIT_STORE=redis, the
 * default when REDIS_URL is set, so every replica counts against one allowance; its LRU memory store with `memory`
 * (one replica: no round trip per request). Its route hook is not used (`global: false`): it counts one key per
 * request, and we need two, with authentication in between; `createRateLimit()` gives the check without the reply,
 * so the 429 is our problem+json. The plugin is registered once (a second registration cannot decorate the instance again), so the
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
    // The memory store's LRU: a key evicted inside its minute starts again at 0, so it holds the addresses and
    // users of a busy minute (about 100 bytes each).
    cache: 100_000,
  });
  const fastify = app.getHttpAdapter().getInstance();
  const check = fastify.createRateLimit();

  async function count(request: FastifyRequest, scope: 'address' | 'user', key: string): Promise<Verdict> {
    // The plugin calls keyGenerator synchronously inside `check` (before its first await), so two counts of one
    // request may run together: each reads its own key.
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
    // No address once the client has gone (its socket closed before this hook ran): counted together, not a 500.
    const address = `ip:${normalizeIP(request.ip ?? 'unknown')}`;
    // A bearer token names its user once its signature verifies (in memory, no database): then the address and the
    // user are counted together, in one round trip to the store, before the account is looked up.
    const subject = await authenticator.verifiedBearerSubject(request);
    let verdict: Verdict;
    if (subject !== undefined) {
      const [byAddress, byUser] = await Promise.all([
        count(request, 'address', address),
        count(request, 'user', `user:${subject}`),
      ]);
      if (byAddress.limited) return refuse(request, reply, byAddress);
      if (byUser.limited) return refuse(request, reply, byUser);
      verdict = byUser.remaining < byAddress.remaining ? byUser : byAddress;
      await authenticator.authenticate(request);
    } else {
      verdict = await count(request, 'address', address);
      if (verdict.limited) return refuse(request, reply, verdict);
      const outcome = await authenticator.authenticate(request);
      if (outcome && 'user' in outcome) {
        const byUser = await count(request, 'user', `user:${outcome.user.id}`);
        if (byUser.limited) return refuse(request, reply, byUser);
        if (byUser.remaining < verdict.remaining) verdict = byUser;
      }
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
