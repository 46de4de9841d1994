import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { type SessionMethod, sessionsRepository } from '@forge/persistence';
import { randomToken, tokenHash } from './session-cookie.js';

export interface StartedSession {
  /** The opaque id for the cookie: returned once, only its SHA-256 is stored. */
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
  maxAgeSeconds: number;
}

/** Opens and ends the console's server-side sessions. */
@Injectable()
export class SessionService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
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
    const { expiresAt } = await sessionsRepository.insert(this.dataSource.manager, {
      idHash: tokenHash(sessionId),
      userId: user.id,
      authVersion: user.authVersion,
      csrfToken,
      method,
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 512) ?? null,
      ttlSeconds,
    });
    return { sessionId, csrfToken, expiresAt, maxAgeSeconds: ttlSeconds };
  }

  async end(idHash: Buffer): Promise<void> {
    await sessionsRepository.revoke(this.dataSource.manager, idHash);
  }

  /** Ends the session this cookie names, if any (signing in again replaces the browser's old session). */
  async endByCookie(sessionId: string | undefined): Promise<void> {
    if (sessionId) await sessionsRepository.revoke(this.dataSource.manager, tokenHash(sessionId));
  }
}
