import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';
import { type EntityManager } from 'typeorm';
import { appendAuditEvent, type AuditActor } from '@forge/audit';
import { DomainError, secondFactorRequirement, type SecondFactorPolicy } from '@forge/domain';
import {
  hashPassword,
  secondFactorRepository,
  type UserRecord,
  UnitOfWork,
  verifyPassword,
} from '@forge/persistence';
import { changeAccount, lockUser, refuseSelf } from './account-changes.js';

/**
 * The second factor (issue 19, docs/identity.md "Second factor"): TOTP (RFC 6238, otplib: SHA-1, 6 digits, 30 s,
 * as every authenticator app expects) and ten single-use recovery codes stored as Argon2id hashes. Each command
 * runs in the caller's transaction and appends one audit event that never holds a secret or a code.
 */

export const TOTP_ISSUER = 'FORGE Pipeline';
export const RECOVERY_CODE_COUNT = 10;
/** A code of the previous or the next 30-second step is accepted too (clock drift, typing time). */
const TOLERANCE_SECONDS = 30;
const TOTP_SHAPE = /^\d{6}$/;
/** Crockford's base32 alphabet, lower case: no i, l, o, u (nothing to misread). */
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RECOVERY_SHAPE = /^[0-9a-z]{5}-?[0-9a-z]{5}$/;

/** How a password sign-in proved the second factor, as user_sessions.method records it. */
export type PasswordSignInMethod = 'password' | 'password+totp' | 'password+recovery_code';

function recoveryCode(): string {
  let code = '';
  for (let index = 0; index < 10; index += 1) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

function normalizeRecoveryCode(code: string): string {
  return code.trim().toLowerCase().replace('-', '');
}

async function verifyTotp(
  secret: string,
  code: string,
  afterTimeStep: number | null,
): Promise<number | null> {
  if (!TOTP_SHAPE.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/**
 * Starts (or restarts) the caller's TOTP enrolment: a new secret and its `otpauth://` URI (for a QR code).
 * An account with a confirmed enrolment gets 409 AUTH.TOTP_ALREADY_ENROLLED (an admin resets it first).
 * `user.totp_enrolment_started`.
 */
export async function startTotpEnrolment(
  manager: EntityManager,
  user: Pick<UserRecord, 'id' | 'email'>,
  context: Record<string, string> = {},
): Promise<{ secret: string; otpauthUri: string }> {
  const secret = generateSecret();
  const started = await secondFactorRepository.upsertPending(manager, user.id, secret);
  if (!started) {
    throw new DomainError(
      'AUTH.TOTP_ALREADY_ENROLLED',
      'A second factor is already enrolled for this account; an admin can reset it',
    );
  }
  await appendAuditEvent(manager, {
    actor: { id: user.id, role: 'account_holder' },
    action: 'user.totp_enrolment_started',
    subject: { type: 'user', id: user.id },
    context,
  });
  return { secret, otpauthUri: generateURI({ issuer: TOTP_ISSUER, label: user.email, secret }) };
}

/**
 * Confirms the enrolment with a first code from the app and returns the ten recovery codes (shown once; stored as
 * Argon2id hashes). No pending enrolment: 409 AUTH.TOTP_NOT_PENDING; a wrong code: 401 AUTH.TOTP_INVALID (the
 * enrolment stays pending). `user.totp_enrolled`.
 */
export async function confirmTotpEnrolment(
  manager: EntityManager,
  user: Pick<UserRecord, 'id'>,
  code: string,
  context: Record<string, string> = {},
): Promise<{ recoveryCodes: string[] }> {
  const enrolment = await secondFactorRepository.lock(manager, user.id);
  if (!enrolment || enrolment.confirmed) {
    throw new DomainError(
      'AUTH.TOTP_NOT_PENDING',
      enrolment ? 'The second factor is already confirmed' : 'Start the enrolment first',
    );
  }
  const step = await verifyTotp(enrolment.secret, code.trim(), null);
  if (step === null) {
    throw new DomainError('AUTH.TOTP_INVALID', 'The code from the authenticator app is wrong or expired');
  }
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
  const hashes: string[] = [];
  for (const recovery of recoveryCodes) hashes.push(await hashPassword(normalizeRecoveryCode(recovery)));
  await secondFactorRepository.replaceRecoveryCodes(manager, user.id, hashes);
  await secondFactorRepository.confirm(manager, user.id, step);
  await appendAuditEvent(manager, {
    actor: { id: user.id, role: 'account_holder' },
    action: 'user.totp_enrolled',
    subject: { type: 'user', id: user.id },
    after: { totpEnrolled: true, recoveryCodes: RECOVERY_CODE_COUNT },
    context,
  });
  return { recoveryCodes };
}

/** What a password sign-in needs after the password proved right. */
export type SecondFactorVerdict =
  /** `enrolmentDueAt`: a staff account in its grace period, which must enrol by then. */
  | { outcome: 'passed'; method: PasswordSignInMethod; enrolmentDueAt?: Date }
  /** AUTH.TOTP_REQUIRED (enrolled, no code sent) or AUTH.TOTP_ENROLMENT_REQUIRED (staff, not enrolled). */
  | { outcome: 'missing'; code: 'AUTH.TOTP_REQUIRED' | 'AUTH.TOTP_ENROLMENT_REQUIRED' }
  | { outcome: 'wrong' };

/**
 * The second step of a password sign-in, by the domain's rule (`secondFactorRequirement`, with `now` as the clock):
 * a code is needed when the account has a confirmed enrolment; an enrolment when it holds a staff role,
 * AUTH_STAFF_MFA is `required` and its grace period (AUTH_STAFF_MFA_GRACE_HOURS after its creation) is over; within
 * it the password suffices and the verdict says by when to enrol. `code` is a 6-digit TOTP (never accepted twice:
 * its time step must be later than the last one accepted) or a recovery code (spent in this transaction,
 * `user.recovery_code_used`). Call it inside a transaction.
 */
export async function checkSecondFactor(
  manager: EntityManager,
  user: Pick<UserRecord, 'id' | 'roles' | 'createdAt'>,
  code: string | undefined,
  policy: SecondFactorPolicy,
  context: Record<string, string> = {},
  now: Date = new Date(),
): Promise<SecondFactorVerdict> {
  const enrolment = await secondFactorRepository.find(manager, user.id);
  const requirement = secondFactorRequirement(
    { roles: user.roles, createdAt: user.createdAt, enrolled: enrolment?.confirmed === true },
    policy,
    now,
  );
  if (requirement.kind === 'enrolment') return { outcome: 'missing', code: 'AUTH.TOTP_ENROLMENT_REQUIRED' };
  if (requirement.kind === 'enrolment_due') {
    return { outcome: 'passed', method: 'password', enrolmentDueAt: requirement.dueAt };
  }
  if (requirement.kind === 'none' || !enrolment) return { outcome: 'passed', method: 'password' };
  const given = code?.trim() ?? '';
  if (given === '') return { outcome: 'missing', code: 'AUTH.TOTP_REQUIRED' };
  if (TOTP_SHAPE.test(given)) {
    const step = await verifyTotp(enrolment.secret, given, enrolment.lastUsedStep);
    if (step === null || !(await secondFactorRepository.useStep(manager, user.id, step))) {
      return { outcome: 'wrong' };
    }
    return { outcome: 'passed', method: 'password+totp' };
  }
  if (!RECOVERY_SHAPE.test(given.toLowerCase())) return { outcome: 'wrong' };
  const candidates = await secondFactorRepository.lockUnusedRecoveryCodes(manager, user.id);
  const normalized = normalizeRecoveryCode(given);
  for (const candidate of candidates) {
    if (await verifyPassword(candidate.codeHash, normalized)) {
      await secondFactorRepository.useRecoveryCode(manager, candidate.id);
      await appendAuditEvent(manager, {
        actor: { id: user.id, role: 'account_holder' },
        action: 'user.recovery_code_used',
        subject: { type: 'user', id: user.id },
        after: { recoveryCodesLeft: candidates.length - 1 },
        context,
      });
      return { outcome: 'passed', method: 'password+recovery_code' };
    }
  }
  return { outcome: 'wrong' };
}

/**
 * An admin removes a user's second factor (a lost phone, no recovery code left): the enrolment and its recovery
 * codes are deleted, the account version is bumped (every session and token ends) and a staff user enrols again at
 * the next sign-in. Not one's own account (403 AUTH.SELF_ADMINISTRATION); nothing enrolled: 409
 * AUTH.TOTP_NOT_ENROLLED. `user.totp_reset`.
 */
export async function resetSecondFactor(
  manager: EntityManager,
  command: { userId: string; reason: string },
  actor: AuditActor,
  context: Record<string, string> = {},
): Promise<UserRecord> {
  refuseSelf(actor, command.userId, 'reset the second factor of');
  const user = await lockUser(manager, command.userId);
  const enrolment = await secondFactorRepository.lock(manager, user.id);
  if (!enrolment) throw new DomainError('AUTH.TOTP_NOT_ENROLLED', 'This account has no second factor');
  await secondFactorRepository.remove(manager, user.id);
  return changeAccount(
    manager,
    user,
    {},
    {
      actor,
      action: 'user.totp_reset',
      reason: command.reason,
      before: { totpEnrolled: enrolment.confirmed },
      after: { totpEnrolled: false },
      context,
    },
  );
}

/** Which of these users have a confirmed second factor (the admin view's `totpEnrolled`). */
export function usersWithSecondFactor(manager: EntityManager, userIds: string[]): Promise<Set<string>> {
  return secondFactorRepository.enrolledAmong(manager, userIds);
}

/** The second factor's commands for the API, each in one transaction (the functions above). */
@Injectable()
export class SecondFactorService {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  startEnrolment(user: Pick<UserRecord, 'id' | 'email'>, context: Record<string, string> = {}) {
    return this.unitOfWork.run((tx) => startTotpEnrolment(tx, user, context));
  }

  confirmEnrolment(user: Pick<UserRecord, 'id'>, code: string, context: Record<string, string> = {}) {
    return this.unitOfWork.run((tx) => confirmTotpEnrolment(tx, user, code, context));
  }

  check(
    user: Pick<UserRecord, 'id' | 'roles' | 'createdAt'>,
    code: string | undefined,
    policy: SecondFactorPolicy,
    context: Record<string, string> = {},
  ): Promise<SecondFactorVerdict> {
    return this.unitOfWork.run((tx) => checkSecondFactor(tx, user, code, policy, context));
  }

  reset(
    command: { userId: string; reason: string },
    actor: AuditActor,
    context: Record<string, string> = {},
  ): Promise<UserRecord> {
    return this.unitOfWork.run((tx) => resetSecondFactor(tx, command, actor, context));
  }
}
