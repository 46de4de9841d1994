import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type Actor, type Role } from '@forge/domain';

/** Who is calling, as the token says. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  roles: Role[];
  organizationId: string | null;
}

export function toActor(user: AuthenticatedUser): Actor {
  return { id: user.id, roles: user.roles, organizationId: user.organizationId };
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const request = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>();
    if (!request.user) throw new Error('CurrentUser used on a route without authentication');
    return request.user;
  },
);
