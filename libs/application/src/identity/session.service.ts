import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { type SessionWithUser, type SessionMethod, sessionsRepository, UnitOfWork } from '@forge/persistence';
import { randomToken, tokenHash } from './secret-tokens.js';

export type { SessionWithUser, SessionMethod } from '@forge/persistence';

export interface StartedSession {
  /** The opaque id for the cookie: returned once, only its SHA-256 is stored. */
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
  maxAgeSeconds: number;
}

/** Opens, finds and ends the console's server-side sessions. */
@Injectable()
export class SessionService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(
    user: { id: string; authVersion: number },
    method: SessionMethod,
    origin: { ip: string; userAgent: string | null },
  ): Promise<StartedSession> {
    const sessionId = randomToken();
    const csrfToken = randomToken();
    const ttlSeconds = this.config.auth.sessionTtlSeconds;
    const { expiresAt } = await this.unitOfWork.read((manager) =>
      sessionsRepository.insert(manager, {
        idHash: tokenHash(sessionId),
        userId: user.id,
        authVersion: user.authVersion,
        csrfToken,
        method,
        ip: origin.ip,
        userAgent: origin.userAgent?.slice(0, 512) ?? null,
        ttlSeconds,
      }),
    );
    return { sessionId, csrfToken, expiresAt, maxAgeSeconds: ttlSeconds };
  }

  /**
   * The live session with this id hash joined with its user's row (null when revoked, expired or idle); `stale`
   * says it was last marked as used more than `touchAfterSeconds` ago.
   */
  findLive(
    idHash: Buffer,
    options: { idleSeconds: number; touchAfterSeconds: number },
  ): Promise<SessionWithUser | null> {
    return this.unitOfWork.read((manager) => sessionsRepository.findLive(manager, idHash, options));
  }

  /** Marks the session as used now (the idle timeout counts from here). */
  async touch(idHash: Buffer): Promise<void> {
    await this.unitOfWork.read((manager) => sessionsRepository.touch(manager, idHash));
  }

  async end(idHash: Buffer): Promise<void> {
    await this.unitOfWork.read((manager) => sessionsRepository.revoke(manager, idHash));
  }

  /** Ends the session this cookie names, if any (signing in again replaces the browser's old session). */
  async endByCookie(sessionId: string | undefined): Promise<void> {
    if (sessionId) await this.end(tokenHash(sessionId));
  }
}
