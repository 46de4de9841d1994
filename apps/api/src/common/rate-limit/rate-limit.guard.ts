import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { DomainError } from '@forge/domain';
import { TokenService } from '../../auth/token.service.js';
import { RateLimitStorage } from './rate-limit.storage.js';

const WINDOW_MS = 60_000;
const TOKEN_SUBJECT = Symbol('forge:rate-limit-subject');

/**
 * The global rate limit (api.md: "too many requests (per user and per IP) → 429 with Retry-After"):
 * RATE_LIMIT_PER_MINUTE requests per client IP (every request) and per user (requests whose bearer token
 * verifies, counted by its subject, so a forged token cannot spend somebody else's allowance), across all
 * routes, in fixed one-minute windows. Health probes are not counted. Over the limit: 429 problem+json
 * `RATE_LIMITED` with `Retry-After` (seconds). Informational `X-RateLimit-Limit/-Remaining` headers are set.
 *
 * Written on the `ThrottlerStorage` contract of @nestjs/throttler v6, without the package itself: it is
 * CommonJS requiring the ESM-only @nestjs/common 12, which Node loads but our Jest (ESM mode) cannot.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RateLimitStorage) private readonly storage: RateLimitStorage,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & Record<symbol, unknown>>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if ((request.url ?? '').startsWith('/health/')) return true;
    const limit = this.config.rateLimit.perMinute;
    const subject = await this.tokenSubject(request);
    const trackers: Array<[string, string]> = [['ip', request.ip]];
    if (subject) trackers.push(['user', subject]);
    let remaining = limit;
    for (const [name, tracker] of trackers) {
      const hit = await this.storage.increment(tracker, WINDOW_MS, limit, WINDOW_MS, name);
      if (hit.isBlocked) {
        void reply.header('Retry-After', String(hit.timeToBlockExpire));
        throw new DomainError(
          'RATE_LIMITED',
          `Too many requests (${limit} per minute per ${name === 'ip' ? 'address' : 'user'}); retry in ${hit.timeToBlockExpire} s`,
        );
      }
      remaining = Math.min(remaining, Math.max(0, limit - hit.totalHits));
    }
    void reply.header('X-RateLimit-Limit', String(limit)).header('X-RateLimit-Remaining', String(remaining));
    return true;
  }

  private async tokenSubject(request: FastifyRequest & Record<symbol, unknown>): Promise<string | null> {
    if (TOKEN_SUBJECT in request) return request[TOKEN_SUBJECT] as string | null;
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    let subject: string | null = null;
    if (match) {
      try {
        subject = (await this.tokens.verify(match[1])).id;
      } catch {
        subject = null;
      }
    }
    request[TOKEN_SUBJECT] = subject;
    return subject;
  }
}
