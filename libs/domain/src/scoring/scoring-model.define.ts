import { canonicalHash } from '../canonical/canonical-json.js';
import { DomainError, type DomainErrorDetail } from '../errors/domain-error.js';
import {
  BANDS,
  MITIGANT_FIELDS,
  RISK_FIELDS,
  type Predicate,
  type ScoringModelParams,
} from './scoring-model.js';

const TEMPLATE_FIELD = /\{([A-Za-z.]+)\}/g;

/**
 * Validates a model version's parameters and deep-freezes them. Every registered model is built
 * with this, so a malformed model fails at load time, not in the middle of a job.
 */
export function defineScoringModel<P extends ScoringModelParams>(params: P): P {
  const problems = validateScoringModel(params);
  if (problems.length > 0) {
    throw new DomainError(
      'SCORING.INVALID_MODEL',
      `scoring model ${params.model} ${params.version} is invalid`,
      problems,
    );
  }
  return deepFreeze(params);
}

/** The problems of a parameter set (empty when it is usable). */
export function validateScoringModel(params: ScoringModelParams): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  const add = (field: string, message: string): void => {
    problems.push({ field, message });
  };
  const { scale } = params;
  if (!isInt(scale.min) || !isInt(scale.max) || scale.min < 1 || scale.max < scale.min) {
    add('scale', 'scale needs integer min ≥ 1 and max ≥ min');
  }
  if (scale.labels.length !== scale.max - scale.min + 1) add('scale.labels', 'one label per score');

  const codes = new Set<string>();
  let weightSum = 0;
  params.factors.forEach((factor, i) => {
    const at = `factors[${i}]`;
    if (codes.has(factor.code)) add(`${at}.code`, `duplicate factor ${factor.code}`);
    codes.add(factor.code);
    if (!isInt(factor.weightBp) || factor.weightBp <= 0) add(`${at}.weightBp`, 'positive integer');
    weightSum += factor.weightBp;
    const tables =
      factor.rubric.kind === 'first_match' ? [factor.rubric.rules] : factor.rubric.parts.map((p) => p.rules);
    if (tables.length === 0 || tables.some((t) => t.length === 0)) add(`${at}.rubric`, 'empty rubric table');
    for (const rule of tables.flat()) {
      if (!isInt(rule.score) || rule.score < scale.min || rule.score > scale.max) {
        add(`${at}.rubric`, `score ${rule.score} outside the scale`);
      }
      checkPredicate(rule.when, RISK_FIELDS, `${at}.rubric`, add);
      checkTemplate(rule.reason, RISK_FIELDS, `${at}.rubric`, add);
    }
  });
  if (weightSum !== 10000) add('factors', `weights sum to ${weightSum}, not 10000`);

  const bandNames = params.bands.map((b) => b.band);
  if (bandNames.join() !== BANDS.join()) add('bands', `bands must be ${BANDS.join(', ')} in that order`);
  params.bands.forEach((b, i) => {
    const last = i === params.bands.length - 1;
    if (last ? b.below !== null : !isInt(b.below)) add(`bands[${i}].below`, 'integer, null only on the last');
    const previous = i > 0 ? params.bands[i - 1]?.below : null;
    if (!last && isInt(previous) && isInt(b.below) && b.below <= previous) {
      add(`bands[${i}].below`, 'thresholds must increase');
    }
  });
  params.floors.forEach((f, i) => {
    if (!isInt(f.minFactors) || f.minFactors < 1) add(`floors[${i}].minFactors`, 'integer ≥ 1');
    if (!isInt(f.atScore)) add(`floors[${i}].atScore`, 'integer');
  });

  const types = new Set<string>();
  params.mitigants.forEach((m, i) => {
    const at = `mitigants[${i}]`;
    if (types.has(m.type)) add(`${at}.type`, `duplicate mitigant type ${m.type}`);
    types.add(m.type);
    for (const target of m.targets) if (!codes.has(target)) add(`${at}.targets`, `unknown factor ${target}`);
    checkTemplate(m.notMet, MITIGANT_FIELDS, `${at}.notMet`, add);
    for (const tier of m.tiers) {
      checkPredicate(tier.when, MITIGANT_FIELDS, `${at}.tiers`, add);
      checkTemplate(tier.reason, MITIGANT_FIELDS, `${at}.tiers`, add);
      for (const credit of tier.credits) {
        if (!m.targets.includes(credit.factor)) add(`${at}.tiers`, `credit on non-target ${credit.factor}`);
        if (!isInt(credit.notches) || credit.notches < 1) add(`${at}.tiers`, 'notches: integer ≥ 1');
      }
    }
  });
  if (params.mitigantEvidence !== undefined) {
    const evidence = params.mitigantEvidence;
    if (evidence === null || typeof evidence !== 'object' || Array.isArray(evidence)) {
      add('mitigantEvidence', 'a map of mitigant type to document kind');
    } else {
      for (const [type, kind] of Object.entries(evidence)) {
        if (!types.has(type)) add(`mitigantEvidence.${type}`, `unknown mitigant type ${type}`);
        if (typeof kind !== 'string' || !/^[a-z][a-z0-9_]*$/.test(kind)) {
          add(`mitigantEvidence.${type}`, 'a document kind (lower-case identifier)');
        }
      }
      for (const type of types) {
        if (!(type in evidence)) add('mitigantEvidence', `no evidence document kind for ${type}`);
      }
    }
  }
  params.creditGroups.forEach((g, i) => {
    if (!codes.has(g.factor)) add(`creditGroups[${i}].factor`, `unknown factor ${g.factor}`);
    for (const t of g.types) if (!types.has(t)) add(`creditGroups[${i}].types`, `unknown mitigant ${t}`);
    if (!isInt(g.maxNotches) || g.maxNotches < 0) add(`creditGroups[${i}].maxNotches`, 'integer ≥ 0');
  });
  if (!isInt(params.creditCapPerFactor) || params.creditCapPerFactor < 0) {
    add('creditCapPerFactor', 'integer ≥ 0');
  }
  if (!isInt(params.conservatism.maxBandsBetter) || params.conservatism.maxBandsBetter < 0) {
    add('conservatism.maxBandsBetter', 'integer ≥ 0');
  }
  const el = params.expectedLoss;
  for (const band of BANDS)
    if (!isInt(el.pdBp[band]) || el.pdBp[band] < 1) add(`expectedLoss.pdBp.${band}`, '≥ 1');
  if (!isInt(el.lgdBp) || el.lgdBp < 0 || el.lgdBp > 10000) add('expectedLoss.lgdBp', 'integer 0–10000');
  if (!types.has(el.firstLossMitigant)) add('expectedLoss.firstLossMitigant', 'unknown mitigant type');
  if (!types.has(el.guaranteeMitigant)) add('expectedLoss.guaranteeMitigant', 'unknown mitigant type');
  return problems;
}

const hashCache = new WeakMap<object, string>();

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of the parameters. Memoised for frozen parameter
 * objects (those from `defineScoringModel`), which cannot change after the first call.
 */
export function paramsHash(params: ScoringModelParams): string {
  const cached = hashCache.get(params);
  if (cached !== undefined) return cached;
  const hash = canonicalHash(params);
  if (Object.isFrozen(params)) hashCache.set(params, hash);
  return hash;
}

function checkPredicate(
  predicate: Predicate<string>,
  fields: readonly string[],
  at: string,
  add: (field: string, message: string) => void,
): void {
  if ('all' in predicate || 'any' in predicate) {
    const children = 'all' in predicate ? predicate.all : predicate.any;
    if (children.length === 0) add(at, 'empty all/any');
    for (const child of children) checkPredicate(child, fields, at, add);
    return;
  }
  if ('always' in predicate) return;
  if (!fields.includes(predicate.field)) add(at, `unknown field ${predicate.field}`);
}

function checkTemplate(
  template: string,
  fields: readonly string[],
  at: string,
  add: (field: string, message: string) => void,
): void {
  for (const match of template.matchAll(TEMPLATE_FIELD)) {
    const name = match[1] ?? '';
    if (!fields.includes(name)) add(at, `unknown template field {${name}}`);
  }
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
