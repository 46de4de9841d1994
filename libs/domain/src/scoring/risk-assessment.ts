import type { ApplicationInput, FinancingStructure } from '../application/application-input.js';
import { canonicalHash } from '../canonical/canonical-json.js';
import { DomainError } from '../errors/domain-error.js';
import { roundHalfEven } from './round-half-even.js';
import { paramsHash, validateScoringModel } from './scoring-model.define.js';
import {
  BANDS,
  type Band,
  type FactorParams,
  type MitigantRule,
  type MitigantTier,
  type Predicate,
  type RubricRule,
  type ScoringModelParams,
} from './scoring-model.js';
import {
  assertRiskInputs,
  extractRiskInputs,
  normaliseRiskInputs,
  type RiskInputs,
  type RiskMitigant,
  type ScoringReferenceValues,
} from './risk-inputs.js';

/**
 * One mitigant's credit on a factor. `notches` is the number of notches actually taken off the
 * factor (0, 1 or 2): a factor's residual is its gross minus the sum of its credits' notches.
 * Mitigants present but not creditable (condition not met, group limit, cap, factor already at
 * its minimum) are listed with the notches they got (possibly 0) and `reason` says why.
 */
export interface FactorCredit {
  mitigant: string;
  notches: number;
  reason: string;
  /**
   * Models with an evidence rule (1.1.0 on): the document kind that evidences this mitigant.
   * An unevidenced mitigant is listed with 0 notches and the reason `not evidenced`.
   */
  evidenceKind?: string;
}

export interface FactorAssessment {
  code: string;
  /** Weight in basis points of the total score. */
  weight: number;
  gross: number;
  credits: FactorCredit[];
  residual: number;
  /** Why the gross score, e.g. "OECD country risk class 7 → High". */
  reason: string;
}

export type AssessmentStage = 'gross' | 'residual';

/**
 * A SORT-style floor that raised a band. Only a floor that actually changed the band is listed,
 * at most one per stage (the one that set the final band):
 * `{ stage: 'gross' | 'residual', rule: 'one_factor_at_4' | 'two_factors_at_4', band: the band
 * after the floor, fromBand: the band the score alone gave, factors: the codes of the factors at
 * 4, reason: a sentence }`.
 */
export interface FloorApplied {
  stage: AssessmentStage;
  rule: string;
  band: Band;
  fromBand: Band;
  factors: string[];
  reason: string;
}

/**
 * The conservatism rule when it fired (`null` otherwise): the residual band (after floors) was
 * more than `maxBandsBetter` bands better than the gross band and was raised to `band`.
 */
export interface ConservatismApplied {
  fromBand: Band;
  band: Band;
  grossBand: Band;
  reason: string;
}

/** The model's part of the assessment record of scoring.md (the caller adds ids and times). */
export interface AssessmentResult {
  modelVersion: string;
  paramsHash: string;
  inputsHash: string;
  factors: FactorAssessment[];
  gross: { score: number; band: Band };
  residual: { score: number; band: Band };
  /** `G − R`, in hundredths. */
  riskReduction: number;
  /** `round_half_even(10000 × (G − R) / (G − 100))`, basis points; 0 when `G = 100`. */
  riskReductionPct: number;
  /** Expected loss on the senior exposure, basis points; `reductionPct` in basis points. */
  expectedLoss: { grossBp: number; residualBp: number; reductionPct: number };
  floorsApplied: FloorApplied[];
  conservatismApplied: ConservatismApplied | null;
}

const INVALID = 'SCORING.INVALID_INPUTS';

/**
 * FORGE-RRS: the pure assessment of `inputs` under `params`. No clock, randomness or I/O; integer
 * arithmetic only. Throws `DomainError('SCORING.INVALID_INPUTS')` for inputs the model can never
 * score (a value no rubric row matches, an unknown mitigant type, malformed fields).
 *
 * The wrapper form `assess(application, financing, referenceValues, params)` extracts the risk
 * inputs first (`extractRiskInputs`).
 */
export function assess(inputs: RiskInputs, params: ScoringModelParams): AssessmentResult;
export function assess(
  application: ApplicationInput,
  financing: FinancingStructure | null,
  reference: ScoringReferenceValues | null | undefined,
  params: ScoringModelParams,
  documentKinds?: readonly string[],
): AssessmentResult;
export function assess(
  ...args:
    | [RiskInputs, ScoringModelParams]
    | [
        ApplicationInput,
        FinancingStructure | null,
        ScoringReferenceValues | null | undefined,
        ScoringModelParams,
        (readonly string[] | undefined)?,
      ]
): AssessmentResult {
  if (args.length >= 4) {
    const [application, financing, reference, params, documentKinds] = args as [
      ApplicationInput,
      FinancingStructure | null,
      ScoringReferenceValues | null | undefined,
      ScoringModelParams,
      (readonly string[] | undefined)?,
    ];
    const options = documentKinds === undefined ? { params } : { params, documentKinds };
    return assessRiskInputs(extractRiskInputs(application, financing, reference, options), params);
  }
  return assessRiskInputs(args[0] as RiskInputs, args[1] as ScoringModelParams);
}

/** The core pure function (what `assess(inputs, params)` calls). */
export function assessRiskInputs(rawInputs: RiskInputs, params: ScoringModelParams): AssessmentResult {
  assertUsableModel(params);
  assertRiskInputs(rawInputs);
  const inputs = normaliseRiskInputs(rawInputs);
  const evidenced = evidencedSet(inputs, params);

  const grossScores = params.factors.map((factor) => scoreFactor(factor, inputs, params));
  const creditsByFactor = creditMitigants(inputs.mitigants ?? [], params, evidenced);

  const factors: FactorAssessment[] = params.factors.map((factor, i) => {
    const gross = grossScores[i]?.score ?? params.scale.min;
    const { credits, residual } = applyCredits(gross, creditsByFactor.get(factor.code) ?? [], params);
    return {
      code: factor.code,
      weight: factor.weightBp,
      gross,
      credits,
      residual,
      reason: grossScores[i]?.reason ?? '',
    };
  });

  const floorsApplied: FloorApplied[] = [];
  const grossScore = weightedScore(factors, (f) => f.gross);
  const grossBand = bandWithFloors('gross', grossScore, factors, (f) => f.gross, params, floorsApplied);
  const residualScore = weightedScore(factors, (f) => f.residual);
  const floored = bandWithFloors(
    'residual',
    residualScore,
    factors,
    (f) => f.residual,
    params,
    floorsApplied,
  );

  let residualBand = floored;
  let conservatismApplied: ConservatismApplied | null = null;
  const bestAllowed = Math.max(0, BANDS.indexOf(grossBand) - params.conservatism.maxBandsBetter);
  if (BANDS.indexOf(floored) < bestAllowed) {
    residualBand = BANDS[bestAllowed] ?? grossBand;
    conservatismApplied = {
      fromBand: floored,
      band: residualBand,
      grossBand,
      reason:
        `Residual band ${floored} is more than ${params.conservatism.maxBandsBetter} band(s) better than ` +
        `gross band ${grossBand}: raised to ${residualBand}`,
    };
  }

  const riskReduction = grossScore - residualScore;
  const scoreSpan = grossScore - params.scale.min * 100;
  const riskReductionPct = scoreSpan === 0 ? 0 : roundHalfEven(10000 * riskReduction, scoreSpan);

  return {
    modelVersion: params.version,
    paramsHash: paramsHash(params),
    inputsHash: canonicalHash(inputs),
    factors,
    gross: { score: grossScore, band: grossBand },
    residual: { score: residualScore, band: residualBand },
    riskReduction,
    riskReductionPct,
    expectedLoss: expectedLoss(
      grossBand,
      residualBand,
      (inputs.mitigants ?? []).filter((m) => evidenced === null || evidenced.has(m.type)),
      params,
    ),
    floorsApplied,
    conservatismApplied,
  };
}

// ---------------------------------------------------------------------------------------------
// Gross factor scores

function scoreFactor(
  factor: FactorParams,
  inputs: RiskInputs,
  params: ScoringModelParams,
): { score: number; reason: string } {
  const read = (field: string): unknown => readPath(inputs, field);
  const label = (score: number): string => params.scale.labels[score - params.scale.min] ?? String(score);
  const rubric = factor.rubric;
  if (rubric.kind === 'first_match') {
    const rule = firstMatch(rubric.rules, read);
    if (rule === undefined) throw noRubricMatch(factor, inputs);
    return { score: rule.score, reason: `${render(rule.reason, read)} → ${label(rule.score)}` };
  }
  const matched: { rule: RubricRule; text: string }[] = [];
  for (const part of rubric.parts) {
    const rule = firstMatch(part.rules, read);
    if (rule !== undefined) matched.push({ rule, text: render(rule.reason, read) });
    else if (part.required) throw noRubricMatch(factor, inputs, part.rules);
  }
  if (matched.length === 0) throw noRubricMatch(factor, inputs);
  const score = Math.max(...matched.map((m) => m.rule.score));
  const drivers = matched.filter((m) => m.rule.score === score).map((m) => m.text);
  const all = matched.map((m) => `${m.text} ${m.rule.score}`).join(', ');
  const text = drivers.join(' and ');
  const sentence = `${text.charAt(0).toUpperCase()}${text.slice(1)} → ${label(score)}`;
  return { score, reason: matched.length > 1 ? `${sentence} (highest of: ${all})` : sentence };
}

function firstMatch(rules: readonly RubricRule[], read: (field: string) => unknown): RubricRule | undefined {
  return rules.find((rule) => evaluate(rule.when, read));
}

function noRubricMatch(factor: FactorParams, inputs: RiskInputs, only?: readonly RubricRule[]): DomainError {
  const fields = new Set<string>();
  const collect = (p: Predicate<string>): void => {
    if ('all' in p) p.all.forEach(collect);
    else if ('any' in p) p.any.forEach(collect);
    else if ('field' in p) fields.add(p.field);
  };
  const tables =
    only !== undefined
      ? [only]
      : factor.rubric.kind === 'first_match'
        ? [factor.rubric.rules]
        : factor.rubric.parts.map((p) => p.rules);
  tables.flat().forEach((rule) => collect(rule.when));
  const values = [...fields].map((f) => `${f} = ${JSON.stringify(readPath(inputs, f)) ?? 'undefined'}`);
  return new DomainError(INVALID, `no ${factor.code} rubric row matches (${values.join(', ')})`, [
    ...[...fields].map((field) => ({ field, message: `no ${factor.code} rubric row matches this value` })),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Mitigant credits

interface CandidateCredit {
  mitigant: string;
  notches: number;
  reason: string;
  evidenceKind?: string;
}

/** The reason an unevidenced mitigant gets no credit (scoring.md 1.1.0), word for word. */
export const NOT_EVIDENCED = 'not evidenced';

/**
 * The evidenced mitigant types under a model with an evidence rule, or `null` when the model has
 * none (every declared mitigant counts). Such a model needs `evidencedMitigants` in its inputs.
 */
function evidencedSet(inputs: RiskInputs, params: ScoringModelParams): ReadonlySet<string> | null {
  if (params.mitigantEvidence === undefined) return null;
  if (inputs.evidencedMitigants === undefined) {
    throw new DomainError(
      INVALID,
      `FORGE-RRS ${params.version} credits only evidenced mitigants, and these inputs do not say which are evidenced`,
      [{ field: 'evidencedMitigants', message: `required by FORGE-RRS ${params.version}` }],
    );
  }
  return new Set(inputs.evidencedMitigants);
}

/**
 * The raw credits per factor, in the order of the model's mitigant table (best instance per type).
 * Under an evidence rule, an unevidenced type is listed on each of its target factors with 0
 * notches and the reason `not evidenced`, and takes nothing from the cap or a credit group.
 */
function creditMitigants(
  mitigants: readonly RiskMitigant[],
  params: ScoringModelParams,
  evidenced: ReadonlySet<string> | null,
): Map<string, CandidateCredit[]> {
  const rules = new Map(params.mitigants.map((rule) => [rule.type, rule] as const));
  const byType = new Map<string, RiskMitigant[]>();
  for (const m of mitigants) {
    if (!rules.has(m.type)) {
      throw new DomainError(INVALID, `FORGE-RRS ${params.version} has no rule for mitigant type ${m.type}`, [
        { field: 'mitigants', message: `unknown mitigant type ${m.type}` },
      ]);
    }
    byType.set(m.type, [...(byType.get(m.type) ?? []), m]);
  }
  const result = new Map<string, CandidateCredit[]>();
  const push = (factor: string, credit: CandidateCredit): void => {
    result.set(factor, [...(result.get(factor) ?? []), credit]);
  };
  for (const rule of params.mitigants) {
    const instances = byType.get(rule.type);
    if (instances === undefined) continue;
    const evidenceKind = params.mitigantEvidence?.[rule.type];
    const kind = evidenceKind === undefined ? {} : { evidenceKind };
    if (evidenced !== null && !evidenced.has(rule.type)) {
      for (const factor of rule.targets) {
        push(factor, { mitigant: rule.type, notches: 0, reason: NOT_EVIDENCED, ...kind });
      }
      continue;
    }
    const best = bestInstance(rule, instances);
    const read = (field: string): unknown => readPath(best.mitigant, field);
    const suffix = instances.length > 1 ? ` (best of ${instances.length} ${rule.type} instances)` : '';
    if (best.tier === undefined) {
      for (const factor of rule.targets) {
        push(factor, {
          mitigant: rule.type,
          notches: 0,
          reason: `${render(rule.notMet, read)}${suffix}: no credit`,
          ...kind,
        });
      }
      continue;
    }
    for (const credit of best.tier.credits) {
      push(credit.factor, {
        mitigant: rule.type,
        notches: credit.notches,
        reason: `${render(best.tier.reason, read)}${suffix}`,
        ...kind,
      });
    }
  }
  return result;
}

/** The instance whose matching tier credits the most notches; ties go to the first in canonical order. */
function bestInstance(
  rule: MitigantRule,
  instances: readonly RiskMitigant[],
): { mitigant: RiskMitigant; tier: MitigantTier | undefined } {
  let best: { mitigant: RiskMitigant; tier: MitigantTier | undefined; total: number } | undefined;
  for (const mitigant of instances) {
    const tier = rule.tiers.find((t) => evaluate(t.when, (field) => readPath(mitigant, field)));
    const total = tier === undefined ? -1 : tier.credits.reduce((sum, c) => sum + c.notches, 0);
    if (best === undefined || total > best.total) best = { mitigant, tier, total };
  }
  if (best === undefined) throw new Error('bestInstance: no instances');
  return best;
}

/** Applies credit groups, the per-factor cap and the factor minimum, in the model's mitigant order. */
function applyCredits(
  gross: number,
  candidates: readonly CandidateCredit[],
  params: ScoringModelParams,
): { credits: FactorCredit[]; residual: number } {
  const cap = params.creditCapPerFactor;
  const groupUsed = new Map<number, number>();
  let used = 0;
  let residual = gross;
  const credits = candidates.map((candidate): FactorCredit => {
    let notches = candidate.notches;
    const limits: string[] = [];
    params.creditGroups.forEach((group, gi) => {
      if (notches === 0 || !group.types.includes(candidate.mitigant)) return;
      const left = Math.max(0, group.maxNotches - (groupUsed.get(gi) ?? 0));
      if (notches > left) {
        notches = left;
        limits.push(group.reason);
      }
    });
    if (notches > cap - used) {
      notches = Math.max(0, cap - used);
      limits.push(`a factor takes at most ${cap} notches of credit`);
    }
    if (notches > residual - params.scale.min) {
      notches = Math.max(0, residual - params.scale.min);
      limits.push(`the factor cannot go below ${params.scale.min}`);
    }
    params.creditGroups.forEach((group, gi) => {
      if (group.types.includes(candidate.mitigant)) groupUsed.set(gi, (groupUsed.get(gi) ?? 0) + notches);
    });
    used += notches;
    residual -= notches;
    const limited =
      limits.length === 0
        ? ''
        : `; ${notches} of ${candidate.notches} notch(es) counted: ${limits.join('; ')}`;
    const kind = candidate.evidenceKind === undefined ? {} : { evidenceKind: candidate.evidenceKind };
    return { mitigant: candidate.mitigant, notches, reason: `${candidate.reason}${limited}`, ...kind };
  });
  return { credits, residual };
}

// ---------------------------------------------------------------------------------------------
// Score, band, floors, expected loss

function weightedScore(factors: readonly FactorAssessment[], score: (f: FactorAssessment) => number): number {
  const sum = factors.reduce((acc, f) => acc + f.weight * score(f), 0);
  return roundHalfEven(sum, 100);
}

function bandOf(score: number, params: ScoringModelParams): Band {
  for (const { band, below } of params.bands) if (below === null || score < below) return band;
  throw new Error('bandOf: the last band has no upper bound');
}

function bandWithFloors(
  stage: 'gross' | 'residual',
  score: number,
  factors: readonly FactorAssessment[],
  factorScore: (f: FactorAssessment) => number,
  params: ScoringModelParams,
  floorsApplied: FloorApplied[],
): Band {
  const fromBand = bandOf(score, params);
  let band = fromBand;
  let applied: FloorApplied | undefined;
  for (const floor of params.floors) {
    const at = factors.filter((f) => factorScore(f) === floor.atScore).map((f) => f.code);
    if (at.length < floor.minFactors || BANDS.indexOf(floor.band) <= BANDS.indexOf(band)) continue;
    band = floor.band;
    applied = {
      stage,
      rule: floor.rule,
      band,
      fromBand,
      factors: at,
      reason:
        `${at.length} factor(s) at ${floor.atScore} (${at.join(', ')}): ${stage} band at least ${floor.band}` +
        ` (the score ${score} alone gives ${fromBand})`,
    };
  }
  if (applied !== undefined) floorsApplied.push(applied);
  return band;
}

function expectedLoss(
  grossBand: Band,
  residualBand: Band,
  mitigants: readonly RiskMitigant[],
  params: ScoringModelParams,
): AssessmentResult['expectedLoss'] {
  const { pdBp, lgdBp, firstLossMitigant, guaranteeMitigant } = params.expectedLoss;
  const largest = (type: string, field: 'pctBp' | 'coverageBp'): number =>
    mitigants.filter((m) => m.type === type).reduce((max, m) => Math.max(max, m[field] ?? 0), 0);
  // Percentages are basis points here, so scoring.md's `100 × firstLossPct` is `firstLossBp` and
  // `(100 − pcgPct) / 1,000,000` is `(10000 − pcgBp) / 100,000,000`: identical for whole percents.
  const firstLossBp = largest(firstLossMitigant, 'pctBp');
  const guaranteeBp = largest(guaranteeMitigant, 'coverageBp');
  const grossBp = roundHalfEven(pdBp[grossBand] * lgdBp, 10000);
  const residualBp = roundHalfEven(
    BigInt(pdBp[residualBand]) * BigInt(Math.max(0, lgdBp - firstLossBp)) * BigInt(10000 - guaranteeBp),
    100_000_000,
  );
  const reductionPct = grossBp === 0 ? 0 : roundHalfEven(10000 * (grossBp - residualBp), grossBp);
  return { grossBp, residualBp, reductionPct };
}

// ---------------------------------------------------------------------------------------------
// Predicates and reason templates

function evaluate(predicate: Predicate<string>, read: (field: string) => unknown): boolean {
  if ('always' in predicate) return true;
  if ('all' in predicate) return predicate.all.every((p) => evaluate(p, read));
  if ('any' in predicate) return predicate.any.some((p) => evaluate(p, read));
  const value = read(predicate.field);
  if ('in' in predicate) return predicate.in.some((candidate) => candidate === value);
  if ('lt' in predicate) return typeof value === 'number' && value < predicate.lt;
  if ('gte' in predicate) return typeof value === 'number' && value >= predicate.gte;
  return Array.isArray(value) && predicate.includesAll.every((v) => value.includes(v));
}

const splitPaths = new Map<string, readonly string[]>();

function readPath(object: unknown, path: string): unknown {
  let keys = splitPaths.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    splitPaths.set(path, keys);
  }
  let value: unknown = object;
  for (const key of keys) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const TEMPLATE_FIELD = /\{([A-Za-z.]+)\}/g;

function render(template: string, read: (field: string) => unknown): string {
  return template.replace(TEMPLATE_FIELD, (_match, field: string) => formatValue(field, read(field)));
}

function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return 'not given';
  if (typeof value === 'number' && field.endsWith('Bp')) return formatBpAsPercent(value);
  if (typeof value === 'number' && field.endsWith('baseCaseDscr')) {
    return `${Math.trunc(value / 100)}.${String(value % 100).padStart(2, '0')}x`;
  }
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** 6000 → "60%", 1250 → "12.5%", 1205 → "12.05%" (integer arithmetic only). */
export function formatBpAsPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = bp % 100;
  if (fraction === 0) return `${whole}%`;
  return `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}%`;
}

const checkedModels = new WeakSet<object>();

function assertUsableModel(params: ScoringModelParams): void {
  if (checkedModels.has(params)) return;
  const problems = validateScoringModel(params);
  if (problems.length > 0) {
    throw new DomainError('SCORING.INVALID_MODEL', `scoring model ${params.version} is invalid`, problems);
  }
  if (Object.isFrozen(params)) checkedModels.add(params);
}
