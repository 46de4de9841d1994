import { applyDecorators, SetMetadata } from '@nestjs/common';
import { type Role } from '@forge/domain';

export const POLICY_KEY = 'forge:policy';

/**
 * Every route declares its policy; a route without one is refused (fail closed), and the security tests
 * read this metadata to build the role × route matrix.
 * - `public`: no token needed.
 * - `roles`: a bearer token with at least one of these roles. `write: true` marks state-changing routes
 *   (auditors are read-only everywhere). `sponsorScoped: true` means a sponsor only reaches resources of
 *   its own organisation (others answer 404), enforced in the service's SQL.
 */
export type RoutePolicy =
  { kind: 'public' } | { kind: 'roles'; roles: readonly Role[]; write: boolean; sponsorScoped: boolean };

export const Public = () => SetMetadata(POLICY_KEY, { kind: 'public' } satisfies RoutePolicy);

export function Allow(roles: readonly Role[], options: { write?: boolean; sponsorScoped?: boolean } = {}) {
  return applyDecorators(
    SetMetadata(POLICY_KEY, {
      kind: 'roles',
      roles,
      write: options.write ?? false,
      sponsorScoped: options.sponsorScoped ?? roles.includes('sponsor'),
    } satisfies RoutePolicy),
  );
}

/** Readers of applications: every role; sponsors scoped to their organisation. */
export const READER_ROLES: readonly Role[] = ['sponsor', 'officer', 'committee', 'auditor', 'admin'];
