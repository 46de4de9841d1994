import { canonicalHash } from '../canonical/canonical-json.js';
import { isRecord } from '../canonical/json.js';
import { DomainError, type DomainErrorDetail } from '../errors/domain-error.js';

/** One host country of `config/reference/countries.json`. */
export interface CountryReference {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  name: string;
  /** OECD country risk classification 0–7; null where the OECD does not classify (high income). */
  oecdCrc: number | null;
  eitiImplementing: boolean;
  fundEligible: boolean;
  /**
   * Optional: a country with a bilateral critical-minerals framework with the fund's partners,
   * counted in the portfolio's framework-country share (portfolio.md) beside the built-in four.
   * Absent unless the file says so (so its absence does not change the snapshot hash).
   */
  forgeFramework?: boolean;
}

export interface CountriesReference {
  version: string;
  about?: string;
  countries: CountryReference[];
}

/** The fund's critical-minerals list (`config/reference/minerals.json`). */
export interface MineralsReference {
  version: string;
  about?: string;
  minerals: string[];
}

/**
 * A loaded piece of reference data and the SHA-256 of its canonical (RFC 8785) content.
 * The hash covers exactly the validated content (`canonicalHash(content)`), so two loads of
 * semantically identical JSON (key order, whitespace) hash the same.
 */
export interface ReferenceSnapshot<T> {
  readonly content: T;
  readonly sha256: string;
}

export type CountriesSnapshot = ReferenceSnapshot<CountriesReference>;
export type MineralsSnapshot = ReferenceSnapshot<MineralsReference>;

const COUNTRY_KEYS = new Set([
  'code',
  'name',
  'oecdCrc',
  'eitiImplementing',
  'fundEligible',
  'forgeFramework',
]);
const MINERAL_PATTERN = /^[a-z][a-z0-9_]*$/;

function fail(what: string, details: DomainErrorDetail[]): never {
  const first = details[0]?.message ?? 'invalid';
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  throw new DomainError('REFERENCE.INVALID', `${what} reference data is invalid: ${first}${more}`, details);
}

function checkHeader(
  json: Record<string, unknown>,
  listKey: string,
  problems: DomainErrorDetail[],
): { version: string; about?: string } {
  for (const key of Object.keys(json)) {
    if (key !== 'version' && key !== 'about' && key !== listKey) {
      problems.push({ field: key, message: `unknown top-level field "${key}"` });
    }
  }
  const version = json['version'];
  if (typeof version !== 'string' || version.trim() === '') {
    problems.push({ field: 'version', message: 'version must be a non-empty string' });
  }
  const about = json['about'];
  if (about !== undefined && typeof about !== 'string') {
    problems.push({ field: 'about', message: 'about must be a string when present' });
  }
  return {
    version: typeof version === 'string' ? version : '',
    ...(typeof about === 'string' ? { about } : {}),
  };
}

/**
 * Validates the parsed JSON of the countries reference. Unknown fields are rejected (a typo
 * such as `fundEligble` must not silently make a country ineligible). Throws
 * `REFERENCE.INVALID` with one detail per problem.
 */
export function parseCountriesReference(json: unknown): CountriesSnapshot {
  if (!isRecord(json)) fail('countries', [{ message: 'the document must be a JSON object' }]);
  const problems: DomainErrorDetail[] = [];
  const header = checkHeader(json, 'countries', problems);
  const list = json['countries'];
  const countries: CountryReference[] = [];
  if (!Array.isArray(list) || list.length === 0) {
    problems.push({ field: 'countries', message: 'countries must be a non-empty array' });
  } else {
    const seen = new Set<string>();
    list.forEach((item: unknown, i) => {
      const at = `countries[${i}]`;
      if (!isRecord(item)) {
        problems.push({ field: at, message: `${at} must be an object` });
        return;
      }
      const before = problems.length;
      for (const key of Object.keys(item)) {
        if (!COUNTRY_KEYS.has(key))
          problems.push({ field: `${at}.${key}`, message: `${at}: unknown field "${key}"` });
      }
      const { code, name, oecdCrc, eitiImplementing, fundEligible, forgeFramework } = item;
      if (typeof code !== 'string' || !/^[A-Z]{2}$/.test(code)) {
        problems.push({
          field: `${at}.code`,
          message: `${at}.code must be an ISO 3166-1 alpha-2 code in upper case`,
        });
      } else if (seen.has(code)) {
        problems.push({ field: `${at}.code`, message: `${at}.code "${code}" appears twice` });
      } else {
        seen.add(code);
      }
      if (typeof name !== 'string' || name.trim() === '') {
        problems.push({ field: `${at}.name`, message: `${at}.name must be a non-empty string` });
      }
      if (
        oecdCrc !== null &&
        !(typeof oecdCrc === 'number' && Number.isInteger(oecdCrc) && oecdCrc >= 0 && oecdCrc <= 7)
      ) {
        problems.push({ field: `${at}.oecdCrc`, message: `${at}.oecdCrc must be an integer 0–7 or null` });
      }
      if (typeof eitiImplementing !== 'boolean') {
        problems.push({
          field: `${at}.eitiImplementing`,
          message: `${at}.eitiImplementing must be a boolean`,
        });
      }
      if (typeof fundEligible !== 'boolean') {
        problems.push({ field: `${at}.fundEligible`, message: `${at}.fundEligible must be a boolean` });
      }
      if (forgeFramework !== undefined && typeof forgeFramework !== 'boolean') {
        problems.push({
          field: `${at}.forgeFramework`,
          message: `${at}.forgeFramework must be a boolean when present`,
        });
      }
      if (
        problems.length === before &&
        // Implied by no new problem; spelled out so that the compiler sees the types the checks above proved.
        typeof code === 'string' &&
        typeof name === 'string' &&
        (oecdCrc === null || typeof oecdCrc === 'number') &&
        typeof eitiImplementing === 'boolean' &&
        typeof fundEligible === 'boolean'
      ) {
        countries.push({
          code,
          name,
          oecdCrc,
          eitiImplementing,
          fundEligible,
          ...(typeof forgeFramework === 'boolean' ? { forgeFramework } : {}),
        });
      }
    });
  }
  if (problems.length > 0) fail('countries', problems);
  const content: CountriesReference = { ...header, countries };
  return { content, sha256: canonicalHash(content) };
}

/** Validates the parsed JSON of the minerals reference (lower-case snake-case names, no duplicates). */
export function parseMineralsReference(json: unknown): MineralsSnapshot {
  if (!isRecord(json)) fail('minerals', [{ message: 'the document must be a JSON object' }]);
  const problems: DomainErrorDetail[] = [];
  const header = checkHeader(json, 'minerals', problems);
  const list = json['minerals'];
  const minerals: string[] = [];
  if (!Array.isArray(list) || list.length === 0) {
    problems.push({ field: 'minerals', message: 'minerals must be a non-empty array' });
  } else {
    const seen = new Set<string>();
    list.forEach((item: unknown, i) => {
      const at = `minerals[${i}]`;
      if (typeof item !== 'string' || !MINERAL_PATTERN.test(item)) {
        problems.push({ field: at, message: `${at} must be a lower-case snake_case mineral name` });
      } else if (seen.has(item)) {
        problems.push({ field: at, message: `${at} "${item}" appears twice` });
      } else {
        seen.add(item);
        minerals.push(item);
      }
    });
  }
  if (problems.length > 0) fail('minerals', problems);
  const content: MineralsReference = { ...header, minerals };
  return { content, sha256: canonicalHash(content) };
}

/** The country entry for an ISO code, or undefined. */
export function findCountry(reference: CountriesReference, code: string): CountryReference | undefined {
  return reference.countries.find((c) => c.code === code);
}
