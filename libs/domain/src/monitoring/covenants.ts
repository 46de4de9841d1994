import type { FieldProblem } from '../application/ownership-tree.js';
import { exactHundredths } from '../application/ownership-tree.js';
import { isRecord } from '../canonical/json.js';
import { isIsoDate, isoDateOf, addCalendarDays, parseInstant } from '../deadlines/time.js';
import type { AmrFigures } from './amr.js';

/**
 * monitoring.md: covenants are data on the financing structure, `{ code, kind, rule }`, tested
 * by pure functions against each annual monitoring report. Each rule type belongs to one kind.
 */
export const COVENANT_KINDS = ['financial', 'es', 'reporting'] as const;
export type CovenantKind = (typeof COVENANT_KINDS)[number];

export type CovenantRule =
  /** Actual DSCR at least `min` hundredths (1.20x = 120). */
  | { type: 'min_dscr'; min: number }
  /** At most `max` fatalities in the year (zero fatalities: `max: 0`). */
  | { type: 'max_fatalities'; max: number }
  /** Lost-time injury frequency at most `max` hundredths. */
  | { type: 'max_ltifr'; max: number }
  | { type: 'max_water_withdrawal_m3'; max: number }
  | { type: 'max_ghg_scope12_tonnes'; max: number }
  /** Grievances resolved ÷ received at least `minPct` (a year without grievances meets it). */
  | { type: 'min_grievance_resolution_pct'; minPct: number }
  | { type: 'min_local_employment_pct'; minPct: number }
  | { type: 'min_local_procurement_pct'; minPct: number }
  /** The report was submitted by its due date plus `graceDays`. */
  | { type: 'amr_on_time'; graceDays: number };
export type CovenantRuleType = CovenantRule['type'];

export const COVENANT_RULE_KIND: Readonly<Record<CovenantRuleType, CovenantKind>> = {
  min_dscr: 'financial',
  max_fatalities: 'es',
  max_ltifr: 'es',
  max_water_withdrawal_m3: 'es',
  max_ghg_scope12_tonnes: 'es',
  min_grievance_resolution_pct: 'es',
  min_local_employment_pct: 'es',
  min_local_procurement_pct: 'es',
  amr_on_time: 'reporting',
};

export interface Covenant {
  code: string;
  kind: CovenantKind;
  rule: CovenantRule;
}

/** The fund's standard covenants, used when a financing structure records none. */
export const DEFAULT_COVENANTS: readonly Covenant[] = Object.freeze([
  { code: 'DSCR_MIN', kind: 'financial', rule: { type: 'min_dscr', min: 120 } },
  { code: 'ZERO_FATALITIES', kind: 'es', rule: { type: 'max_fatalities', max: 0 } },
  { code: 'AMR_ON_TIME', kind: 'reporting', rule: { type: 'amr_on_time', graceDays: 0 } },
]);

export function effectiveCovenants(covenants: readonly Covenant[] | null | undefined): Covenant[] {
  return (covenants && covenants.length > 0 ? covenants : DEFAULT_COVENANTS).map((c) => ({
    ...c,
    rule: { ...c.rule },
  }));
}

const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
/** The name of rule type `T`'s one parameter (`min`, `max`, `minPct` or `graceDays`). */
type RuleParameter<T extends CovenantRuleType> = Exclude<keyof Extract<CovenantRule, { type: T }>, 'type'>;
/** Each rule type's one parameter: its name, its bound, whether it is a percentage. */
type RuleSpecs = {
  readonly [T in CovenantRuleType]: { key: RuleParameter<T>; max: number; pct?: boolean };
};
const PERCENTAGE = { key: 'minPct', max: 100, pct: true } as const;
const RULES: RuleSpecs = {
  min_dscr: { key: 'min', max: 1000 },
  max_fatalities: { key: 'max', max: 100_000 },
  max_ltifr: { key: 'max', max: 100_000 },
  max_water_withdrawal_m3: { key: 'max', max: 1_000_000_000_000 },
  max_ghg_scope12_tonnes: { key: 'max', max: 1_000_000_000_000 },
  min_grievance_resolution_pct: PERCENTAGE,
  min_local_employment_pct: PERCENTAGE,
  min_local_procurement_pct: PERCENTAGE,
  amr_on_time: { key: 'graceDays', max: 365 },
};

/**
 * The rule of `type` with its one parameter set to `value`. Every rule is `{ type, <parameter> }` and `RuleSpecs`
 * types each `key` as its type's parameter, so this is the one place the object is assembled. TypeScript cannot
 * follow a computed key into the union, hence the cast; amr-covenants.spec.ts reads every rule type back.
 */
function ruleOf(type: CovenantRuleType, value: number): CovenantRule {
  return { type, [RULES[type].key]: value } as CovenantRule;
}

function isRuleType(value: unknown): value is CovenantRuleType {
  return typeof value === 'string' && Object.hasOwn(RULES, value);
}

/**
 * A covenant list read from a request: the covenants, typed and copied, and the field problems (when there is
 * any, the list is empty). At most 30; codes `UPPER_SNAKE` (2–40), unique; `kind` the one of the rule's type; the
 * rule's single parameter in range (percentages with at most two decimals); no other field.
 */
export function parseCovenants(
  raw: unknown,
  field = 'covenants',
): { covenants: Covenant[]; problems: FieldProblem[] } {
  const covenants: Covenant[] = [];
  if (!Array.isArray(raw)) return { covenants, problems: [{ field, message: 'must be a list' }] };
  if (raw.length > 30) return { covenants, problems: [{ field, message: 'must have at most 30 covenants' }] };
  const problems: FieldProblem[] = [];
  const codes = new Set<string>();
  raw.forEach((item: unknown, i) => {
    const at = `${field}[${i}]`;
    const problemsBefore = problems.length;
    if (!isRecord(item)) {
      problems.push({ field: at, message: 'must be an object' });
      return;
    }
    const c = item;
    for (const key of Object.keys(c)) {
      if (!['code', 'kind', 'rule'].includes(key))
        problems.push({ field: `${at}.${key}`, message: 'is not a covenant field' });
    }
    const code = c.code;
    if (typeof code !== 'string' || !CODE.test(code)) {
      problems.push({ field: `${at}.code`, message: 'must be 2–40 upper-case letters, digits or _' });
    } else if (codes.has(code)) {
      problems.push({ field: `${at}.code`, message: `duplicates ${code}` });
    } else {
      codes.add(code);
    }
    const params = c.rule;
    if (!isRecord(params)) {
      problems.push({ field: `${at}.rule`, message: 'must be an object with a type' });
      return;
    }
    const type = params.type;
    if (!isRuleType(type)) {
      problems.push({
        field: `${at}.rule.type`,
        message: `must be one of ${Object.keys(RULES).join(', ')}`,
      });
      return;
    }
    const spec = RULES[type];
    if (c.kind !== COVENANT_RULE_KIND[type]) {
      problems.push({ field: `${at}.kind`, message: `must be ${COVENANT_RULE_KIND[type]} for ${type}` });
    }
    for (const key of Object.keys(params)) {
      if (key !== 'type' && key !== spec.key)
        problems.push({ field: `${at}.rule.${key}`, message: `is not a parameter of ${type}` });
    }
    const value = params[spec.key];
    const hundredths = exactHundredths(value);
    const ok =
      typeof value === 'number' &&
      (spec.pct
        ? hundredths !== null && hundredths <= spec.max * 100
        : Number.isSafeInteger(value) && value >= 0 && value <= spec.max);
    if (!ok) {
      problems.push({
        field: `${at}.rule.${spec.key}`,
        message: spec.pct
          ? `must be a percentage 0–${spec.max} with at most two decimals`
          : `must be an integer from 0 to ${spec.max}`,
      });
    }
    if (ok && typeof code === 'string' && problems.length === problemsBefore) {
      covenants.push({ code, kind: COVENANT_RULE_KIND[type], rule: ruleOf(type, value) });
    }
  });
  return problems.length === 0 ? { covenants, problems } : { covenants: [], problems };
}

/** When and how a report was filed: what `amr_on_time` reads. */
export interface AmrFiling {
  dueDate: string;
  submittedAt: string;
}

export interface CovenantResult {
  code: string;
  kind: CovenantKind;
  type: CovenantRuleType;
  met: boolean;
  /** The figure tested (hundredths where the rule is in hundredths; days late for `amr_on_time`). */
  actual: number;
  /** The rule's threshold, in the same unit. */
  threshold: number;
  message: string;
}

function pct(value: number): number {
  return exactHundredths(value) ?? 0;
}

/** Tests one covenant against one report. Integer arithmetic only. */
export function testCovenant(covenant: Covenant, figures: AmrFigures, filing: AmrFiling): CovenantResult {
  const r = covenant.rule;
  const result = (met: boolean, actual: number, threshold: number, message: string): CovenantResult => ({
    code: covenant.code,
    kind: covenant.kind,
    type: r.type,
    met,
    actual,
    threshold,
    message,
  });
  const atMost = (actual: number, max: number, what: string) =>
    result(actual <= max, actual, max, `${what} ${actual} ${actual <= max ? '≤' : '>'} ${max}`);
  switch (r.type) {
    case 'min_dscr':
      return result(
        figures.dscrActual >= r.min,
        figures.dscrActual,
        r.min,
        `DSCR ${(figures.dscrActual / 100).toFixed(2)}x ${figures.dscrActual >= r.min ? '≥' : '<'} ${(r.min / 100).toFixed(2)}x`,
      );
    case 'max_fatalities':
      return atMost(figures.fatalities, r.max, 'fatalities');
    case 'max_ltifr':
      return atMost(figures.lostTimeInjuryFrequency, r.max, 'LTIFR (hundredths)');
    case 'max_water_withdrawal_m3':
      return atMost(figures.waterWithdrawalM3, r.max, 'water withdrawal m³');
    case 'max_ghg_scope12_tonnes':
      return atMost(figures.ghgScope12Tonnes, r.max, 'GHG scope 1+2 t');
    case 'min_grievance_resolution_pct': {
      const min = pct(r.minPct);
      const received = figures.grievancesReceived;
      // resolved / received ≥ min / 10000 ⇔ resolved × 10000 ≥ min × received (no division).
      const met = received === 0 || figures.grievancesResolved * 10_000 >= min * received;
      const actual = received === 0 ? 10_000 : Math.floor((figures.grievancesResolved * 10_000) / received);
      return result(met, actual, min, `grievances resolved ${figures.grievancesResolved} of ${received}`);
    }
    case 'min_local_employment_pct': {
      const [actual, min] = [pct(figures.localEmploymentPct), pct(r.minPct)];
      return result(
        actual >= min,
        actual,
        min,
        `local employment ${figures.localEmploymentPct}% vs ${r.minPct}%`,
      );
    }
    case 'min_local_procurement_pct': {
      const [actual, min] = [pct(figures.localProcurementPct), pct(r.minPct)];
      return result(
        actual >= min,
        actual,
        min,
        `local procurement ${figures.localProcurementPct}% vs ${r.minPct}%`,
      );
    }
    case 'amr_on_time': {
      const submitted = isoDateOf(parseInstant(filing.submittedAt, 'submittedAt'));
      const deadline = isIsoDate(filing.dueDate)
        ? addCalendarDays(filing.dueDate, r.graceDays)
        : filing.dueDate;
      const daysLate = Math.max(
        0,
        Math.round((Date.parse(`${submitted}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000),
      );
      return result(
        submitted <= deadline,
        daysLate,
        r.graceDays,
        submitted <= deadline
          ? `filed ${submitted}, due ${filing.dueDate}`
          : `filed ${submitted}, ${daysLate} day(s) after ${deadline}`,
      );
    }
    default: {
      const unknown: never = r;
      throw new Error(`unknown covenant rule ${JSON.stringify(unknown)}`);
    }
  }
}

/** Tests every covenant against a report; `breaches` are the results not met, in covenant order. */
export function testCovenants(
  covenants: readonly Covenant[],
  figures: AmrFigures,
  filing: AmrFiling,
): { results: CovenantResult[]; breaches: CovenantResult[] } {
  const results = covenants.map((c) => testCovenant(c, figures, filing));
  return { results, breaches: results.filter((r) => !r.met) };
}
