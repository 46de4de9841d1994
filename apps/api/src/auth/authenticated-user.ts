import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type Actor, type Role } from '@forge/domain';

/** Who is calling: read from the users table on every request (current roles, never the token's copy). */
export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  organizationId: string | null;
  /** The account version the credential was checked against. */
  authVersion: number;
}

/** How the caller authenticated: a bearer token (API clients) or the console's session cookie. */
export type Authentication =
  | { via: 'bearer'; user: AuthenticatedUser }
  | { via: 'session'; user: AuthenticatedUser; session: { idHash: Buffer; csrfToken: string } };

export function toActor(user: AuthenticatedUser): Actor {
  return {
    id: user.id,
    roles: user.roles,
    organizationId: user.organizationId,
    displayName: user.displayName,
  };
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const request = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>();
    if (!request.user) throw new Error('CurrentUser used on a route without authentication');
    return request.user;
  },
);
