import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAuditEvent, type AuditActor } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { DomainError, validateOrganizationKind } from '@forge/domain';
import {
  dummyPasswordHash,
  loginAttemptsRepository,
  loginThrottlesRepository,
  type ThrottleVerdict,
  type OrganizationRecord,
  type UserRecord,
  usersRepository,
  UnitOfWork,
  verifyPassword,
} from '@forge/persistence';
import { ACCESS_TOKENS, type AccessTokens } from './access-tokens.js';
import { SessionService, type StartedSession } from './session.service.js';
import { checkSecondFactor, type PasswordSignInMethod } from './second-factor.js';

export interface RequestOrigin {
  ip: string;
  requestId: string;
  userAgent?: string | null;
}

/** A password sign-in: `code` is a TOTP code or a recovery code, when the account needs a second factor. */
export interface SignInCredentials {
  email: string;
  password: string;
  code?: string;
}

export class LoginRateLimited extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many failed sign-ins; retry in ${retryAfterSeconds} s`);
  }
}

const ANONYMOUS: AuditActor = { id: 'anonymous', role: 'anonymous' };

/**
 * Said with a successful password sign-in of a staff account that has not enrolled a second factor yet and is in
 * its grace period (docs/identity.md, "Second factor"): enrol by `dueAt` (ISO 8601), or sign-in answers 401
 * AUTH.TOTP_ENROLMENT_REQUIRED from then on. Absent otherwise.
 */
export interface SecondFactorNotice {
  status: 'enrolment_due';
  dueAt: string;
}

function secondFactorNotice(enrolmentDueAt: Date | undefined): { secondFactor?: SecondFactorNotice } {
  return enrolmentDueAt
    ? { secondFactor: { status: 'enrolment_due', dueAt: enrolmentDueAt.toISOString() } }
    : {};
}

/** Sign-in, the caller's profile and account administration. */
@Injectable()
export class IdentityService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(ACCESS_TOKENS) private readonly tokens: AccessTokens,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Email + password (+ second factor when needed) → a bearer token (API clients). */
  async issueToken(
    credentials: SignInCredentials,
    origin: RequestOrigin,
  ): Promise<{
    accessToken: string;
    tokenType: 'Bearer';
    expiresIn: number;
    secondFactor?: SecondFactorNotice;
  }> {
    const { user, enrolmentDueAt } = await this.checkPassword(credentials, origin);
    const accessToken = await this.tokens.issue(user);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.tokens.ttlSeconds,
      ...secondFactorNotice(enrolmentDueAt),
    };
  }

  /** Email + password (+ second factor when needed) → a console session (the controller sets the cookie). */
  async startSession(
    credentials: SignInCredentials,
    origin: RequestOrigin,
  ): Promise<{ user: UserRecord; session: StartedSession; secondFactor?: SecondFactorNotice }> {
    const { user, method, enrolmentDueAt } = await this.checkPassword(credentials, origin);
    const session = await this.sessions.start(user, method, {
      ip: origin.ip,
      userAgent: origin.userAgent ?? null,
    });
    return { user, session, ...secondFactorNotice(enrolmentDueAt) };
  }

  /**
   * The password check shared by tokens and sessions. Unknown email, wrong password and disabled account answer
   * the same 401 after the same Argon2 work. Before the password is checked, the attempt is counted atomically
   * (PostgreSQL, so shared by every replica; see loginThrottlesRepository):
   * - per (account, address): LOGIN_RATE_LIMIT_PER_MINUTE attempts a minute not proven right;
   * - per address, across accounts: LOGIN_IP_RATE_LIMIT_PER_MINUTE;
   * - per account: after LOGIN_FREE_FAILURES consecutive failures, a growing delay (1 s, 2 s, 4 s … up to
   *   LOGIN_MAX_DELAY_SECONDS) between attempts, kept separately for addresses the account signed in from before
   *   (familiar) and for the others, so a stranger's guesses never slow the owner down at their usual address.
   * A refused attempt answers 429 with Retry-After and is neither verified, recorded nor audited. A right password
   * takes its attempt back and clears the account's delay.
   *
   * Then the second factor (second-factor.ts), unless `secondFactor: false` (the enrolment routes, which only
   * prove the password): a wrong code is a failed sign-in like a wrong password (counted, recorded, audited with
   * reason `wrong_second_factor`, 401 AUTH.TOTP_INVALID); a missing code or enrolment gives the attempt back and
   * answers 401 AUTH.TOTP_REQUIRED or AUTH.TOTP_ENROLMENT_REQUIRED; a staff account in its enrolment grace period
   * passes with `enrolmentDueAt`.
   */
  async checkPassword(
    credentials: SignInCredentials,
    origin: RequestOrigin,
    options: { secondFactor?: boolean } = {},
  ): Promise<{ user: UserRecord; method: PasswordSignInMethod; enrolmentDueAt?: Date }> {
    const email = credentials.email.trim().toLowerCase();
    const manager = this.dataSource.manager;
    const limits = this.config.rateLimit;
    const pairKey = `${email}|${origin.ip}`;
    const familiar = await loginAttemptsRepository.succeededFrom(manager, email, origin.ip);
    const accountKey = `${email}|${familiar ? 'familiar' : 'other'}`;
    const checks: Array<() => Promise<ThrottleVerdict>> = [
      () =>
        loginThrottlesRepository.reserveInWindow(
          manager,
          'account_address',
          pairKey,
          limits.loginPerMinute,
          60,
        ),
      () =>
        loginThrottlesRepository.reserveInWindow(manager, 'address', origin.ip, limits.loginIpPerMinute, 60),
      () =>
        loginThrottlesRepository.reserveAccount(manager, accountKey, {
          freeFailures: limits.loginFreeFailures,
          maxDelaySeconds: limits.loginMaxDelaySeconds,
          resetAfterSeconds: 3600,
        }),
    ];
    for (const check of checks) {
      const verdict = await check();
      if (!verdict.allowed) throw new LoginRateLimited(verdict.retryAfterSeconds);
    }

    const user = await usersRepository.findCredentialsByEmail(manager, email);
    const passwordOk = await verifyPassword(
      user?.passwordHash ?? (await dummyPasswordHash()),
      credentials.password,
    );
    let method: PasswordSignInMethod = 'password';
    let enrolmentDueAt: Date | undefined;
    let reason = !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'account_disabled';
    if (user && passwordOk && !user.disabled && options.secondFactor !== false) {
      const verdict = await this.unitOfWork.run((tx) =>
        checkSecondFactor(
          tx,
          user,
          credentials.code,
          { staffTotp: this.config.auth.staffTotp, graceHours: this.config.auth.staffTotpGraceHours },
          { ip: origin.ip, requestId: origin.requestId },
        ),
      );
      if (verdict.outcome === 'missing') {
        await loginThrottlesRepository.release(manager, 'account_address', pairKey);
        await loginThrottlesRepository.release(manager, 'address', origin.ip);
        throw missingSecondFactor(verdict.code);
      }
      if (verdict.outcome === 'wrong') reason = 'wrong_second_factor';
      else {
        method = verdict.method;
        enrolmentDueAt = verdict.enrolmentDueAt;
      }
    }
    if (!user || !passwordOk || user.disabled || reason === 'wrong_second_factor') {
      await this.unitOfWork.run(async (tx) => {
        await loginAttemptsRepository.record(tx, { email, ip: origin.ip, succeeded: false });
        await appendAuditEvent(tx, {
          actor: ANONYMOUS,
          action: 'auth.failed_login',
          subject: { type: 'user', id: user?.id ?? email },
          context: { ip: origin.ip, requestId: origin.requestId, email, reason },
        });
      });
      if (reason === 'wrong_second_factor') {
        throw new DomainError('AUTH.TOTP_INVALID', 'The code is wrong, expired or already used');
      }
      throw new DomainError('AUTH.INVALID_CREDENTIALS', 'The email or the password is wrong');
    }
    await loginThrottlesRepository.release(manager, 'account_address', pairKey);
    await loginThrottlesRepository.release(manager, 'address', origin.ip);
    await loginThrottlesRepository.clearAccount(manager, accountKey);
    await loginAttemptsRepository.record(manager, { email, ip: origin.ip, succeeded: true });
    if (Math.random() < 0.01) await loginThrottlesRepository.purgeStale(manager);
    const { passwordHash: _hash, ...record } = user;
    return { user: record, method, enrolmentDueAt };
  }

  createOrganization(
    input: {
      name: string;
      country: string;
      registrationNumber: string;
      kind?: OrganizationRecord['kind'];
      sector?: OrganizationRecord['sector'];
    },
    actor: AuditActor,
    origin: RequestOrigin,
  ): Promise<OrganizationRecord> {
    const kind = input.kind ?? 'sponsor';
    // portfolio.md: a cofinancier is public or private; the other kinds have no sector.
    const kindProblems = validateOrganizationKind(kind, input.sector ?? null);
    if (kindProblems.length > 0) {
      throw new DomainError('VALIDATION.FAILED', 'The organisation kind and sector disagree', kindProblems);
    }
    return this.unitOfWork.run(async (tx) => {
      const organization = await usersRepository.insertOrganization(tx, {
        name: input.name.trim(),
        country: input.country,
        registrationNumber: input.registrationNumber.trim(),
        kind,
        sector: input.sector ?? null,
      });
      if (!organization) {
        throw new DomainError(
          'CONFLICT',
          'An organisation with this country and registration number already exists',
        );
      }
      await appendAuditEvent(tx, {
        actor,
        action: 'organization.created',
        subject: { type: 'organization', id: organization.id },
        after: {
          name: organization.name,
          country: organization.country,
          registrationNumber: organization.registrationNumber,
          kind: organization.kind,
          sector: organization.sector,
        },
        context: { requestId: origin.requestId },
      });
      return organization;
    });
  }

  listOrganizations(): Promise<OrganizationRecord[]> {
    return usersRepository.listOrganizations(this.dataSource.manager);
  }
}

/**
 * The 401 of a right password without the second factor the account needs, saying what to do next: api.md's
 * `{ email, password }` → 200 holds for sponsors; staff need `code` too (docs/identity.md, "Second factor").
 */
function missingSecondFactor(code: 'AUTH.TOTP_REQUIRED' | 'AUTH.TOTP_ENROLMENT_REQUIRED'): DomainError {
  if (code === 'AUTH.TOTP_REQUIRED') {
    return new DomainError(code, 'Enter the code from your authenticator app (or a recovery code)', [
      {
        field: 'code',
        message: 'required for this account: the 6 digits of the authenticator app, or a recovery code',
      },
    ]);
  }
  return new DomainError(
    code,
    'Staff accounts need a second factor: enrol an authenticator app first (POST /api/v1/auth/totp/enrolment ' +
      'with the same email and password, then POST /api/v1/auth/totp/enrolment/confirm with its first code), ' +
      'then sign in again with `code`',
    [{ field: 'code', message: 'this account has no second factor yet: enrol one, then send its code' }],
  );
}
