import { createHash, randomBytes } from 'node:crypto';

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

/** 256 random bits, base64url (43 characters): the opaque session id and the CSRF token. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** What the database keeps instead of a session id or a one-time token: its SHA-256. */
export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
