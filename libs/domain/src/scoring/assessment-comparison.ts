import { canonicalJson } from '../canonical/canonical-json.js';

/** One difference between two assessments: a dot path (`gross.band`, `factors[F5_ENVIRONMENT].residual`). */
export interface AssessmentDifference {
  path: string;
  a: unknown;
  b: unknown;
}

/** Fields that identify a run rather than its result: replay ignores them (scoring.md). */
export const RUN_FIELDS = ['id', 'computedAt', 'jobId'] as const;

/**
 * Current (scoring.md): computed on today's inputs (`inputsHash`) under the active model version.
 * Anything else is stale.
 */
export function isAssessmentCurrent(
  assessment: { inputsHash: string; modelVersion: string },
  todayInputsHash: string,
  activeModelVersion: string,
): boolean {
  return assessment.inputsHash === todayInputsHash && assessment.modelVersion === activeModelVersion;
}

/**
 * Field-by-field differences between two assessment records (`a` usually the stored one, `b` the
 * recomputed one), ignoring `id`, `computedAt` and `jobId` unless `ignore` says otherwise.
 * Objects are compared per key, `factors` per factor code and field, other arrays as wholes
 * (canonical JSON). An empty list means "reproduced".
 */
export function compareAssessments(
  a: object,
  b: object,
  ignore: readonly string[] = RUN_FIELDS,
): AssessmentDifference[] {
  const differences: AssessmentDifference[] = [];
  diffObjects(a as Record<string, unknown>, b as Record<string, unknown>, '', new Set(ignore), differences);
  return differences;
}

function diffObjects(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  prefix: string,
  ignore: ReadonlySet<string>,
  out: AssessmentDifference[],
): void {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const key of keys) {
    if (prefix === '' && ignore.has(key)) continue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    diffValues(a[key], b[key], path, key, ignore, out);
  }
}

function diffValues(
  a: unknown,
  b: unknown,
  path: string,
  key: string,
  ignore: ReadonlySet<string>,
  out: AssessmentDifference[],
): void {
  if (key === 'factors' && Array.isArray(a) && Array.isArray(b) && isKeyedByCode(a) && isKeyedByCode(b)) {
    const codes = [...new Set([...a.map((f) => f.code), ...b.map((f) => f.code)])];
    for (const code of codes) {
      const fa = a.find((f) => f.code === code);
      const fb = b.find((f) => f.code === code);
      if (fa === undefined || fb === undefined) out.push({ path: `factors[${code}]`, a: fa, b: fb });
      else diffObjects(fa, fb, `factors[${code}]`, ignore, out);
    }
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    diffObjects(a, b, path, ignore, out);
    return;
  }
  if (serialise(a) !== serialise(b)) out.push({ path, a, b });
}

function isKeyedByCode(list: unknown[]): list is ({ code: string } & Record<string, unknown>)[] {
  return list.every((item) => isPlainObject(item) && typeof item.code === 'string');
}

/** Stricter than the domain's `isRecord`: a Date or any other class instance is compared whole, not key by key. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function serialise(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return canonicalJson(value);
  } catch {
    return String(value);
  }
}
