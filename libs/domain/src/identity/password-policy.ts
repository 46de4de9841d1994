import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Passwords per NIST SP 800-63B (§3.1.1.2, rev. 4): a minimum length (12 here, the product's rule), a maximum well
 * above 64 (256, so a caller cannot make the server hash megabytes), every printable character and space allowed,
 * **no composition rules** (no "one digit, one capital"), and a check against passwords known to be common or
 * breached, repetitive or sequential, or derived from the context (the account's email, the service's name).
 * Length is counted in Unicode code points after NFKC normalisation, which is also what is hashed.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * The blocklist: the `passwords-common` dictionary of `@zxcvbn-ts/language-common` (MIT; zxcvbn's list of the
 * most frequent passwords in public breach corpora, about 49,000 entries). Built once, on first use.
 */
let blocklist: Set<string> | undefined;
function commonPasswords(): Set<string> {
  blocklist ??= new Set(dictionary['passwords-common'] as string[]);
  return blocklist;
}

const SERVICE_WORDS = new Set(['forge', 'forgepipeline', 'pipeline', 'forgefund']);

/** What a password is compared in: NFKC (so visually identical input hashes alike), as NIST recommends. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** The shortest string whose repetition gives `value` ("abcabc" → "abc"). */
function period(value: string): string {
  for (let size = 1; size <= value.length / 2; size += 1) {
    if (value.length % size === 0 && value.slice(0, size).repeat(value.length / size) === value) {
      return value.slice(0, size);
    }
  }
  return value;
}

function isSequential(value: string): boolean {
  if (value.length < 4) return false;
  const codes = [...value].map((char) => char.codePointAt(0)!);
  const step = codes[1] - codes[0];
  return (
    Math.abs(step) === 1 && codes.every((code, index) => index === 0 || code - codes[index - 1] === step)
  );
}

/**
 * Why this password is refused, or null when it is acceptable. `context.email` adds the account's own words.
 * The checks run on a "core": lower case, letters and digits only, leading and trailing digits removed, one
 * period of a repetition ("Password2024!" → "password", "abcabcabcabc" → "abc").
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  if (normalized.trim() === '') return 'the password must not be blank';
  if (length < MIN_PASSWORD_LENGTH) return `the password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `the password must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = normalized.toLowerCase();
  const compact = lower.replace(/[^\p{L}\p{N}]/gu, '');
  const core = period(compact.replace(/^\d+/, '').replace(/\d+$/, '') || compact);
  const common = commonPasswords();
  if (new Set(compact).size <= 2 || core.length <= 2 || isSequential(compact)) {
    return 'the password is too repetitive or sequential';
  }
  if ([lower, compact, core, period(compact)].some((candidate) => common.has(candidate))) {
    return 'the password is too common (it is on a list of breached passwords)';
  }
  if (SERVICE_WORDS.has(core)) return 'the password must not be the name of the service';
  const email = context.email?.trim().toLowerCase();
  if (email) {
    const local = email.split('@')[0].replace(/[^\p{L}\p{N}]/gu, '');
    if (compact.includes(email.replace(/[^\p{L}\p{N}]/gu, '')) || (local.length >= 4 && core === local)) {
      return 'the password must not be derived from the email address';
    }
  }
  return null;
}
