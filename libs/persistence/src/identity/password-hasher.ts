import { randomBytes } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';
import { normalizePassword } from '@forge/domain';

/**
 * Argon2id, pinned. `Algorithm` in @node-rs/argon2 is a `const enum` (not importable under isolatedModules),
 * so the numeric value is written out: 0 = Argon2d, 1 = Argon2i, 2 = Argon2id. Parameters are the OWASP
 * minimum for Argon2id (19 MiB, 2 passes, 1 lane), which are also the library's defaults.
 */
export const ARGON2ID = 2;
const ARGON2_OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes the NFKC form of the password (NIST SP 800-63B: normalise before hashing). */
export async function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), ARGON2_OPTIONS);
}

/**
 * False for a wrong password or an unparsable hash; never throws for bad input. The NFKC form is tried first; a
 * password whose raw form differs is also tried as typed (hashes made before normalisation was introduced).
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const normalized = normalizePassword(password);
  try {
    if (await verify(passwordHash, normalized)) return true;
    return normalized !== password && (await verify(passwordHash, password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of a random value to verify against when the email is unknown, so an unknown account costs the
 * same time as a wrong password (no account enumeration by timing).
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  return dummyHash;
}
