import { Inject, Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '@forge/config';
import { DomainError } from '@forge/domain';
import {
  type OidcIdentity,
  type RequestOrigin,
  rolesForGroups,
  SessionService,
  signInWithOidc,
  type StartedSession,
  type UserRecord,
} from '@forge/application';
import { TokenService } from '../auth/token.service.js';

/** How long a started sign-in may take at the provider. */
export const OIDC_FLOW_TTL_SECONDS = 600;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Staff sign-in with an OpenID Connect provider (openid-client): authorization code flow with PKCE (S256), state
 * and nonce, the ID token verified by openid-client (signature, issuer, audience, expiry, nonce). The provider's
 * metadata is discovered once (and again after a failure). Plain-HTTP issuers are refused except on loopback
 * (tests, a provider on the same machine).
 */
@Injectable()
export class OidcService {
  private configuration: Promise<client.Configuration> | undefined;
  private readonly logger = new Logger('OidcService');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  get enabled(): boolean {
    return this.config.auth.oidc !== undefined;
  }

  /** Where the browser goes after the callback (OIDC_POST_SIGN_IN_URL). */
  get postSignInUrl(): string {
    return this.settings().postSignInUrl;
  }

  private settings(): OidcConfig {
    const settings = this.config.auth.oidc;
    if (!settings) {
      throw new DomainError('AUTH.OIDC_NOT_CONFIGURED', 'Single sign-on is not configured on this server');
    }
    return settings;
  }

  private discover(): Promise<client.Configuration> {
    const settings = this.settings();
    this.configuration ??= (async () => {
      const issuer = new URL(settings.issuerUrl);
      const insecure = issuer.protocol === 'http:';
      if (insecure && !LOOPBACK.has(issuer.hostname)) {
        throw new Error('OIDC_ISSUER_URL must be https (plain http only on loopback)');
      }
      return client.discovery(
        issuer,
        settings.clientId,
        settings.clientSecret,
        undefined,
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      );
    })().catch((error: unknown) => {
      this.configuration = undefined;
      this.logger.error(`OpenID Connect discovery of ${settings.issuerUrl} failed: ${String(error)}`);
      throw new DomainError('AUTH.OIDC_FAILED', 'The identity provider cannot be reached; try again later');
    });
    return this.configuration;
  }

  /** The provider's authorization URL and the signed flow value (state, nonce, PKCE verifier) for the cookie. */
  async start(): Promise<{ authorizationUrl: string; flow: string }> {
    const settings = this.settings();
    const configuration = await this.discover();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUrl,
      scope: settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const flow = await this.tokens.issueFlow({ state, nonce, verifier }, OIDC_FLOW_TTL_SECONDS);
    return { authorizationUrl: url.href, flow };
  }

  /**
   * The provider sent the browser back: the code is exchanged (PKCE verifier, state and nonce checked), the
   * identity resolved to an account (libs/application oidc-accounts.ts) and a console session opened, method
   * `oidc` (no TOTP: the provider is responsible for the second factor).
   */
  async finish(
    query: string,
    flowCookie: string | undefined,
    origin: RequestOrigin,
  ): Promise<{ user: UserRecord; session: StartedSession }> {
    const settings = this.settings();
    const flow = flowCookie ? await this.tokens.verifyFlow(flowCookie) : null;
    if (!flow || typeof flow.state !== 'string' || typeof flow.nonce !== 'string') {
      throw new DomainError('AUTH.OIDC_FAILED', 'The sign-in expired or was started elsewhere: start again');
    }
    const configuration = await this.discover();
    const currentUrl = new URL(settings.redirectUrl);
    currentUrl.search = query;
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: String(flow.verifier),
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = { ...(tokens.claims() ?? {}) };
      if (!(settings.groupsClaim in claims) || !claims.email) {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, String(claims.sub));
        claims = {
          ...info,
          ...claims,
          [settings.groupsClaim]: claims[settings.groupsClaim] ?? info[settings.groupsClaim],
        };
      }
    } catch (error) {
      this.logger.warn(`OpenID Connect callback refused: ${String(error)}`);
      throw new DomainError('AUTH.OIDC_FAILED', 'The identity provider did not confirm the sign-in');
    }
    const rawGroups = claims[settings.groupsClaim];
    const groups = Array.isArray(rawGroups)
      ? rawGroups.map(String)
      : typeof rawGroups === 'string'
        ? [rawGroups]
        : [];
    const identity: OidcIdentity = {
      issuer: configuration.serverMetadata().issuer,
      subject: String(claims.sub),
      email: typeof claims.email === 'string' ? claims.email : undefined,
      emailVerified: claims.email_verified === true,
      name: typeof claims.name === 'string' ? claims.name : undefined,
      groups,
    };
    const roles = rolesForGroups(groups, settings.roleMapping);
    const outcome = await this.dataSource.transaction((tx) =>
      signInWithOidc(tx, identity, roles, { requestId: origin.requestId, ip: origin.ip }),
    );
    if (outcome.outcome === 'refused') throw outcome.error;
    const session = await this.sessions.start(outcome.user, 'oidc', {
      ip: origin.ip,
      userAgent: origin.userAgent ?? null,
    });
    return { user: outcome.user, session };
  }
}
