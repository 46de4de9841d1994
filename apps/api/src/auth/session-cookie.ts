/** The console's session cookie (COORDINATION.md, "Session API contract"). */
export const SESSION_COOKIE = 'forge_session';

/** Attributes of the session cookie: never readable by scripts, never sent cross-site, HTTPS only. */
export function sessionCookieOptions(maxAgeSeconds: number) {
  return {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'strict' as const,
    maxAge: maxAgeSeconds,
  };
}

export { isWellFormedToken, randomToken, tokenHash } from '@forge/application';
