import { type EntityManager } from 'typeorm';
import { appendAuditEvent, type AuditActor, type AuditAppend } from '@forge/audit';
import { DomainError } from '@forge/domain';
import {
  type RoleRequestRecord,
  sessionsRepository,
  type UserRecord,
  usersRepository,
} from '@forge/persistence';

/**
 * What every change to an account shares (admin routes, role grants, second factor, password reset, OIDC sign-in):
 * the locked user, the self-administration rule, and how a change ends.
 */

export interface RoleChangeOutcome {
  user: UserRecord;
  /** Set when the change grants officer, committee or admin: it waits for a second admin. */
  roleRequest: RoleRequestRecord | null;
}

/** The user, locked for the caller's transaction (404 USER.NOT_FOUND). */
export async function lockUser(manager: EntityManager, userId: string): Promise<UserRecord> {
  const user = await usersRepository.lockById(manager, userId);
  if (!user) throw new DomainError('USER.NOT_FOUND', 'User not found');
  return user;
}

/** An admin never administers their own account (403 AUTH.SELF_ADMINISTRATION): `what` names the change. */
export function refuseSelf(actor: Pick<AuditActor, 'id'>, userId: string, what: string): void {
  if (actor.id === userId) {
    throw new DomainError('AUTH.SELF_ADMINISTRATION', `An admin cannot ${what} their own account`);
  }
}

/** The same set of roles, whatever the order. */
export function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/**
 * Applies a change to an account (none: only the version bump) and ends every session and token of it: users.update
 * bumps the account version, so tokens issued before are refused at their next request, and the sessions are marked
 * ended. Then the change's one audit event about the user. Returns the user as it now stands.
 */
export async function changeAccount(
  manager: EntityManager,
  user: Pick<UserRecord, 'id'>,
  change: Parameters<typeof usersRepository.update>[2],
  event: Omit<AuditAppend, 'subject'> | null,
): Promise<UserRecord> {
  const updated = await usersRepository.update(manager, user.id, change);
  await sessionsRepository.revokeAllForUser(manager, user.id);
  if (event) await appendAuditEvent(manager, { ...event, subject: { type: 'user', id: user.id } });
  return updated;
}
