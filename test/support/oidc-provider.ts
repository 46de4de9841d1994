import { type IdentityProvider, startIdentityProvider } from '../../scripts/demo/oidc-provider.js';

export type { ProviderAccount } from '../../scripts/demo/oidc-provider.js';
export type TestIdentityProvider = IdentityProvider;

/** The local OpenID Connect provider (scripts/demo/oidc-provider.ts, shared with the demo) for the tests' app. */
export function startTestIdentityProvider(): Promise<TestIdentityProvider> {
  return startIdentityProvider({
    redirectUrl: 'https://forge.test/api/v1/auth/oidc/callback',
    clientSecret: 'a-client-secret-for-the-tests-only',
  });
}
