import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { DomainError } from '@forge/domain';
import { type AuthenticatedUser } from './authenticated-user.js';

const ISSUER = 'forge-pipeline';
const AUDIENCE = 'forge-api';
const FLOW_AUDIENCE = 'forge-oidc-flow';
/** Verified bearer tokens remembered per process (the oldest go first). */
const VERIFIED_TOKENS_MAX = 10_000;

/** What a verified token says; the Authenticator then checks it against the user's current row. */
export interface VerifiedToken {
  userId: string;
  /** The account version (`ver`) the token was issued at. */
  authVersion: number;
}

/**
 * Short-lived HS256 bearer tokens (jose). Only HS256 is accepted, so `alg: none` and tokens signed with
 * another algorithm or key are refused. Without JWT_SECRET a random secret is generated once and kept under
 * FORGE_DATA_DIR (fine for a laptop; production sets JWT_SECRET, shared by every API replica).
 */
@Injectable()
export class TokenService {
  /** A KeyObject made once: jose would otherwise import the raw secret through WebCrypto on every request. */
  private readonly secret: KeyObject;
  private readonly logger = new Logger('TokenService');
  /**
   * Bearer tokens whose signature and claims were verified, with their expiry (ms): an API client sends the same
   * token on every request until it expires, and jose's HS256 check goes through WebCrypto (an async job and a key
   * import per call: about 7% of the API's CPU under GET load, bench/README.md). Only the exact token string that
   * verified is remembered, so nothing unverified can enter; the expiry is checked again on every use, and what a
   * token grants is still decided by the account's current row (Authenticator), never by this.
   */
  private readonly verified = new Map<string, VerifiedToken & { expiresAtMs: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.secret = createSecretKey(Buffer.from(config.auth.jwtSecret ?? this.localSecret(), 'utf8'));
  }

  get ttlSeconds(): number {
    return this.config.auth.jwtTtlSeconds;
  }

  async issue(
    user: Pick<AuthenticatedUser, 'id' | 'email' | 'roles' | 'organizationId' | 'authVersion'>,
  ): Promise<string> {
    // roles and org are informative for API clients; every request reads the current ones from the database.
    return new SignJWT({
      email: user.email,
      roles: user.roles,
      org: user.organizationId,
      ver: user.authVersion,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.config.auth.jwtTtlSeconds}s`)
      .sign(this.secret);
  }

  /** Signature, algorithm, issuer, audience and expiry; never the account state (see Authenticator). */
  async verify(token: string): Promise<VerifiedToken> {
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (Date.now() < known.expiresAtMs) return { userId: known.userId, authVersion: known.authVersion };
      this.verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const version = payload.ver;
      if (typeof payload.sub !== 'string' || typeof version !== 'number' || !Number.isInteger(version)) {
        throw new DomainError('AUTH.INVALID_TOKEN', 'The token is malformed');
      }
      this.remember(token, { userId: payload.sub, authVersion: version, expiresAtMs: payload.exp! * 1000 });
      return { userId: payload.sub, authVersion: version };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const expired = error instanceof joseErrors.JWTExpired;
      throw new DomainError('AUTH.INVALID_TOKEN', expired ? 'The token has expired' : 'The token is invalid');
    }
  }

  private remember(token: string, entry: VerifiedToken & { expiresAtMs: number }): void {
    if (this.verified.size >= VERIFIED_TOKENS_MAX) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, entry);
  }

  /**
   * A short-lived signed value for a browser round trip (the OpenID Connect flow's state, nonce and PKCE verifier,
   * kept in a cookie): audience `forge-oidc-flow`, so it is never accepted as a bearer token (and a bearer token
   * never as a flow).
   */
  async issueFlow(claims: Record<string, string>, ttlSeconds: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(FLOW_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.secret);
  }

  /** The claims of a flow value issued above; null when forged, expired or not a flow. */
  async verifyFlow(token: string): Promise<Record<string, unknown> | null> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: FLOW_AUDIENCE,
      });
      return payload as Record<string, unknown>;
    } catch {
      return null;
    }
  }

  private localSecret(): string {
    const file = join(this.config.dataDir, 'jwt-secret');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(this.config.dataDir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    this.logger.warn(`JWT_SECRET is not set: generated one in ${file} (set JWT_SECRET in production)`);
    return secret;
  }
}
