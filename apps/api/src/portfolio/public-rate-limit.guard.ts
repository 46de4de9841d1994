import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { normalizeIP } from '@fastify/rate-limit';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { DomainError } from '@forge/domain';

/** 429 `RATE_LIMITED` with the seconds until the window lifts (the problem filter writes Retry-After). */
class PublicRateLimited extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many requests to the public register; retry in ${retryAfterSeconds} s`);
  }
}

type Check = ReturnType<FastifyInstance['createRateLimit']>;

/**
 * The public register and IATI (portfolio.md: unauthenticated, rate-limited): besides the global per-address limit
 * every request counts against, PUBLIC_RATE_LIMIT_PER_MINUTE per client address over these routes together, in
 * the same store (RATE_LIMIT_STORE: @fastify/rate-limit's Redis store, shared by every replica, or its memory store).
 * Fails open (logged) when the store is away, as the global limit does.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly logger = new Logger('PublicRateLimit');
  private check: Check | null = null;

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const limit = this.config.rateLimit.publicPerMinute;
    let verdict: Awaited<ReturnType<Check>>;
    try {
      verdict = await this.checker()(request);
    } catch (error) {
      this.logger.warn(`public rate limit not applied, store unavailable: ${(error as Error).message}`);
      return true;
    }
    if (!verdict.isAllowed && verdict.isExceeded) {
      throw new PublicRateLimited(Math.max(1, verdict.ttlInSeconds));
    }
    void reply.header('X-RateLimit-Limit', String(limit));
    if (!verdict.isAllowed) void reply.header('X-RateLimit-Remaining', String(verdict.remaining));
    return true;
  }

  private checker(): Check {
    if (this.check === null) {
      const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
      this.check = fastify.createRateLimit({
        max: this.config.rateLimit.publicPerMinute,
        timeWindow: 60_000,
        keyGenerator: (request: FastifyRequest) => `public:${normalizeIP(request.ip)}`,
      });
    }
    return this.check;
  }
}
