import { type UserRecord } from '@forge/persistence';

/**
 * The port through which sign-in issues a bearer token (API clients). The API binds it to its JWT service
 * (`TokenService`, apps/api/src/auth), which also verifies tokens at the edge.
 */
export interface AccessTokens {
  /** Lifetime of an issued token, in seconds (the `expiresIn` of the answer). */
  readonly ttlSeconds: number;
  issue(user: Pick<UserRecord, 'id' | 'email' | 'roles' | 'organizationId' | 'authVersion'>): Promise<string>;
}

/** Injection token of the AccessTokens port. */
export const ACCESS_TOKENS = Symbol('AccessTokens');
