import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url (43 characters): session ids, CSRF tokens, one-time tokens. */
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
