import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { type Role } from '@forge/domain';
import { Allow } from '../auth/policy.decorators.js';

/**
 * A decision on something that exists (a policy version approved or rejected, a co-financing line committed):
 * a write for `roles` answering 200 with `type`, and the refusals it documents (the 404 and 409 codes; the 403
 * beyond the role check, such as the maker deciding their own proposal).
 */
export function DecisionRoute(options: {
  roles: readonly Role[];
  summary: string;
  type: Type<unknown>;
  notFound: string;
  conflict: string;
  forbidden?: string;
}): MethodDecorator {
  return applyDecorators(
    HttpCode(200),
    Allow(options.roles, { write: true }),
    ApiOperation({ summary: options.summary }),
    ApiOkResponse({ type: options.type }),
    ...(options.forbidden ? [ApiForbiddenResponse({ description: options.forbidden })] : []),
    ApiNotFoundResponse({ description: options.notFound }),
    ApiConflictResponse({ description: options.conflict }),
  );
}
