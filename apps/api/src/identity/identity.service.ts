import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAuditEvent, type AuditActor } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { DomainError } from '@forge/domain';
import {
  type CreatedUserAccount,
  createUserAccount,
  dummyPasswordHash,
  loginAttemptsRepository,
  type NewUserAccount,
  type OrganizationRecord,
  type UserRecord,
  usersRepository,
  UnitOfWork,
  verifyPassword,
} from '@forge/persistence';
import { SessionService, type StartedSession } from '../auth/session.service.js';
import { TokenService } from '../auth/token.service.js';

export interface RequestOrigin {
  ip: string;
  requestId: string;
  userAgent?: string | null;
}

export class LoginRateLimited extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many failed sign-ins; retry in ${retryAfterSeconds} s`);
  }
}

const ANONYMOUS: AuditActor = { id: 'anonymous', role: 'anonymous' };

/** Sign-in, the caller's profile and account administration. */
@Injectable()
export class IdentityService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Email + password → a bearer token (API clients). */
  async issueToken(
    credentials: { email: string; password: string },
    origin: RequestOrigin,
  ): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number }> {
    const user = await this.checkPassword(credentials, origin);
    const accessToken = await this.tokens.issue(user);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.tokens.ttlSeconds };
  }

  /** Email + password → a console session (the controller sets the cookie). */
  async startSession(
    credentials: { email: string; password: string },
    origin: RequestOrigin,
  ): Promise<{ user: UserRecord; session: StartedSession }> {
    const user = await this.checkPassword(credentials, origin);
    const session = await this.sessions.start(user, 'password', {
      ip: origin.ip,
      userAgent: origin.userAgent ?? null,
    });
    return { user, session };
  }

  /**
   * The password check shared by tokens and sessions. Unknown email, wrong password and disabled account answer
   * the same 401 after the same Argon2 work. Failed attempts (PostgreSQL, last minute) are limited per account
   * and per IP; a refused attempt is neither verified nor recorded.
   */
  private async checkPassword(
    credentials: { email: string; password: string },
    origin: RequestOrigin,
  ): Promise<UserRecord> {
    const email = credentials.email.trim().toLowerCase();
    const manager = this.dataSource.manager;
    const limit = this.config.rateLimit.loginPerMinute;
    const recent = await loginAttemptsRepository.recentFailures(manager, email, origin.ip);
    const over = [recent.account, recent.ip].filter((window) => window.failures >= limit);
    if (over.length > 0)
      throw new LoginRateLimited(Math.max(...over.map((window) => window.retryAfterSeconds)));

    const user = await usersRepository.findCredentialsByEmail(manager, email);
    const passwordOk = await verifyPassword(
      user?.passwordHash ?? (await dummyPasswordHash()),
      credentials.password,
    );
    if (!user || !passwordOk || user.disabled) {
      const reason = !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'account_disabled';
      await this.unitOfWork.run(async (tx) => {
        await loginAttemptsRepository.record(tx, { email, ip: origin.ip, succeeded: false });
        await appendAuditEvent(tx, {
          actor: ANONYMOUS,
          action: 'auth.failed_login',
          subject: { type: 'user', id: user?.id ?? email },
          context: { ip: origin.ip, requestId: origin.requestId, email, reason },
        });
      });
      throw new DomainError('AUTH.INVALID_CREDENTIALS', 'The email or the password is wrong');
    }
    await loginAttemptsRepository.record(manager, { email, ip: origin.ip, succeeded: true });
    const { passwordHash: _hash, ...record } = user;
    return record;
  }

  /** Asking for officer, committee or admin creates the account with no role and a pending four-eyes request. */
  createUser(input: NewUserAccount, actor: AuditActor, origin: RequestOrigin): Promise<CreatedUserAccount> {
    return this.unitOfWork.run((tx) =>
      createUserAccount(tx, input, actor, { requestId: origin.requestId }, { fourEyes: true }),
    );
  }

  createOrganization(
    input: { name: string; country: string; registrationNumber: string },
    actor: AuditActor,
    origin: RequestOrigin,
  ): Promise<OrganizationRecord> {
    return this.unitOfWork.run(async (tx) => {
      const organization = await usersRepository.insertOrganization(tx, {
        name: input.name.trim(),
        country: input.country,
        registrationNumber: input.registrationNumber.trim(),
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
