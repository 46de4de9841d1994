import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SessionService } from '@forge/application';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { DomainError } from '@forge/domain';
import { AccountStateCache } from './account-state.cache.js';
import { type Authentication } from './authenticated-user.js';
import { isWellFormedToken, SESSION_COOKIE, tokenHash } from './session-cookie.js';
import { TokenService, type VerifiedToken } from './token.service.js';

/** A session is marked as used at most once a minute (the idle timeout counts from there). */
const TOUCH_AFTER_SECONDS = 60;

/** What authentication found: who is calling, a refusal to throw where the route needs a caller, or nobody. */
export type AuthenticationOutcome = Authentication | DomainError | null;

export interface AuthenticatableRequest {
  headers: { authorization?: string; [name: string]: string | string[] | undefined };
  cookies?: Record<string, string | undefined>;
}

const OUTCOME = Symbol('forge.authentication');
const VERIFIED = Symbol('forge.verifiedToken');
type Memo = {
  [OUTCOME]?: Promise<AuthenticationOutcome>;
  [VERIFIED]?: Promise<VerifiedToken | DomainError>;
};

/**
 * Authenticates a request once: the Fastify `onRequest` hook calls it (so the per-user rate limit knows who is
 * calling before routing), the global guard and the handlers read the same memoised outcome.
 *
 * - `Authorization: Bearer <JWT>` (API clients): the signature, expiry and claims (TokenService), then the user's
 *   row (AccountStateCache: cached per process, never stale): a deleted or disabled account, or a token whose
 *   `ver` is not the account's current `auth_version`, is refused. Roles come from the row, never from the token.
 * - otherwise the `forge_session` cookie (the console): the session by the SHA-256 of its id, joined with the
 *   user's row in the same read; revoked, expired, idle, disabled or outdated sessions are refused.
 *
 * A bearer header wins over a cookie (an API client never needs CSRF protection; a browser never sends one).
 */
@Injectable()
export class Authenticator {
  constructor(
    @Inject(AccountStateCache) private readonly accounts: AccountStateCache,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  authenticate(request: AuthenticatableRequest): Promise<AuthenticationOutcome> {
    const memo = request as Memo;
    memo[OUTCOME] ??= this.resolve(request);
    return memo[OUTCOME];
  }

  /**
   * The user a bearer token names when its signature and claims verify (TokenService, in memory: no database), or
   * undefined (no bearer token, or a bad one). Not an authentication: the account is not checked.
   */
  async verifiedBearerSubject(request: AuthenticatableRequest): Promise<string | undefined> {
    const verified = await this.verifyBearer(request)?.catch(() => undefined);
    return verified === undefined || verified instanceof DomainError ? undefined : verified.userId;
  }

  /** The bearer token's verification, once per request (memoised like the outcome); undefined without one. */
  private verifyBearer(request: AuthenticatableRequest): Promise<VerifiedToken | DomainError> | undefined {
    const token = bearerToken(request);
    if (token === undefined) return undefined;
    const memo = request as Memo;
    memo[VERIFIED] ??= this.tokens.verify(token).catch((error: unknown) => {
      if (error instanceof DomainError) return error;
      throw error;
    });
    return memo[VERIFIED];
  }

  private async resolve(request: AuthenticatableRequest): Promise<AuthenticationOutcome> {
    const bearer = this.verifyBearer(request);
    if (bearer !== undefined) return this.fromBearer(await bearer);
    const cookie = request.cookies?.[SESSION_COOKIE];
    if (cookie !== undefined && cookie !== '') return this.fromSession(cookie);
    return null;
  }

  private async fromBearer(verified: VerifiedToken | DomainError): Promise<AuthenticationOutcome> {
    if (verified instanceof DomainError) return verified;
    const user = await this.accounts.findUser(verified.userId);
    if (!user) return new DomainError('AUTH.INVALID_TOKEN', 'The account no longer exists');
    if (user.disabled) return new DomainError('AUTH.INVALID_TOKEN', 'This account is disabled');
    if (user.authVersion !== verified.authVersion) {
      return new DomainError(
        'AUTH.INVALID_TOKEN',
        'The account changed since this token was issued (status, roles or credentials): sign in again',
      );
    }
    return {
      via: 'bearer',
      user: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        roles: user.roles,
        organizationId: user.organizationId,
        authVersion: user.authVersion,
      },
    };
  }

  private async fromSession(sessionId: string): Promise<AuthenticationOutcome> {
    const ended = new DomainError('AUTH.INVALID_SESSION', 'The session has ended: sign in again');
    if (!isWellFormedToken(sessionId)) return ended;
    const idHash = tokenHash(sessionId);
    const session = await this.sessions.findLive(idHash, {
      idleSeconds: this.config.auth.sessionIdleSeconds,
      touchAfterSeconds: TOUCH_AFTER_SECONDS,
    });
    if (!session) return ended;
    if (session.user.disabled || session.user.authVersion !== session.sessionVersion) {
      await this.sessions.end(idHash);
      return ended;
    }
    if (session.stale) await this.sessions.touch(idHash);
    const { disabled: _disabled, ...user } = session.user;
    return { via: 'session', user, session: { idHash, csrfToken: session.csrfToken } };
  }
}

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
function bearerToken(request: AuthenticatableRequest): string | undefined {
  const header = request.headers.authorization;
  return typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
}

/** Constant-time comparison of the `x-csrf-token` header with the session's token. */
export function csrfTokenMatches(expected: string, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(header, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
