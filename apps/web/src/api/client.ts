import createClient from 'openapi-fetch';
import type { paths } from './schema.gen';
import { ApiProblem } from './problem';

/**
 * The typed client of the API (generated types: `npm run api:client`). Same origin, the session cookie is
 * sent by the browser (HttpOnly: the console never sees it); every state-changing request carries the
 * session's CSRF token in `x-csrf-token` (COORDINATION.md, session contract). No token is ever stored.
 */
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  credentials: 'same-origin',
});

api.use({
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) {
      request.headers.set('x-csrf-token', csrfToken);
    }
    return request;
  },
});

type Result = { data?: unknown; error?: unknown; response: Response };

/** Unwraps an openapi-fetch call: its data, or an ApiProblem thrown with the problem+json in words. */
export async function call<R extends Result>(request: Promise<R>): Promise<NonNullable<R['data']>> {
  let result: R;
  try {
    result = await request;
  } catch (error) {
    throw ApiProblem.network(error);
  }
  if (!result.response.ok) throw ApiProblem.from(result.response, result.error);
  return result.data as NonNullable<R['data']>;
}

/** The same for the routes whose answer has no schema in the OpenAPI document yet: the caller names the type. */
export async function callAs<T>(request: Promise<Result>): Promise<T> {
  return (await call(request)) as T;
}

/** Plain fetch for what the typed client does not cover (multipart uploads, downloads). */
export async function send<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const method = (init.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD')
    for (const [k, v] of Object.entries(csrfHeaders())) headers.set(k, v);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    throw ApiProblem.network(error);
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  if (!response.ok) throw ApiProblem.from(response, body);
  return body as T;
}
