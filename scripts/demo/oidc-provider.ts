import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Provider } from 'oidc-provider';

/** A person at the local identity provider. */
export interface ProviderAccount {
  email: string;
  emailVerified?: boolean;
  name?: string;
  groups: string[];
}

export interface IdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  /** The people who can sign in, by account id (mutable: a test may change someone's groups). */
  accounts: Map<string, ProviderAccount>;
  /**
   * Plays the browser from FORGE's authorization URL: signs in as `accountId` at the provider's login form (its
   * development interactions), consents, and returns the URL the provider sends the browser back to.
   */
  authorize(authorizationUrl: string, accountId: string): Promise<URL>;
  close(): Promise<void>;
}

/** Cookies per name, for one host: enough for the provider's interaction cookies. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * A real OpenID Connect provider (`oidc-provider`, a development dependency) on a loopback port of its own: one
 * confidential client for FORGE, PKCE required, the `groups` claim under a `groups` scope, claims in the ID token,
 * and the library's development login and consent pages, which `authorize()` drives with plain HTTP requests.
 * The tests (test/support/oidc-provider.ts) and the demo (scripts/demo/identity.ts) start it; never production.
 */
export async function startIdentityProvider(options: {
  /** FORGE's callback, as OIDC_REDIRECT_URL says. */
  redirectUrl: string;
  clientId?: string;
  clientSecret?: string;
}): Promise<IdentityProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const {
    redirectUrl,
    clientId = 'forge-console',
    clientSecret = 'a-client-secret-for-local-use-only',
  } = options;
  const accounts = new Map<string, ProviderAccount>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
    },
    conformIdTokenClaims: false,
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['local-cookie-key-0123456789'] },
    findAccount: (_context: unknown, id: string) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified ?? true,
          name: account.name ?? id,
          groups: account.groups,
        }),
      };
    },
  });
  server.on('request', provider.callback());

  async function authorize(authorizationUrl: string, accountId: string): Promise<URL> {
    const jar = new CookieJar();
    let url = new URL(authorizationUrl);
    let form: { action: URL; fields: Record<string, string> } | undefined;
    for (let hop = 0; hop < 20; hop += 1) {
      const response = form
        ? await fetch(form.action, {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(form.fields).toString(),
          })
        : await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
      jar.store(response);
      form = undefined;
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location')!, url);
        if (url.href.startsWith(redirectUrl)) return url;
        continue;
      }
      const html = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
      if (response.status !== 200 || !action || !prompt) {
        throw new Error(`unexpected answer from the provider at ${url.href}: ${response.status} ${html}`);
      }
      form = {
        action: new URL(action, url),
        fields: prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt },
      };
    }
    throw new Error('the provider did not send the browser back within 20 hops');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUrl,
    accounts,
    authorize,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
