import { type EntityManager } from 'typeorm';
import { appendAuditEvent, type AuditActor } from '@forge/audit';
import {
  accountRoleProblems,
  type ApprovableRole,
  DomainError,
  type Role,
  rolesNeedingApproval,
} from '@forge/domain';
import {
  hashPassword,
  passwordResetsRepository,
  roleRequestsRepository,
  type UserRecord,
} from '@forge/persistence';
import { proposeRoleGrant } from '../approvals/maker-checker.js';
import { changeAccount, lockUser, refuseSelf, type RoleChangeOutcome, sameRoles } from './account-changes.js';
import { randomToken, tokenHash } from './secret-tokens.js';
import { assertAcceptablePassword, assertOrganizationFitsRoles } from './user-accounts.js';

/**
 * Account administration (issue 19): disable and enable, role changes with four-eyes grants (asked for here, decided
 * by the one maker-checker service, `MakerChecker.decideRoleGrant`), password reset. Each
 * function runs in the caller's transaction and writes exactly one audit event. Every change bumps the account
 * version (users.update), so tokens and sessions issued before it are refused at their next request; sessions are
 * also marked ended.
 */

export async function setUserDisabled(
  manager: EntityManager,
  command: { userId: string; disabled: boolean; reason: string },
  actor: AuditActor,
  context: Record<string, string> = {},
): Promise<UserRecord> {
  refuseSelf(actor, command.userId, command.disabled ? 'disable' : 'enable');
  const user = await lockUser(manager, command.userId);
  if (user.disabled === command.disabled) {
    throw new DomainError('CONFLICT', `The account is already ${command.disabled ? 'disabled' : 'enabled'}`);
  }
  return changeAccount(
    manager,
    user,
    { disabled: command.disabled },
    {
      actor,
      action: command.disabled ? 'user.disabled' : 'user.enabled',
      reason: command.reason,
      before: { disabled: user.disabled },
      after: { disabled: command.disabled },
      context,
    },
  );
}

/**
 * Sets a user's roles. Granting a role of `roleGrantApproval` (ROLE_GRANT_APPROVAL: `admin` by default, officer and
 * committee too when the installation says so) creates a pending request a second admin decides
 * (`user.role_change_requested`); any other change (removing roles, granting the other roles) applies at once
 * (`user.roles_changed`).
 */
export async function changeUserRoles(
  manager: EntityManager,
  command: {
    userId: string;
    roles: readonly string[];
    reason: string;
    roleGrantApproval: readonly ApprovableRole[];
  },
  actor: AuditActor,
  context: Record<string, string> = {},
): Promise<RoleChangeOutcome> {
  refuseSelf(actor, command.userId, 'change the roles of');
  const user = await lockUser(manager, command.userId);
  const roles = [...new Set(command.roles)] as Role[];
  const problems = accountRoleProblems(roles, user.organizationId);
  if (problems.length > 0) throw new DomainError('VALIDATION.FAILED', 'These roles are not valid', problems);
  await assertOrganizationFitsRoles(manager, roles, user.organizationId);
  if (await roleRequestsRepository.findPendingForUser(manager, user.id)) {
    throw new DomainError(
      'AUTH.ROLE_REQUEST_PENDING',
      'A role change for this user awaits a decision: approve or reject it first',
    );
  }
  if (sameRoles(roles, user.roles))
    throw new DomainError('CONFLICT', 'The user already holds exactly these roles');
  if (rolesNeedingApproval(user.roles, roles, command.roleGrantApproval).length > 0) {
    const roleRequest = await proposeRoleGrant(
      manager,
      user,
      { rolesAfter: roles, reason: command.reason },
      actor,
    );
    await appendAuditEvent(manager, {
      actor,
      action: 'user.role_change_requested',
      subject: { type: 'user', id: user.id },
      reason: command.reason,
      before: { roles: user.roles },
      after: { roles },
      context: { ...context, roleRequestId: roleRequest.id },
    });
    return { user, roleRequest };
  }
  const updated = await changeAccount(
    manager,
    user,
    { roles },
    {
      actor,
      action: 'user.roles_changed',
      reason: command.reason,
      before: { roles: user.roles },
      after: { roles },
      context,
    },
  );
  return { user: updated, roleRequest: null };
}

/**
 * Issues a one-time password-reset token for a user (`user.password_reset_issued`): returned once in clear, stored
 * as its SHA-256, valid `ttlSeconds`, voiding the user's earlier tokens. The CLI prints it today; the notifications
 * work will send it by email (see docs/identity.md, "Password reset").
 */
export async function issuePasswordReset(
  manager: EntityManager,
  command: { userId: string; ttlSeconds: number; requestedBy: string },
  actor: AuditActor,
  context: Record<string, string> = {},
): Promise<{ token: string; expiresAt: string }> {
  const user = await lockUser(manager, command.userId);
  const token = randomToken();
  const { expiresAt } = await passwordResetsRepository.insert(manager, {
    tokenHash: tokenHash(token),
    userId: user.id,
    requestedBy: command.requestedBy,
    ttlSeconds: command.ttlSeconds,
  });
  await appendAuditEvent(manager, {
    actor,
    action: 'user.password_reset_issued',
    subject: { type: 'user', id: user.id },
    after: { expiresAt },
    context: { ...context, requestedBy: command.requestedBy },
  });
  return { token, expiresAt };
}

/**
 * Sets a new password with a reset token (used once, atomically). An unknown, used or expired token, or a disabled
 * account, answers the same 400 AUTH.INVALID_RESET_TOKEN; the new password must pass the policy (a refused password
 * rolls the transaction back, so the token stays usable). Every session and token of the account ends (version bump); `user.password_reset`.
 */
export async function resetPassword(
  manager: EntityManager,
  command: { tokenHash: Buffer; password: string },
  context: Record<string, string> = {},
): Promise<UserRecord> {
  const invalidToken = new DomainError(
    'AUTH.INVALID_RESET_TOKEN',
    'This password-reset link is unknown, used or expired: ask for a new one',
  );
  const userId = await passwordResetsRepository.consume(manager, command.tokenHash);
  if (!userId) throw invalidToken;
  const user = await lockUser(manager, userId);
  if (user.disabled) throw invalidToken;
  assertAcceptablePassword(command.password, { email: user.email });
  return changeAccount(
    manager,
    user,
    { passwordHash: await hashPassword(command.password) },
    { actor: { id: user.id, role: 'account_holder' }, action: 'user.password_reset', context },
  );
}
