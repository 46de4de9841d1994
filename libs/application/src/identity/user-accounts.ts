import { type EntityManager } from 'typeorm';
import { appendAuditEvent, type AuditActor } from '@forge/audit';
import {
  accountRoleProblems,
  DomainError,
  passwordProblem,
  privilegedRolesAdded,
  type Role,
} from '@forge/domain';
import {
  hashPassword,
  type RoleRequestRecord,
  roleRequestsRepository,
  type UserRecord,
  usersRepository,
} from '@forge/persistence';

export interface NewUserAccount {
  email: string;
  password: string;
  displayName?: string;
  roles: readonly string[];
  organizationId?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(field: string, message: string): DomainError {
  return new DomainError('VALIDATION.FAILED', 'The user is not valid', [{ field, message }]);
}

/** A password the policy refuses (NIST SP 800-63B): 400 AUTH.PASSWORD_REJECTED naming the reason. */
export function assertAcceptablePassword(password: string, context: { email?: string } = {}): void {
  const problem = passwordProblem(password, context);
  if (problem) {
    throw new DomainError('AUTH.PASSWORD_REJECTED', `The password is not acceptable: ${problem}`, [
      { field: 'password', message: problem },
    ]);
  }
}

/**
 * The rules for a new account, shared by the admin route, the bootstrap admin and the CLI: a valid email, a
 * password the policy accepts (libs/domain password-policy), and roles that make sense together
 * (libs/domain account-rules: a sponsor belongs to an organisation and holds no other role, staff belong to none,
 * admin is never combined with officer or committee).
 */
export function validateNewUserAccount(input: NewUserAccount): {
  email: string;
  roles: Role[];
  organizationId: string | null;
} {
  const email = input.email.trim();
  if (!EMAIL.test(email) || email.length > 254) throw invalid('email', 'email must be an email address');
  assertAcceptablePassword(input.password, { email });
  const roles = [...new Set(input.roles)];
  const organizationId = input.organizationId ?? null;
  if (organizationId !== null && !UUID.test(organizationId)) {
    throw invalid('organizationId', 'organizationId must be a UUID');
  }
  const problems = accountRoleProblems(roles, organizationId);
  if (problems.length > 0) throw new DomainError('VALIDATION.FAILED', 'The user is not valid', problems);
  return { email, roles: roles as Role[], organizationId };
}

export interface CreatedUserAccount {
  user: UserRecord;
  /** Set when the roles asked for need a second admin's approval (the account holds no role until then). */
  roleRequest: RoleRequestRecord | null;
}

/**
 * Creates a user and its one `user.created` audit event in the caller's transaction. Duplicate email → 409
 * CONFLICT; unknown organisation → 400.
 *
 * With `fourEyes` (the admin route), asking for officer, committee or admin creates the account with no role and a
 * pending role request another admin approves; the event records the roles asked for and the request. The
 * bootstrap admin and the CLI (an operator with database access, actor `system`) create accounts as asked.
 */
export async function createUserAccount(
  manager: EntityManager,
  input: NewUserAccount,
  actor: AuditActor,
  context: Record<string, string> = {},
  options: { fourEyes?: boolean } = {},
): Promise<CreatedUserAccount> {
  const valid = validateNewUserAccount(input);
  if (valid.organizationId && !(await usersRepository.organizationExists(manager, valid.organizationId))) {
    throw invalid('organizationId', 'organizationId names no organisation');
  }
  const needsApproval = options.fourEyes === true && privilegedRolesAdded([], valid.roles).length > 0;
  const user = await usersRepository.insert(manager, {
    email: valid.email,
    passwordHash: await hashPassword(input.password),
    displayName: input.displayName?.trim() || valid.email,
    roles: needsApproval ? [] : valid.roles,
    organizationId: valid.organizationId,
  });
  if (!user) throw new DomainError('CONFLICT', 'A user with this email already exists');
  const roleRequest = needsApproval
    ? await roleRequestsRepository.insertPending(manager, {
        userId: user.id,
        rolesBefore: [],
        rolesAfter: valid.roles,
        reason: 'new account',
        requestedBy: actor.id,
      })
    : null;
  await appendAuditEvent(manager, {
    actor,
    action: 'user.created',
    subject: { type: 'user', id: user.id },
    after: {
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      organizationId: user.organizationId,
      ...(roleRequest ? { requestedRoles: roleRequest.rolesAfter, roleRequestId: roleRequest.id } : {}),
    },
    context,
  });
  return { user, roleRequest };
}
