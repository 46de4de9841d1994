import { type EntityManager } from 'typeorm';
import { appendAuditEvent, type AuditActor } from '@forge/audit';
import { DomainError, ROLES, type Role } from '@forge/domain';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-hasher.js';
import { type UserRecord, usersRepository } from './users.repository.js';

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

/**
 * The rules for a new account, shared by the admin route, the bootstrap admin and the CLI:
 * a valid email, a password of 12 to 256 characters, at least one known role, and
 * - a sponsor belongs to an existing organisation and holds no staff role (a sponsor who could also act as
 *   officer, committee member or admin would review its own applications);
 * - staff users (officer, committee, auditor, admin) belong to no sponsor organisation.
 */
export function validateNewUserAccount(input: NewUserAccount): {
  email: string;
  roles: Role[];
  organizationId: string | null;
} {
  const email = input.email.trim();
  if (!EMAIL.test(email) || email.length > 254) throw invalid('email', 'email must be an email address');
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw invalid('password', `password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (input.password.length > MAX_PASSWORD_LENGTH) {
    throw invalid('password', `password must be at most ${MAX_PASSWORD_LENGTH} characters`);
  }
  const roles = [...new Set(input.roles)];
  if (roles.length === 0) throw invalid('roles', 'roles must hold at least one role');
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0)
    throw invalid('roles', `unknown role(s): ${unknown.join(', ')} (known: ${ROLES.join(', ')})`);
  const organizationId = input.organizationId ?? null;
  if (organizationId !== null && !UUID.test(organizationId)) {
    throw invalid('organizationId', 'organizationId must be a UUID');
  }
  if (roles.includes('sponsor')) {
    if (!organizationId) throw invalid('organizationId', 'a sponsor user needs organizationId');
    if (roles.length > 1) throw invalid('roles', 'a sponsor user holds no other role');
  } else if (organizationId) {
    throw invalid('organizationId', 'only sponsor users belong to an organisation');
  }
  return { email, roles: roles as Role[], organizationId };
}

/**
 * Creates a user and its `user.created` audit event in the caller's transaction. Duplicate email → 409
 * CONFLICT; unknown organisation → 400.
 */
export async function createUserAccount(
  manager: EntityManager,
  input: NewUserAccount,
  actor: AuditActor,
  context: Record<string, string> = {},
): Promise<UserRecord> {
  const valid = validateNewUserAccount(input);
  if (valid.organizationId && !(await usersRepository.organizationExists(manager, valid.organizationId))) {
    throw invalid('organizationId', 'organizationId names no organisation');
  }
  const user = await usersRepository.insert(manager, {
    email: valid.email,
    passwordHash: await hashPassword(input.password),
    displayName: input.displayName?.trim() || valid.email,
    roles: valid.roles,
    organizationId: valid.organizationId,
  });
  if (!user) throw new DomainError('CONFLICT', 'A user with this email already exists');
  await appendAuditEvent(manager, {
    actor,
    action: 'user.created',
    subject: { type: 'user', id: user.id },
    after: {
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      organizationId: user.organizationId,
    },
    context,
  });
  return user;
}
