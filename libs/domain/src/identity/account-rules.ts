import { type DomainErrorDetail } from '../errors/domain-error.js';
import { ROLES, type Role } from '../pipeline/roles.js';

/** The fund's own people. Every other role (a sponsor, a co-financing partner) belongs to one organisation. */
export const STAFF_ROLES = ['officer', 'committee', 'auditor', 'admin'] as const satisfies readonly Role[];

/**
 * The roles whose grant may be made to wait for a second admin's approval (four-eyes): with them one person could
 * mint the accounts that satisfy maker-checker and the committee quorum alone. Which of them do wait is the
 * installation's choice (ROLE_GRANT_APPROVAL); `admin` always does (issue 19: "granting `admin` needs a second
 * admin's approval").
 */
export const APPROVABLE_ROLES = ['officer', 'committee', 'admin'] as const satisfies readonly Role[];
export type ApprovableRole = (typeof APPROVABLE_ROLES)[number];

/** Issue 19's rule, the default of ROLE_GRANT_APPROVAL: only granting `admin` waits for a second admin. */
export const DEFAULT_ROLE_GRANT_APPROVAL: readonly ApprovableRole[] = ['admin'];

/**
 * What is wrong with a ROLE_GRANT_APPROVAL set (empty when it is fine): only officer, committee and admin, and
 * admin among them.
 */
export function roleGrantApprovalProblems(roles: readonly string[]): string[] {
  const problems: string[] = [];
  const unknown = roles.filter((role) => !(APPROVABLE_ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) {
    problems.push(`unknown role(s) ${unknown.join(', ')} (allowed: ${APPROVABLE_ROLES.join(', ')})`);
  }
  if (!roles.includes('admin')) problems.push('it must include admin');
  return problems;
}

/**
 * Segregation of duties: pairs one person may not hold together. An admin who is also an officer or a committee
 * member could create the second officer or the quorum that approves their own proposal.
 */
export const INCOMPATIBLE_ROLES: ReadonlyArray<readonly [Role, Role]> = [
  ['admin', 'officer'],
  ['admin', 'committee'],
];

export function isStaffRole(role: string): boolean {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** Staff signing in with a password need a second factor (when AUTH_STAFF_MFA=required). */
export function holdsStaffRole(roles: readonly string[]): boolean {
  return roles.some(isStaffRole);
}

/**
 * The roles `after` adds to `before` that a second admin must approve: those of `needApproval` (the installation's
 * ROLE_GRANT_APPROVAL); `admin` waits whatever the set says.
 */
export function rolesNeedingApproval(
  before: readonly string[],
  after: readonly string[],
  needApproval: readonly ApprovableRole[],
): ApprovableRole[] {
  return APPROVABLE_ROLES.filter(
    (role) =>
      (role === 'admin' || needApproval.includes(role)) && after.includes(role) && !before.includes(role),
  );
}

/**
 * What is wrong with this set of roles for an account (empty when it is fine): at least one known role; a role
 * that belongs to an organisation (sponsor, partner) is held alone and needs the organisation; staff belong to no
 * organisation; no incompatible pair.
 */
export function accountRoleProblems(
  roles: readonly string[],
  organizationId: string | null,
  knownRoles: readonly string[] = ROLES,
): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  if (roles.length === 0) return [{ field: 'roles', message: 'roles must hold at least one role' }];
  const unknown = roles.filter((role) => !knownRoles.includes(role));
  if (unknown.length > 0) {
    return [
      { field: 'roles', message: `unknown role(s): ${unknown.join(', ')} (known: ${knownRoles.join(', ')})` },
    ];
  }
  const organizational = roles.filter((role) => !isStaffRole(role));
  if (organizational.length > 0) {
    if (roles.length > 1) {
      problems.push({
        field: 'roles',
        message: `a ${organizational[0]} user holds no other role (it could review its own organisation's work)`,
      });
    }
    if (!organizationId) {
      problems.push({ field: 'organizationId', message: `a ${organizational[0]} user needs organizationId` });
    }
  } else if (organizationId) {
    problems.push({ field: 'organizationId', message: 'staff users belong to no organisation' });
  }
  for (const [a, b] of INCOMPATIBLE_ROLES) {
    if (roles.includes(a) && roles.includes(b)) {
      problems.push({
        field: 'roles',
        message: `segregation of duties: ${a} cannot be combined with ${b}`,
      });
    }
  }
  return problems;
}
