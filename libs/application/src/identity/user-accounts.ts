import { type EntityManager } from 'typeorm';
import { appendAuditEvent, type AuditActor } from '@forge/audit';
import {
  accountRoleProblems,
  DomainError,
  EMAIL_LOCALES,
  type ApprovableRole,
  passwordProblem,
  roleOrganizationKindProblems,
  rolesNeedingApproval,
  type Role,
} from '@forge/domain';
import { hashPassword, type RoleRequestRecord, type UserRecord, usersRepository } from '@forge/persistence';
import { proposeRoleGrant } from '../approvals/maker-checker.js';

export interface NewUserAccount {
  email: string;
  password: string;
  displayName?: string;
  roles: readonly string[];
  organizationId?: string | null;
  /** The language of the user's emails: `en` (default), `es` or `pt-BR`. */
  locale?: string;
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
  locale: string;
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
  return { email, roles: roles as Role[], organizationId, locale: assertEmailLocale(input.locale ?? 'en') };
}

/**
 * The account's organisation exists and is of the kind its role needs (a partner: a cofinancier, portfolio.md);
 * else 400 VALIDATION.FAILED on `organizationId`. Account creation and role changes both ask.
 */
export async function assertOrganizationFitsRoles(
  manager: EntityManager,
  roles: readonly string[],
  organizationId: string | null,
): Promise<void> {
  if (organizationId === null) return;
  const kind = await usersRepository.organizationKind(manager, organizationId);
  if (kind === null) throw invalid('organizationId', 'organizationId names no organisation');
  const problems = roleOrganizationKindProblems(roles, kind);
  if (problems.length > 0) throw new DomainError('VALIDATION.FAILED', 'The user is not valid', problems);
}

export interface CreatedUserAccount {
  user: UserRecord;
  /** Set when a role asked for needs a second admin's approval (the account holds no role until then). */
  roleRequest: RoleRequestRecord | null;
}

/**
 * Creates a user and its one `user.created` audit event in the caller's transaction. Duplicate email → 409
 * CONFLICT; unknown organisation → 400.
 *
 * With `roleGrantApproval` (the admin route: ROLE_GRANT_APPROVAL, `admin` by default), asking for one of those roles
 * creates the account with no role and a pending role request another admin approves; the event records the roles
 * asked for and the request. Other roles are granted at once. The bootstrap admin and the CLI (an operator with
 * database access, actor `system`) create accounts as asked.
 */
export async function createUserAccount(
  manager: EntityManager,
  input: NewUserAccount,
  actor: AuditActor,
  context: Record<string, string> = {},
  options: { roleGrantApproval?: readonly ApprovableRole[] } = {},
): Promise<CreatedUserAccount> {
  const valid = validateNewUserAccount(input);
  await assertOrganizationFitsRoles(manager, valid.roles, valid.organizationId);
  const needsApproval =
    options.roleGrantApproval !== undefined &&
    rolesNeedingApproval([], valid.roles, options.roleGrantApproval).length > 0;
  const user = await usersRepository.insert(manager, {
    email: valid.email,
    passwordHash: await hashPassword(input.password),
    displayName: input.displayName?.trim() || valid.email,
    roles: needsApproval ? [] : valid.roles,
    organizationId: valid.organizationId,
    locale: valid.locale,
  });
  if (!user) throw new DomainError('CONFLICT', 'A user with this email already exists');
  const roleRequest = needsApproval
    ? await proposeRoleGrant(manager, user, { rolesAfter: valid.roles, reason: 'new account' }, actor)
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
      locale: user.locale,
      ...(roleRequest ? { requestedRoles: roleRequest.rolesAfter, roleRequestId: roleRequest.id } : {}),
    },
    context,
  });
  return { user, roleRequest };
}

/** One of the email languages (`en`, `es`, `pt-BR`), else 400 VALIDATION.FAILED on `locale`. */
export function assertEmailLocale(locale: string): string {
  if (!(EMAIL_LOCALES as readonly string[]).includes(locale)) {
    throw invalid('locale', `locale must be one of ${EMAIL_LOCALES.join(', ')}`);
  }
  return locale;
}

/**
 * The language of a user's own emails (`PATCH /me`): set by the user, one `user.locale_changed` event (nothing
 * when it is already that language).
 */
export async function setUserLocale(
  manager: EntityManager,
  userId: string,
  locale: string,
  actor: AuditActor,
  context: Record<string, string> = {},
): Promise<UserRecord> {
  assertEmailLocale(locale);
  const before = await usersRepository.lockById(manager, userId);
  if (!before) throw new DomainError('USER.NOT_FOUND', 'No such user');
  if (before.locale === locale) return before;
  const user = (await usersRepository.setLocale(manager, userId, locale)) as UserRecord;
  await appendAuditEvent(manager, {
    actor,
    action: 'user.locale_changed',
    subject: { type: 'user', id: userId },
    before: { locale: before.locale },
    after: { locale },
    context,
  });
  return user;
}
