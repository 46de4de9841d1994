import { holdsStaffRole } from './account-rules.js';

/**
 * Who needs a second factor at a password sign-in (issue 19, docs/identity.md "Second factor"), as a pure rule with
 * the clock as input.
 *
 * - `AUTH_STAFF_MFA=required`: an account holding a staff role needs an enrolled authenticator app; `off`: nobody
 *   is made to enrol.
 * - An enrolled account (staff or not, whatever the setting) always needs its code.
 * - **Grace period** (`AUTH_STAFF_MFA_GRACE_HOURS`, as identity providers give): a staff account that has not
 *   enrolled may sign in with its password alone during the first N hours after the account was created, and is
 *   told by when to enrol; afterwards it must enrol first. 0 means no grace. The account's creation time is the
 *   start (the time a staff role was first granted is not stored; an account promoted to staff later has its grace
 *   behind it already, the strict side).
 */
export interface SecondFactorPolicy {
  staffTotp: 'required' | 'off';
  /** Hours after the account's creation during which an unenrolled staff account signs in without a factor. */
  graceHours: number;
}

export type SecondFactorRequirement =
  /** Nothing to prove beyond the password. */
  | { kind: 'none' }
  /** Enrolled: the code (or a recovery code) is needed. */
  | { kind: 'code' }
  /** Staff, not enrolled, within the grace period: the password suffices until `dueAt`, then enrolment. */
  | { kind: 'enrolment_due'; dueAt: Date }
  /** Staff, not enrolled, grace over (or none): enrol first. */
  | { kind: 'enrolment' };

const HOUR_MS = 3_600_000;

export function secondFactorRequirement(
  account: { roles: readonly string[]; createdAt: Date | string; enrolled: boolean },
  policy: SecondFactorPolicy,
  now: Date,
): SecondFactorRequirement {
  if (account.enrolled) return { kind: 'code' };
  if (policy.staffTotp !== 'required' || !holdsStaffRole(account.roles)) return { kind: 'none' };
  const dueAt = new Date(new Date(account.createdAt).getTime() + policy.graceHours * HOUR_MS);
  return now.getTime() < dueAt.getTime() ? { kind: 'enrolment_due', dueAt } : { kind: 'enrolment' };
}
