import { INSTRUMENTS, MINERALS, VALUE_CHAIN_SEGMENTS } from '../application/application-input.js';
import { canonicalHash } from '../canonical/canonical-json.js';
import { isRecord } from '../canonical/json.js';
import { isOneOf } from '../canonical/one-of.js';
import { DomainError, type DomainErrorDetail } from '../errors/domain-error.js';
import {
  LIMIT_DIMENSIONS,
  type LimitDimension,
  type PolicyRef,
  type PortfolioLimitParams,
  type PortfolioPolicyParams,
} from './portfolio-policy.js';

const CODE = /^[A-Z][A-Z0-9_]{0,39}$/;
const VERSION = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/;
const POLICY_NAME = /^[A-Z][A-Z0-9-]{0,39}$/;
const COUNTRY = /^[A-Z]{2}$/;
const POLICY_KEYS = ['policy', 'version', 'limits'];
const LIMIT_KEYS = ['code', 'name', 'dimension', 'group', 'bound', 'bp', 'base', 'blocking'];
const MAX_LIMITS = 50;

/** The values a group of a dimension may list (`obligor` cannot be grouped: organisations are ids). */
function groupValueOk(dimension: LimitDimension, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  switch (dimension) {
    case 'country':
      return COUNTRY.test(value);
    case 'mineral':
      return (MINERALS as readonly string[]).includes(value);
    case 'instrument':
      return (INSTRUMENTS as readonly string[]).includes(value);
    case 'segment':
      return (VALUE_CHAIN_SEGMENTS as readonly string[]).includes(value);
    case 'obligor':
      return false;
  }
}

/**
 * The problems of a policy given as untrusted JSON (an admin's proposal) or as code (empty when it
 * is usable). Unknown keys are problems too: the hash must cover exactly what is interpreted.
 */
export function validatePortfolioPolicy(value: unknown): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  const add = (field: string, message: string): void => {
    problems.push({ field, message });
  };
  if (!isRecord(value)) return [{ field: 'policy', message: 'an object' }];
  for (const key of Object.keys(value)) if (!POLICY_KEYS.includes(key)) add(key, 'unknown field');
  if (typeof value.policy !== 'string' || !POLICY_NAME.test(value.policy)) {
    add('policy', 'a name such as FORGE-PP (upper case letters, digits, hyphens)');
  }
  if (typeof value.version !== 'string' || !VERSION.test(value.version)) {
    add('version', 'a version MAJOR.MINOR.PATCH such as 1.1.0');
  }
  if (!Array.isArray(value.limits) || value.limits.length === 0 || value.limits.length > MAX_LIMITS) {
    add('limits', `a list of 1 to ${MAX_LIMITS} limits`);
    return problems;
  }
  const codes = new Set<string>();
  value.limits.forEach((limit: unknown, i: number) => {
    const at = `limits[${i}]`;
    if (!isRecord(limit)) {
      add(at, 'an object');
      return;
    }
    for (const key of Object.keys(limit)) if (!LIMIT_KEYS.includes(key)) add(`${at}.${key}`, 'unknown field');
    if (typeof limit.code !== 'string' || !CODE.test(limit.code)) add(`${at}.code`, 'upper case code');
    else if (codes.has(limit.code)) add(`${at}.code`, `duplicate limit ${limit.code}`);
    else codes.add(limit.code);
    if (typeof limit.name !== 'string' || limit.name.trim() === '' || limit.name.length > 200) {
      add(`${at}.name`, 'a name of 1 to 200 characters');
    }
    const dimension = limit.dimension;
    if (!isOneOf(LIMIT_DIMENSIONS, dimension)) {
      add(`${at}.dimension`, `one of ${LIMIT_DIMENSIONS.join(', ')}`);
    } else if (limit.group !== null) {
      if (!Array.isArray(limit.group) || limit.group.length === 0) {
        add(`${at}.group`, 'null or a non-empty list');
      } else {
        if (new Set(limit.group).size !== limit.group.length) add(`${at}.group`, 'duplicate member');
        for (const member of limit.group) {
          if (!groupValueOk(dimension, member)) {
            add(`${at}.group`, `${String(member)} is not a ${String(dimension)} that can be grouped`);
          }
        }
      }
    }
    if (limit.bound !== 'max' && limit.bound !== 'min') add(`${at}.bound`, 'max or min');
    if (typeof limit.bp !== 'number' || !Number.isInteger(limit.bp) || limit.bp < 1 || limit.bp > 10000) {
      add(`${at}.bp`, 'an integer from 1 to 10000 (basis points)');
    }
    if (limit.base !== 'envelope' && limit.base !== 'book') add(`${at}.base`, 'envelope or book');
    if (typeof limit.blocking !== 'boolean') add(`${at}.blocking`, 'a boolean');
    else if (limit.blocking && limit.bound === 'min') {
      add(`${at}.blocking`, 'a minimum is a target: reported, never blocking');
    }
  });
  return problems;
}

/**
 * Validates a policy version and deep-freezes it. Built-in versions are made with this, so a
 * malformed one fails at load time; an admin's proposal goes through `parsePortfolioPolicy`.
 */
export function definePortfolioPolicy<P extends PortfolioPolicyParams>(params: P): P {
  const problems = validatePortfolioPolicy(params);
  if (problems.length > 0) {
    throw new DomainError(
      'PORTFOLIO.INVALID_POLICY',
      `portfolio policy ${String(params.policy)} ${String(params.version)} is invalid`,
      problems,
    );
  }
  return deepFreeze(params);
}

/** An admin's proposed policy (untrusted JSON) as frozen parameters, or `PORTFOLIO.INVALID_POLICY`. */
export function parsePortfolioPolicy(value: unknown): PortfolioPolicyParams {
  const problems = validatePortfolioPolicy(value);
  if (problems.length > 0) {
    throw new DomainError('PORTFOLIO.INVALID_POLICY', 'the portfolio policy is invalid', problems);
  }
  const input = value as PortfolioPolicyParams;
  // Rebuilt field by field: nothing but the interpreted fields enters the hash.
  return deepFreeze({
    policy: input.policy,
    version: input.version,
    limits: input.limits.map((limit): PortfolioLimitParams => ({
      code: limit.code,
      name: limit.name,
      dimension: limit.dimension,
      group: limit.group === null ? null : [...limit.group],
      bound: limit.bound,
      bp: limit.bp,
      base: limit.base,
      blocking: limit.blocking,
    })),
  });
}

const hashCache = new WeakMap<object, string>();

/** SHA-256 (hex) of the RFC 8785 canonical JSON of the parameters (memoised for frozen ones). */
export function portfolioPolicyHash(params: PortfolioPolicyParams): string {
  const cached = hashCache.get(params);
  if (cached !== undefined) return cached;
  const hash = canonicalHash(params);
  if (Object.isFrozen(params)) hashCache.set(params, hash);
  return hash;
}

export function policyRef(params: PortfolioPolicyParams): PolicyRef {
  return { policy: params.policy, version: params.version, hash: portfolioPolicyHash(params) };
}

/** Compares MAJOR.MINOR.PATCH versions numerically (`1.10.0` > `1.9.0`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
