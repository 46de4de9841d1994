import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type FastifyRequest } from 'fastify';
import { DomainError, isRecord } from '@forge/domain';

/** Where `@ApiConsumes(...)` (@nestjs/swagger) keeps a route's media types: one declaration for docs and checks. */
const API_CONSUMES = 'swagger/apiConsumes';
const JSON_MEDIA_TYPE = 'application/json';
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Deeper JSON than any valid application input (the ownership tree is 6 levels: about 16 JSON levels). */
export const MAX_BODY_DEPTH = 64;

/** The nesting depth of a JSON value, measured iteratively (never recursion on untrusted input). */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Object.values(current as object)) stack.push([child, level]);
  }
  return deepest;
}

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function carriesBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return request.headers['transfer-encoding'] !== undefined;
}

/**
 * The shape of every request body, on every route, after authentication and before pipes and handlers:
 * - the media type is one the route takes (`@ApiConsumes`; JSON when it declares none), else 415
 *   `UNSUPPORTED_MEDIA_TYPE` (a form-encoded or multipart body on a JSON route, JSON on an upload route);
 * - a JSON body is an object: `null`, an array, a number or a string is 400 `VALIDATION.FAILED` (Nest's
 *   ValidationPipe would turn `null` into `{}` and create an empty draft);
 * - it is not absurdly nested (class-validator recurses: a stack overflow would be a 500).
 * A guard, registered after the authentication guard (api.bootstrap.ts), rather than a global interceptor: with an
 * interceptor on every route Nest wraps every handler in rxjs Observables, about 3% of the API's CPU under GET load
 * for a check that only concerns bodies (issue 18.3, bench/README.md).
 */
@Injectable()
export class RequestBodyGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!BODY_METHODS.has(request.method)) return true;
    const consumes = this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, [
      context.getHandler(),
      context.getClass(),
    ]) ?? [JSON_MEDIA_TYPE];
    if (carriesBody(request) && !consumes.includes(mediaTypeOf(request.headers['content-type']))) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `This route takes ${consumes.join(' or ')} bodies`);
    }
    if (consumes.includes(JSON_MEDIA_TYPE) && request.body !== undefined) {
      if (!isRecord(request.body)) {
        throw new DomainError('VALIDATION.FAILED', 'The body must be a JSON object', [
          { field: 'body', message: 'must be a JSON object' },
        ]);
      }
      if (jsonDepth(request.body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
        throw new DomainError(
          'VALIDATION.FAILED',
          `The body is nested deeper than ${MAX_BODY_DEPTH} levels`,
          [{ field: 'body', message: `nested deeper than ${MAX_BODY_DEPTH} levels` }],
        );
      }
    }
    return true;
  }
}
