import { randomBytes } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { appendAuditEvent, SYSTEM_AUDIT_ACTOR } from '@forge/audit';
import { accountRoleProblems, DomainError, isStaffRole, ROLES, type Role } from '@forge/domain';
import {
  externalIdentitiesRepository,
  hashPassword,
  type UserRecord,
  usersRepository,
} from '@forge/persistence';
import { changeAccount, sameRoles } from './account-changes.js';

/**
 * Staff sign-in with an OpenID Connect provider (docs/identity.md, "Single sign-on"): which account an identity
 * is, and which roles it holds. The provider is authoritative for both: its groups, mapped by OIDC_ROLE_MAPPING,
 * are the account's roles at every sign-in.
 */

/** What the provider said about the person, after openid-client verified the ID token. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
  groups: readonly string[];
}

/** The FORGE roles the groups map to (OIDC_ROLE_MAPPING), in the order of ROLES; unmapped groups give nothing. */
export function rolesForGroups(
  groups: readonly string[],
  mapping: ReadonlyArray<{ group: string; role: string }>,
): Role[] {
  const granted = new Set(mapping.filter((entry) => groups.includes(entry.group)).map((entry) => entry.role));
  return ROLES.filter((role) => granted.has(role) && isStaffRole(role));
}

export type OidcSignInOutcome =
  | { outcome: 'signed_in'; user: UserRecord }
  /** Refused; the refusal (and a demotion, if any) is committed before the caller throws `error`. */
  | { outcome: 'refused'; error: DomainError };

/**
 * Resolves the identity to an account, in the caller's transaction, with one audit event at most:
 *
 * 1. the account linked to (issuer, subject), if any;
 * 2. else an account with the same email, when the provider says the email is verified (`email_verified: true`):
 *    it is linked (`user.identity_linked`). A sponsor account is never linked (staff only); an unverified email
 *    that matches an account is refused (someone else's address could otherwise take it over);
 * 3. else a new staff account with the mapped roles and an unusable password (`user.created`, actor system).
 *
 * Roles follow the groups at every sign-in (`user.roles_changed`, actor system, when they differ; the user's other
 * sessions end). No mapped group: refused with 403 AUTH.OIDC_NO_ROLE, and a linked account loses its roles; roles
 * breaking segregation of duties (admin with officer or committee): refused, 403 AUTH.OIDC_ROLES_CONFLICT. A
 * refusal without a change is audited as `auth.failed_login` (reason `oidc_…`); a disabled account is refused
 * like a wrong password.
 */
export async function signInWithOidc(
  manager: EntityManager,
  identity: OidcIdentity,
  roles: Role[],
  context: Record<string, string> = {},
): Promise<OidcSignInOutcome> {
  const source = { ...context, source: 'oidc', issuer: identity.issuer };
  const refuse = async (
    reason: string,
    code: string,
    message: string,
    userId?: string,
  ): Promise<OidcSignInOutcome> => {
    await appendAuditEvent(manager, {
      actor: { id: 'anonymous', role: 'anonymous' },
      action: 'auth.failed_login',
      subject: { type: 'user', id: userId ?? identity.email?.toLowerCase() ?? identity.subject },
      context: { ...source, subject: identity.subject, reason, groups: identity.groups.join(',') },
    });
    return { outcome: 'refused', error: new DomainError(code, message) };
  };

  const linkedId = await externalIdentitiesRepository.touch(manager, identity.issuer, identity.subject);
  let user = linkedId ? await usersRepository.lockById(manager, linkedId) : null;

  if (roles.length === 0) {
    if (user && user.roles.length > 0) {
      await changeAccount(
        manager,
        user,
        { roles: [] },
        {
          actor: SYSTEM_AUDIT_ACTOR,
          action: 'user.roles_changed',
          reason: 'no mapped group at the identity provider',
          before: { roles: user.roles },
          after: { roles: [] },
          context: { ...source, groups: identity.groups.join(',') },
        },
      );
      return {
        outcome: 'refused',
        error: new DomainError('AUTH.OIDC_NO_ROLE', 'None of your groups gives access to FORGE'),
      };
    }
    return refuse('oidc_no_role', 'AUTH.OIDC_NO_ROLE', 'None of your groups gives access to FORGE', user?.id);
  }
  if (accountRoleProblems(roles, null).length > 0) {
    return refuse(
      'oidc_role_conflict',
      'AUTH.OIDC_ROLES_CONFLICT',
      'Your groups combine admin with officer or committee, which FORGE never allows (segregation of duties)',
      user?.id,
    );
  }

  if (!user) {
    const email = identity.email?.trim();
    if (!email) return refuse('oidc_no_email', 'AUTH.OIDC_FAILED', 'The identity provider sent no email');
    const existing = await usersRepository.findByEmail(manager, email);
    if (existing) {
      if (identity.emailVerified !== true) {
        return refuse(
          'oidc_email_unverified',
          'AUTH.OIDC_FAILED',
          'An account with this email exists, but the identity provider did not verify the email',
          existing.id,
        );
      }
      if (existing.organizationId !== null || existing.roles.includes('sponsor')) {
        return refuse(
          'oidc_sponsor_account',
          'AUTH.OIDC_FAILED',
          'Sponsor accounts sign in with a password',
          existing.id,
        );
      }
      if (await externalIdentitiesRepository.isLinked(manager, existing.id, identity.issuer)) {
        return refuse(
          'oidc_other_subject',
          'AUTH.OIDC_FAILED',
          'This account is linked to another identity at this provider',
          existing.id,
        );
      }
      user = (await usersRepository.lockById(manager, existing.id))!;
      if (user.disabled) return disabled(user.id);
      await externalIdentitiesRepository.link(manager, identity.issuer, identity.subject, user.id);
      const before = user.roles;
      if (!sameRoles(before, roles)) user = await changeAccount(manager, user, { roles }, null);
      await appendAuditEvent(manager, {
        actor: SYSTEM_AUDIT_ACTOR,
        action: 'user.identity_linked',
        subject: { type: 'user', id: user.id },
        before: { roles: before },
        after: { roles: user.roles },
        context: { ...source, subject: identity.subject },
      });
      return { outcome: 'signed_in', user };
    }
    const created = await usersRepository.insert(manager, {
      email,
      // Never used: OIDC accounts have no password (a reset by an admin could give them one).
      passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
      displayName: identity.name?.trim() || email,
      roles,
      organizationId: null,
    });
    if (!created)
      throw new DomainError('CONFLICT', 'A user with this email was created meanwhile: sign in again');
    await externalIdentitiesRepository.link(manager, identity.issuer, identity.subject, created.id);
    await appendAuditEvent(manager, {
      actor: SYSTEM_AUDIT_ACTOR,
      action: 'user.created',
      subject: { type: 'user', id: created.id },
      after: {
        email: created.email,
        displayName: created.displayName,
        roles: created.roles,
        organizationId: null,
      },
      context: { ...source, subject: identity.subject },
    });
    return { outcome: 'signed_in', user: created };
  }

  if (user.disabled) return disabled(user.id);
  if (!sameRoles(user.roles, roles)) {
    const updated = await changeAccount(
      manager,
      user,
      { roles },
      {
        actor: SYSTEM_AUDIT_ACTOR,
        action: 'user.roles_changed',
        reason: 'groups at the identity provider changed',
        before: { roles: user.roles },
        after: { roles },
        context: { ...source, groups: identity.groups.join(',') },
      },
    );
    return { outcome: 'signed_in', user: updated };
  }
  return { outcome: 'signed_in', user };

  async function disabled(userId: string): Promise<OidcSignInOutcome> {
    return refuse('account_disabled', 'AUTH.INVALID_CREDENTIALS', 'This account is disabled', userId);
  }
}
