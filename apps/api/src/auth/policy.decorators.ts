import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { STAFF_ROLES, type Role } from '@forge/domain';

export const POLICY_KEY = 'forge:policy';

/**
 * Every route declares its policy; a route without one is refused (fail closed), and the security tests
 * read this metadata to build the role × route matrix.
 * - `public`: no credentials needed.
 * - `session`: the console's session cookie, any role (the session routes themselves: a bearer token has no
 *   session to describe).
 * - `roles`: a bearer token or a session cookie with at least one of these roles. `write: true` marks
 *   state-changing routes (auditors are read-only everywhere). `sponsorScoped: true` means a sponsor only
 *   reaches resources of its own organisation (others answer 404), enforced in the service's SQL.
 *
 * Cookie-authenticated requests other than GET, HEAD and OPTIONS must carry `x-csrf-token` (403 AUTH.CSRF).
 */
export type RoutePolicy =
  | { kind: 'public' }
  | { kind: 'session' }
  | { kind: 'roles'; roles: readonly Role[]; write: boolean; sponsorScoped: boolean };

/** The OpenAPI extension naming an operation's policy kind (openapi.ts documents security and 401/403 from it). */
export const POLICY_EXTENSION = 'x-forge-policy';

export const Public = () =>
  applyDecorators(
    SetMetadata(POLICY_KEY, { kind: 'public' } satisfies RoutePolicy),
    ApiExtension(POLICY_EXTENSION, 'public'),
  );

export const SessionOnly = () =>
  applyDecorators(
    SetMetadata(POLICY_KEY, { kind: 'session' } satisfies RoutePolicy),
    ApiExtension(POLICY_EXTENSION, 'session'),
  );

export function Allow(roles: readonly Role[], options: { write?: boolean; sponsorScoped?: boolean } = {}) {
  return applyDecorators(
    SetMetadata(POLICY_KEY, {
      kind: 'roles',
      roles,
      write: options.write ?? false,
      sponsorScoped: options.sponsorScoped ?? roles.includes('sponsor'),
    } satisfies RoutePolicy),
    ApiExtension(POLICY_EXTENSION, 'roles'),
  );
}

/** Readers of applications: every role; sponsors scoped to their organisation. */
export const READER_ROLES: readonly Role[] = ['sponsor', 'officer', 'committee', 'auditor', 'admin'];

/**
 * Readers of an application itself (its view and the list): every reader and the partner, who reads the
 * applications its organisation co-finances from committee on (portfolio.md; `READ_ACCESS.partner`, 404
 * elsewhere) and is served the sponsor view, never the fund's deliberation.
 */
export const APPLICATION_READER_ROLES: readonly Role[] = [...READER_ROLES, 'partner'];

/**
 * Readers of the fund's deliberation about an application (risk assessments, the audit trail, proofs): every
 * role but `sponsor` (pipeline.md "What a sponsor sees": a sponsor is answered 403 by the guard).
 */
export const STAFF_READER_ROLES: readonly Role[] = STAFF_ROLES;
