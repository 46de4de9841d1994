import { type EntityManager } from 'typeorm';
import { appendAuditEvent, type AuditActor } from '@forge/audit';
import { accountRoleProblems, DomainError, privilegedRolesAdded, type Role } from '@forge/domain';
import {
  hashPassword,
  passwordResetsRepository,
  type RoleRequestRecord,
  roleRequestsRepository,
  sessionsRepository,
  type UserRecord,
  usersRepository,
} from '@forge/persistence';
import { randomToken, tokenHash } from './secret-tokens.js';
import { assertAcceptablePassword } from './user-accounts.js';

/**
 * Account administration (issue 19): disable and enable, role changes with four-eyes grants, password reset. Each
 * function runs in the caller's transaction and writes exactly one audit event. Every change bumps the account
 * version (users.update), so tokens and sessions issued before it are refused at their next request; sessions are
 * also marked ended.
 */

async function lockUser(manager: EntityManager, userId: string): Promise<UserRecord> {
  const user = await usersRepository.lockById(manager, userId);
  if (!user) throw new DomainError('USER.NOT_FOUND', 'User not found');
  return user;
}

function refuseSelf(actor: AuditActor, userId: string, what: string): void {
  if (actor.id === userId) {
    throw new DomainError('AUTH.SELF_ADMINISTRATION', `An admin cannot ${what} their own account`);
  }
}

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
  const updated = await usersRepository.update(manager, user.id, { disabled: command.disabled });
  if (command.disabled) await sessionsRepository.revokeAllForUser(manager, user.id);
  await appendAuditEvent(manager, {
    actor,
    action: command.disabled ? 'user.disabled' : 'user.enabled',
    subject: { type: 'user', id: user.id },
    reason: command.reason,
    before: { disabled: user.disabled },
    after: { disabled: updated.disabled },
    context,
  });
  return updated;
}

export interface RoleChangeOutcome {
  user: UserRecord;
  /** Set when the change grants officer, committee or admin: it waits for a second admin. */
  roleRequest: RoleRequestRecord | null;
}

/**
 * Sets a user's roles. Removing roles, or granting only auditor, applies at once (`user.roles_changed`); granting
 * officer, committee or admin creates a pending request a second admin decides (`user.role_change_requested`).
 */
export async function changeUserRoles(
  manager: EntityManager,
  command: { userId: string; roles: readonly string[]; reason: string },
  actor: AuditActor,
  context: Record<string, string> = {},
): Promise<RoleChangeOutcome> {
  refuseSelf(actor, command.userId, 'change the roles of');
  const user = await lockUser(manager, command.userId);
  const roles = [...new Set(command.roles)] as Role[];
  const problems = accountRoleProblems(roles, user.organizationId);
  if (problems.length > 0) throw new DomainError('VALIDATION.FAILED', 'These roles are not valid', problems);
  if (await roleRequestsRepository.findPendingForUser(manager, user.id)) {
    throw new DomainError(
      'AUTH.ROLE_REQUEST_PENDING',
      'A role change for this user awaits a decision: approve or reject it first',
    );
  }
  if (sameRoles(roles, user.roles))
    throw new DomainError('CONFLICT', 'The user already holds exactly these roles');
  if (privilegedRolesAdded(user.roles, roles).length > 0) {
    const roleRequest = await roleRequestsRepository.insertPending(manager, {
      userId: user.id,
      rolesBefore: user.roles,
      rolesAfter: roles,
      reason: command.reason,
      requestedBy: actor.id,
    });
    if (!roleRequest)
      throw new DomainError('AUTH.ROLE_REQUEST_PENDING', 'A role change for this user awaits a decision');
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
  const updated = await usersRepository.update(manager, user.id, { roles });
  await sessionsRepository.revokeAllForUser(manager, user.id);
  await appendAuditEvent(manager, {
    actor,
    action: 'user.roles_changed',
    subject: { type: 'user', id: user.id },
    reason: command.reason,
    before: { roles: user.roles },
    after: { roles: updated.roles },
    context,
  });
  return { user: updated, roleRequest: null };
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

/**
 * A second admin approves or rejects a role request. The checker is neither the maker (403
 * APPROVAL.SELF_APPROVAL) nor the user concerned (403 AUTH.SELF_ADMINISTRATION); a request whose user's roles changed
 * since is stale (409 AUTH.ROLE_REQUEST_STALE). Approval applies the roles (`user.roles_changed`, naming the request
 * and both admins); rejection keeps them (`user.role_change_rejected`). The maker may withdraw (reject) their own.
 */
export async function decideRoleRequest(
  manager: EntityManager,
  command: { requestId: string; decision: 'approve' | 'reject'; note: string | null },
  actor: AuditActor,
  context: Record<string, string> = {},
): Promise<RoleChangeOutcome> {
  const request = await roleRequestsRepository.findById(manager, command.requestId, { lock: true });
  if (!request) throw new DomainError('ROLE_REQUEST.NOT_FOUND', 'Role request not found');
  if (request.status !== 'pending') {
    throw new DomainError('APPROVAL.ALREADY_DECIDED', `This role request was already ${request.status}`);
  }
  if (actor.id === request.userId) {
    throw new DomainError(
      'AUTH.SELF_ADMINISTRATION',
      'An admin cannot decide a role request about themselves',
    );
  }
  if (command.decision === 'approve' && actor.id === request.requestedBy) {
    throw new DomainError('APPROVAL.SELF_APPROVAL', 'The admin who asked for a role grant cannot approve it');
  }
  const user = await lockUser(manager, request.userId);
  if (command.decision === 'reject') {
    await roleRequestsRepository.decide(manager, request.id, {
      status: 'rejected',
      decidedBy: actor.id,
      note: command.note,
    });
    await appendAuditEvent(manager, {
      actor,
      action: 'user.role_change_rejected',
      subject: { type: 'user', id: user.id },
      reason: command.note,
      before: { roles: user.roles },
      after: { roles: user.roles, rejectedRoles: request.rolesAfter },
      context: { ...context, roleRequestId: request.id, requestedBy: request.requestedBy ?? 'system' },
    });
    return { user, roleRequest: await roleRequestsRepository.findById(manager, request.id) };
  }
  if (!sameRoles(user.roles, request.rolesBefore)) {
    throw new DomainError(
      'AUTH.ROLE_REQUEST_STALE',
      "The user's roles changed since this request was made: reject it and ask again",
    );
  }
  const problems = accountRoleProblems(request.rolesAfter, user.organizationId);
  if (problems.length > 0) throw new DomainError('VALIDATION.FAILED', 'These roles are not valid', problems);
  await roleRequestsRepository.decide(manager, request.id, {
    status: 'approved',
    decidedBy: actor.id,
    note: command.note,
  });
  const updated = await usersRepository.update(manager, user.id, { roles: request.rolesAfter });
  await sessionsRepository.revokeAllForUser(manager, user.id);
  await appendAuditEvent(manager, {
    actor,
    action: 'user.roles_changed',
    subject: { type: 'user', id: user.id },
    reason: request.reason,
    before: { roles: user.roles },
    after: { roles: updated.roles },
    context: {
      ...context,
      roleRequestId: request.id,
      requestedBy: request.requestedBy ?? 'system',
      approvedBy: actor.id,
      ...(command.note ? { note: command.note } : {}),
    },
  });
  return { user: updated, roleRequest: await roleRequestsRepository.findById(manager, request.id) };
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
  const updated = await usersRepository.update(manager, user.id, {
    passwordHash: await hashPassword(command.password),
  });
  await sessionsRepository.revokeAllForUser(manager, user.id);
  await appendAuditEvent(manager, {
    actor: { id: user.id, role: 'account_holder' },
    action: 'user.password_reset',
    subject: { type: 'user', id: user.id },
    context,
  });
  return updated;
}
