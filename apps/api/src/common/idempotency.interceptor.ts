import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { IdempotencyKeys } from '@forge/application';
import { canonicalJson, DomainError, sha256Hex } from '@forge/domain';

export const IDEMPOTENT_KEY = 'forge:idempotent';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_REPLAYED_HEADER = 'Idempotency-Replayed';
/** How long a key (and its stored response) is kept. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** SHA-256 of method, path and the canonical JSON of the body: what "the same request" means. */
export function idempotencyRequestHash(method: string, path: string, body: unknown): string {
  return sha256Hex(`${method.toUpperCase()} ${path}\n${canonicalJson(body ?? null)}`);
}

/**
 * Honours `Idempotency-Key` on a route decorated with `@Idempotent()` (creating POSTs), per authenticated user:
 * - first request: the key is claimed (`in_progress`), the handler runs, its status and body are stored
 *   (`completed`); if the handler fails the claim is deleted, so the client may retry with the same key;
 * - same key and same request: the stored response is replayed (same status, `Idempotency-Replayed: true`);
 * - same key, different method/path/body: 422 `IDEMPOTENCY.KEY_REUSED`;
 * - same key while the first is still running: 409 `IDEMPOTENCY.CONCURRENT_REQUEST`.
 * Without the header the route behaves as usual. Runs after the guards, so `request.user` is known.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IdempotencyKeys) private readonly keys: IdempotencyKeys,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const enabled = this.reflector.getAllAndOverride<boolean | undefined>(IDEMPOTENT_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!enabled || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: { id: string } }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const raw = request.headers[IDEMPOTENCY_HEADER];
    if (raw === undefined) return next.handle();
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new DomainError(
        'VALIDATION.FAILED',
        'Idempotency-Key must be 1 to 255 visible ASCII characters',
        [{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }],
      );
    }
    const userId = request.user?.id;
    if (!userId) return next.handle();
    return from(this.run(userId, key, request, reply, next));
  }

  private async run(
    userId: string,
    key: string,
    request: FastifyRequest,
    reply: FastifyReply,
    next: CallHandler,
  ): Promise<unknown> {
    const path = request.url.split('?')[0] ?? request.url;
    const claim = await this.keys.claim({
      userId,
      key,
      method: request.method,
      path,
      requestHash: idempotencyRequestHash(request.method, request.url, request.body),
      ttlSeconds: IDEMPOTENCY_TTL_SECONDS,
    });
    switch (claim.outcome) {
      case 'mismatch':
        throw new DomainError(
          'IDEMPOTENCY.KEY_REUSED',
          'This Idempotency-Key was used for a different request; use a new key',
        );
      case 'in_progress':
        throw new DomainError(
          'IDEMPOTENCY.CONCURRENT_REQUEST',
          'A request with this Idempotency-Key is still being processed; retry later',
        );
      case 'completed':
        void reply.status(claim.status).header(IDEMPOTENCY_REPLAYED_HEADER, 'true');
        return claim.body;
      case 'claimed':
        break;
    }
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      await this.keys.release({ userId, key });
      throw error;
    }
    await this.keys.complete({ userId, key, status: reply.statusCode, body });
    return body;
  }
}

/**
 * Marks a creating POST as honouring `Idempotency-Key` (api.md). Put it on the route:
 * `@Post() @Idempotent() create(...)`.
 */
export function Idempotent() {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_KEY, true),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any unique string (a UUID). Same key and body within 24 h: the original response is replayed ' +
        '(header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409.',
    }),
  );
}
