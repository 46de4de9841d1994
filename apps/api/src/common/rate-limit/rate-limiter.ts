import { Inject, Injectable } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { TokenService } from '../../auth/token.service.js';
import { problem } from '../problem-details.js';
import { RateLimitStorage } from './rate-limit.storage.js';

const WINDOW_MS = 60_000;

export interface RateLimitVerdict {
  limited: boolean;
  limit: number;
  remaining: number;
  /** Seconds (when limited). */
  retryAfter: number;
  scope?: 'ip' | 'user';
}

/**
 * The global rate limit (api.md: "too many requests (per user and per IP) → 429 with Retry-After"):
 * RATE_LIMIT_PER_MINUTE requests per client IP (every request, with or without a token) and per user
 * (requests whose bearer token verifies, counted by its subject, so a forged token cannot spend somebody
 * else's allowance), across all routes, in fixed one-minute windows. Health probes are not counted.
 *
 * Written on the `ThrottlerStorage` contract of @nestjs/throttler v6 but not on its guard: the package is
 * CommonJS requiring the ESM-only @nestjs/common 12 (Node loads it, our Jest cannot), and a Nest guard would
 * run after the authentication guard, leaving unauthenticated floods uncounted. It runs as a Fastify
 * `onRequest` hook instead: before routing, authentication and body parsing.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RateLimitStorage) private readonly storage: RateLimitStorage,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  async check(request: {
    ip: string;
    url: string;
    headers: { authorization?: string };
  }): Promise<RateLimitVerdict> {
    const limit = this.config.rateLimit.perMinute;
    if (request.url.startsWith('/health/')) return { limited: false, limit, remaining: limit, retryAfter: 0 };
    const trackers: Array<['ip' | 'user', string]> = [['ip', request.ip]];
    const subject = await this.tokenSubject(request.headers.authorization);
    if (subject) trackers.push(['user', subject]);
    let remaining = limit;
    for (const [scope, tracker] of trackers) {
      const hit = await this.storage.increment(tracker, WINDOW_MS, limit, WINDOW_MS, scope);
      if (hit.isBlocked)
        return { limited: true, limit, remaining: 0, retryAfter: hit.timeToBlockExpire, scope };
      remaining = Math.min(remaining, Math.max(0, limit - hit.totalHits));
    }
    return { limited: false, limit, remaining, retryAfter: 0 };
  }

  private async tokenSubject(authorization: string | undefined): Promise<string | null> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return null;
    try {
      return (await this.tokens.verify(match[1])).id;
    } catch {
      return null;
    }
  }
}

/** Wires the rate limit into Fastify (first `onRequest` hook): 429 problem+json `RATE_LIMITED` + Retry-After. */
export function registerRateLimit(app: NestFastifyApplication): void {
  const limiter = app.get(RateLimiter);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const verdict = await limiter.check(request);
      if (!verdict.limited) {
        void reply.header('X-RateLimit-Limit', String(verdict.limit));
        void reply.header('X-RateLimit-Remaining', String(verdict.remaining));
        return;
      }
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
        .send({ ...body, instance: request.url });
    });
}
