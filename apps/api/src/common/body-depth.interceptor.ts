import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type Observable } from 'rxjs';
import { DomainError } from '@forge/domain';

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

/**
 * Refuses absurdly nested bodies with 400 before the global ValidationPipe (class-transformer and
 * class-validator recurse, and a few thousand levels would overflow the stack: a 500). Interceptors run
 * before pipes, so this sees the raw parsed body.
 */
@Injectable()
export class BodyDepthInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ body?: unknown }>();
    if (jsonDepth(request.body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
      throw new DomainError('VALIDATION.FAILED', `The body is nested deeper than ${MAX_BODY_DEPTH} levels`, [
        { field: 'body', message: `nested deeper than ${MAX_BODY_DEPTH} levels` },
      ]);
    }
    return next.handle();
  }
}
