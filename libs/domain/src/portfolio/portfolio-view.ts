import {
  ES_CATEGORIES,
  INSTRUMENTS,
  VALUE_CHAIN_SEGMENTS,
  type EsCategory,
} from '../application/application-input.js';
import { DomainError } from '../errors/domain-error.js';
import { STAGES } from '../pipeline/stages.js';
import type { CountriesSnapshot } from '../reference/reference-data.js';
import { roundHalfEven } from '../scoring/round-half-even.js';
import type { OrganizationFact } from './cofinancing.js';
import { envelopeTotals, type EnvelopeTotals } from './envelope.js';
import { portfolioMobilisation, type Mobilisation } from './mobilisation.js';
import {
  assertPortfolioFacts,
  exposureUsd,
  forgeAmountUsd,
  forgeInstrument,
  inBook,
  portfolioBucket,
  type PortfolioApplicationFact,
} from './portfolio-facts.js';
import { policyRef } from './portfolio-policy.define.js';
import type {
  LimitDimension,
  PolicyRef,
  PortfolioLimitParams,
  PortfolioPolicyParams,
} from './portfolio-policy.js';
import { exceedsMaxShare, formatPercent, meetsMinShare, shareBp } from './shares.js';

/** portfolio.md: the bilateral frameworks with Argentina, Ecuador, Paraguay and Peru. */
export const BILATERAL_FRAMEWORK_COUNTRIES: readonly string[] = Object.freeze(['AR', 'EC', 'PE', 'PY']);

/** The built-in four plus every country the countries reference marks `forgeFramework`, sorted. */
export function frameworkCountryCodes(countries?: CountriesSnapshot | null): string[] {
  const codes = new Set(BILATERAL_FRAMEWORK_COUNTRIES);
  for (const country of countries?.content.countries ?? []) {
    if (country.forgeFramework === true) codes.add(country.code);
  }
  return [...codes].sort();
}

const DAY_MS = 86_400_000;

/** A limit's status on the book as it stands (no application added). */
export interface LimitStatus {
  limit: string;
  name: string;
  bound: 'max' | 'min';
  limitBp: number;
  limitPct: string;
  base: 'envelope' | 'book';
  blocking: boolean;
  /** The bucket measured: a value of the dimension, or the group joined by `+`. */
  key: string;
  usd: number;
  /** Share of the limit's base, rounded away from compliance (up for a max, down for a min). */
  shareBp: number;
  sharePct: string;
  /** A maximum exceeded, or a minimum not reached (exact integer comparison). */
  breached: boolean;
}

export interface ExposureRow {
  key: string;
  /** Committed + financed exposure, integer US dollars. */
  usd: number;
  count: number;
  /** Share of the envelope, half-even. */
  shareOfEnvelopeBp: number;
  shareOfEnvelopePct: string;
  /** The per-value limit on this dimension (COUNTRY for a country), if the policy has one. */
  limit: LimitStatus | null;
  /** Group limits or targets this value belongs to (RISK_CAPITAL for `equity`), by code. */
  groups: string[];
}

export interface FunnelRow {
  stage: string;
  count: number;
  /** Σ FORGE amounts of the applications in the stage. */
  usd: number;
  /** Median of whole days since each entered the stage; `null` when the stage is empty. */
  medianDaysInStage: number | null;
}

export interface CategoryRow {
  category: EsCategory | 'none';
  count: number;
  usd: number;
  /** Share of committed + financed, half-even. */
  shareBp: number;
  sharePct: string;
}

export interface RiskReduced {
  /** Σ exposure × ELgross ÷ 10,000: US$ of expected loss per year before the structure. */
  grossUsdPerYear: number;
  /** Σ exposure × ELresidual ÷ 10,000. */
  residualUsdPerYear: number;
  /** Σ exposure × (ELgross − ELresidual) ÷ 10,000: expected loss avoided, US$ per year. */
  reducedUsdPerYear: number;
  /** Committed and financed applications counted (with an assessment). */
  applications: number;
  /** Committed and financed applications without an assessment (not counted). */
  withoutAssessment: number;
}

export interface PortfolioView {
  asOf: string;
  policy: PolicyRef;
  envelope: EnvelopeTotals;
  exposures: Record<LimitDimension, ExposureRow[]>;
  /** Every limit of the policy on the book: per-value limits at their largest bucket, groups whole. */
  limits: LimitStatus[];
  funnel: FunnelRow[];
  categoryMix: CategoryRow[];
  frameworkCountries: { countries: string[]; usd: number; shareOfBookBp: number; shareOfBookPct: string };
  riskReduced: RiskReduced;
  mobilisation: Mobilisation;
}

export interface PortfolioViewArgs {
  facts: readonly PortfolioApplicationFact[];
  envelopeUsd: number;
  policy: PortfolioPolicyParams;
  organizations: ReadonlyMap<string, OrganizationFact>;
  countries?: CountriesSnapshot | null;
  /** The clock (ISO 8601): the view is as of this moment. */
  now: string;
}

function valueOf(fact: PortfolioApplicationFact, dimension: LimitDimension): string {
  switch (dimension) {
    case 'country':
      return fact.country;
    case 'mineral':
      return fact.mineral;
    case 'obligor':
      return fact.organizationId;
    case 'instrument':
      return forgeInstrument(fact);
    case 'segment':
      return fact.valueChainSegment;
  }
}

function parseInstant(value: string, field: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new DomainError('PORTFOLIO.INVALID_FACTS', `${field} is not an ISO 8601 instant`, [
      { field, message: `got ${value}` },
    ]);
  }
  return ms;
}

function limitStatus(limit: PortfolioLimitParams, key: string, usd: number, base: number): LimitStatus {
  const isMax = limit.bound === 'max';
  const bp = shareBp(usd, base, isMax ? 'up' : 'down');
  return {
    limit: limit.code,
    name: limit.name,
    bound: limit.bound,
    limitBp: limit.bp,
    limitPct: formatPercent(limit.bp),
    base: limit.base,
    blocking: limit.blocking,
    key,
    usd,
    shareBp: bp,
    sharePct: formatPercent(bp),
    breached: isMax ? exceedsMaxShare(usd, base, limit.bp) : !meetsMinShare(usd, base, limit.bp),
  };
}

/** Whole days from `from` to `to` (floor, never negative). */
export function wholeDaysBetween(fromMs: number, toMs: number): number {
  return Math.max(0, Math.floor((toMs - fromMs) / DAY_MS));
}

/** The median of integers; an even count takes the two middle values' mean, rounded half-even. */
export function medianInteger(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] ?? null;
  return roundHalfEven((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0), 2);
}

/**
 * The figures of `GET /portfolio` (portfolio.md "Portfolio view"), as of `now`. Exposures, limits,
 * category mix, framework share, risk reduced and mobilisation are measured on the book
 * (committed + financed); the funnel covers every stage after `draft`.
 */
export function buildPortfolioView(args: PortfolioViewArgs): PortfolioView {
  const { facts, envelopeUsd, policy } = args;
  assertPortfolioFacts(facts);
  const nowMs = parseInstant(args.now, 'now');
  const envelope = envelopeTotals(facts, envelopeUsd);
  const book = facts.filter(inBook);
  const bookUsd = book.reduce((sum, f) => sum + exposureUsd(f), 0);
  const baseOf = (limit: PortfolioLimitParams): number => (limit.base === 'envelope' ? envelopeUsd : bookUsd);

  const totalsBy = (dimension: LimitDimension): Map<string, { usd: number; count: number }> => {
    const map = new Map<string, { usd: number; count: number }>();
    for (const fact of book) {
      const key = valueOf(fact, dimension);
      const entry = map.get(key) ?? { usd: 0, count: 0 };
      entry.usd += exposureUsd(fact);
      entry.count += 1;
      map.set(key, entry);
    }
    return map;
  };

  const dimensions: LimitDimension[] = ['country', 'mineral', 'obligor', 'segment', 'instrument'];
  const exposures = {} as Record<LimitDimension, ExposureRow[]>;
  const limits: LimitStatus[] = [];
  for (const dimension of dimensions) {
    const totals = totalsBy(dimension);
    if (dimension === 'segment')
      for (const s of VALUE_CHAIN_SEGMENTS) if (!totals.has(s)) totals.set(s, { usd: 0, count: 0 });
    if (dimension === 'instrument')
      for (const i of INSTRUMENTS) if (!totals.has(i)) totals.set(i, { usd: 0, count: 0 });
    const perValue = policy.limits.find((l) => l.dimension === dimension && l.group === null) ?? null;
    const groupLimits = policy.limits.filter((l) => l.dimension === dimension && l.group !== null);
    const rows = [...totals.entries()].map(([key, { usd, count }]): ExposureRow => {
      const share = shareBp(usd, envelopeUsd);
      return {
        key,
        usd,
        count,
        shareOfEnvelopeBp: share,
        shareOfEnvelopePct: formatPercent(share),
        limit: perValue === null ? null : limitStatus(perValue, key, usd, baseOf(perValue)),
        groups: groupLimits.filter((l) => l.group?.includes(key)).map((l) => l.code),
      };
    });
    rows.sort((a, b) => b.usd - a.usd || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    exposures[dimension] = rows;
  }
  for (const limit of policy.limits) {
    if (limit.group === null) {
      // The largest bucket is the one closest to a maximum (or, for a minimum, the one that meets it best).
      const top = exposures[limit.dimension][0];
      limits.push(limitStatus(limit, top?.key ?? '-', top?.usd ?? 0, baseOf(limit)));
    } else {
      const members = limit.group;
      const usd = book
        .filter((f) => members.includes(valueOf(f, limit.dimension)))
        .reduce((sum, f) => sum + exposureUsd(f), 0);
      limits.push(limitStatus(limit, members.join('+'), usd, baseOf(limit)));
    }
  }

  const funnel: FunnelRow[] = STAGES.filter((stage) => stage !== 'draft').map((stage) => {
    const inStage = facts.filter((f) => f.stage === stage);
    return {
      stage,
      count: inStage.length,
      usd: inStage.reduce((sum, f) => sum + forgeAmountUsd(f), 0),
      medianDaysInStage: medianInteger(
        inStage.map((f) => wholeDaysBetween(parseInstant(f.stageEnteredAt, 'stageEnteredAt'), nowMs)),
      ),
    };
  });
  // A stage the facts know that the stage list does not (monitoring.md's later stages) still shows.
  for (const fact of facts) {
    if (fact.stage !== 'draft' && !funnel.some((row) => row.stage === fact.stage)) {
      portfolioBucket(fact.stage);
      const inStage = facts.filter((f) => f.stage === fact.stage);
      funnel.push({
        stage: fact.stage,
        count: inStage.length,
        usd: inStage.reduce((sum, f) => sum + forgeAmountUsd(f), 0),
        medianDaysInStage: medianInteger(
          inStage.map((f) => wholeDaysBetween(parseInstant(f.stageEnteredAt, 'stageEnteredAt'), nowMs)),
        ),
      });
    }
  }

  const categoryMix: CategoryRow[] = [...ES_CATEGORIES, 'none' as const].map((category) => {
    const members = book.filter((f) => (f.category ?? 'none') === category);
    const usd = members.reduce((sum, f) => sum + exposureUsd(f), 0);
    const share = shareBp(usd, bookUsd);
    return { category, count: members.length, usd, shareBp: share, sharePct: formatPercent(share) };
  });

  const frameworkCodes = frameworkCountryCodes(args.countries);
  const frameworkUsd = book
    .filter((f) => frameworkCodes.includes(f.country))
    .reduce((sum, f) => sum + exposureUsd(f), 0);
  const frameworkShare = shareBp(frameworkUsd, bookUsd);

  return {
    asOf: args.now,
    policy: policyRef(policy),
    envelope,
    exposures,
    limits,
    funnel,
    categoryMix,
    frameworkCountries: {
      countries: frameworkCodes,
      usd: frameworkUsd,
      shareOfBookBp: frameworkShare,
      shareOfBookPct: formatPercent(frameworkShare),
    },
    riskReduced: riskReduced(book),
    mobilisation: portfolioMobilisation(facts, args.organizations),
  };
}

/**
 * Risk reduced (portfolio.md): over committed and financed applications with an assessment,
 * Σ exposure × (ELgross − ELresidual) ÷ 10,000 in US$ of expected loss avoided per year, beside
 * Σ gross and Σ residual. Each sum is taken exactly (BigInt) and divided once, rounded half-even
 * to the dollar, so reduced may differ from gross − residual by a dollar; per-application figures
 * (the CSV) are rounded one by one and may not add up to the total by a few dollars.
 */
export function riskReduced(book: readonly PortfolioApplicationFact[]): RiskReduced {
  let gross = 0n;
  let residual = 0n;
  let reduced = 0n;
  let applications = 0;
  let withoutAssessment = 0;
  for (const fact of book) {
    if (!inBook(fact)) continue;
    if (fact.expectedLoss === null) {
      withoutAssessment += 1;
      continue;
    }
    const exposure = BigInt(exposureUsd(fact));
    gross += exposure * BigInt(fact.expectedLoss.grossBp);
    residual += exposure * BigInt(fact.expectedLoss.residualBp);
    reduced += exposure * BigInt(fact.expectedLoss.grossBp - fact.expectedLoss.residualBp);
    applications += 1;
  }
  return {
    grossUsdPerYear: roundHalfEven(gross, 10000n),
    residualUsdPerYear: roundHalfEven(residual, 10000n),
    reducedUsdPerYear: roundHalfEven(reduced, 10000n),
    applications,
    withoutAssessment,
  };
}
