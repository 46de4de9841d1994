import type { Instrument, Mineral, ValueChainSegment } from '../application/application-input.js';
import { canonicalHash } from '../canonical/canonical-json.js';
import { DomainError, type DomainErrorDetail } from '../errors/domain-error.js';
import { assertEnvelope, PORTFOLIO_GUARDS, usd } from './envelope.js';
import {
  exposureUsd,
  forgeAmountUsd,
  forgeInstrument,
  inBook,
  type PortfolioApplicationFact,
} from './portfolio-facts.js';
import { policyRef } from './portfolio-policy.define.js';
import type {
  LimitDimension,
  PolicyRef,
  PortfolioLimitParams,
  PortfolioPolicyParams,
} from './portfolio-policy.js';
import { exceedsMaxShare, formatPercent, maxAmountUsd, meetsMinShare, shareBp } from './shares.js';

/** The check code recorded on the application (portfolio.md). */
export const PORTFOLIO_CONCENTRATION_CHECK = 'PORTFOLIO.CONCENTRATION';

/** The application being evaluated, as the limits see it. */
export interface ConcentrationCandidate {
  applicationId: string;
  country: string;
  mineral: Mineral;
  /** The sponsor organisation (obligor). */
  organizationId: string;
  instrument: Instrument;
  valueChainSegment: ValueChainSegment;
  /** The FORGE amount. */
  amountUsd: number;
}

/** The candidate of an application fact: its FORGE amount and the instrument of that amount. */
export function concentrationCandidate(fact: PortfolioApplicationFact): ConcentrationCandidate {
  return {
    applicationId: fact.applicationId,
    country: fact.country,
    mineral: fact.mineral,
    organizationId: fact.organizationId,
    instrument: forgeInstrument(fact),
    valueChainSegment: fact.valueChainSegment,
    amountUsd: forgeAmountUsd(fact),
  };
}

/** One limit measured with the application added. */
export interface LimitMeasure {
  limit: string;
  name: string;
  dimension: LimitDimension;
  /** The value measured (`AR`, `lithium`, an organisation id) or the group joined by `+`. */
  key: string;
  bound: 'max' | 'min';
  limitBp: number;
  limitPct: string;
  base: 'envelope' | 'book';
  blocking: boolean;
  /** The application belongs to what this limit measures (a group limit it is outside of cannot block it). */
  applies: boolean;
  /** Committed + financed in the bucket, without the application. */
  bookUsd: number;
  /** `bookUsd` plus the application's FORGE amount when it applies. */
  wouldBeUsd: number;
  /** The whole the share is of: the envelope, or committed + financed + the application. */
  baseUsd: number;
  /** Share of `baseUsd` in basis points, rounded away from compliance (up for a max, down for a min). */
  wouldBeShareBp: number;
  wouldBeSharePct: string;
  /** A maximum: the largest bucket allowed (`baseUsd × limit`, rounded down); a minimum: `null`. */
  limitUsd: number | null;
  /** A maximum exceeded (when it applies), or a minimum not reached. */
  breached: boolean;
}

/** A breached limit as the check lists it. */
export interface LimitBreach {
  limit: string;
  key: string;
  limitPct: string;
  wouldBeSharePct: string;
  wouldBeShareBp: number;
  wouldBeUsd: number;
  limitUsd: number | null;
}

/** The evaluation recorded as check `PORTFOLIO.CONCENTRATION`. */
export interface ConcentrationEvaluation {
  code: typeof PORTFOLIO_CONCENTRATION_CHECK;
  outcome: 'pass' | 'fail';
  policy: PolicyRef;
  envelopeUsd: number;
  applicationId: string;
  amountUsd: number;
  /** Every limit of the policy, in policy order. */
  measures: LimitMeasure[];
  /** Blocking limits breached (a `fail` lists at least one). */
  breaches: LimitBreach[];
  /** Non-blocking minimums (targets) not reached: reported, never a failure. */
  targetsMissed: LimitBreach[];
  /** SHA-256 of the canonical JSON of every figure that decided the outcome. */
  inputsHash: string;
}

type Measurable = Pick<
  ConcentrationCandidate,
  'country' | 'mineral' | 'organizationId' | 'instrument' | 'valueChainSegment'
>;

function valueOf(item: Measurable, dimension: LimitDimension): string {
  switch (dimension) {
    case 'country':
      return item.country;
    case 'mineral':
      return item.mineral;
    case 'obligor':
      return item.organizationId;
    case 'instrument':
      return item.instrument;
    case 'segment':
      return item.valueChainSegment;
  }
}

function measurable(fact: PortfolioApplicationFact): Measurable {
  return {
    country: fact.country,
    mineral: fact.mineral,
    organizationId: fact.organizationId,
    instrument: forgeInstrument(fact),
    valueChainSegment: fact.valueChainSegment,
  };
}

function measureLimit(
  limit: PortfolioLimitParams,
  book: readonly PortfolioApplicationFact[],
  bookTotalUsd: number,
  candidate: ConcentrationCandidate,
  envelopeUsd: number,
): LimitMeasure {
  const candidateValue = valueOf(candidate, limit.dimension);
  const members = limit.group ?? [candidateValue];
  const key = limit.group === null ? candidateValue : limit.group.join('+');
  const applies = members.includes(candidateValue);
  let bookUsd = 0;
  for (const fact of book) {
    if (members.includes(valueOf(measurable(fact), limit.dimension))) bookUsd += exposureUsd(fact);
  }
  const wouldBeUsd = bookUsd + (applies ? candidate.amountUsd : 0);
  const baseUsd = limit.base === 'envelope' ? envelopeUsd : bookTotalUsd + candidate.amountUsd;
  const isMax = limit.bound === 'max';
  const wouldBeShareBp = shareBp(wouldBeUsd, baseUsd, isMax ? 'up' : 'down');
  const breached = isMax
    ? applies && exceedsMaxShare(wouldBeUsd, baseUsd, limit.bp)
    : !meetsMinShare(wouldBeUsd, baseUsd, limit.bp);
  return {
    limit: limit.code,
    name: limit.name,
    dimension: limit.dimension,
    key,
    bound: limit.bound,
    limitBp: limit.bp,
    limitPct: formatPercent(limit.bp),
    base: limit.base,
    blocking: limit.blocking,
    applies,
    bookUsd,
    wouldBeUsd,
    baseUsd,
    wouldBeShareBp,
    wouldBeSharePct: formatPercent(wouldBeShareBp),
    limitUsd: isMax ? maxAmountUsd(baseUsd, limit.bp) : null,
    breached,
  };
}

function toBreach(measure: LimitMeasure): LimitBreach {
  return {
    limit: measure.limit,
    key: measure.key,
    limitPct: measure.limitPct,
    wouldBeSharePct: measure.wouldBeSharePct,
    wouldBeShareBp: measure.wouldBeShareBp,
    wouldBeUsd: measure.wouldBeUsd,
    limitUsd: measure.limitUsd,
  };
}

export interface EvaluateConcentrationArgs {
  policy: PortfolioPolicyParams;
  envelopeUsd: number;
  /** Every application the caller knows of; only committed and financed ones count (never the candidate). */
  facts: readonly PortfolioApplicationFact[];
  candidate: ConcentrationCandidate;
}

/**
 * Evaluates the portfolio policy for one application (portfolio.md): each limit is measured on
 * committed + financed + this application. A maximum is breached when `wouldBe × 10000 > bp ×
 * base` exactly (integers); the printed share is rounded up, so a breach never reads as equal to
 * its limit. `fail` when a blocking limit is breached; targets are reported and never fail it.
 */
export function evaluateConcentration(args: EvaluateConcentrationArgs): ConcentrationEvaluation {
  const { policy, envelopeUsd, candidate } = args;
  assertEnvelope(envelopeUsd);
  if (!Number.isSafeInteger(candidate.amountUsd) || candidate.amountUsd <= 0) {
    throw new DomainError('PORTFOLIO.INVALID_FACTS', 'the FORGE amount must be a positive integer', [
      { field: 'amountUsd', message: `got ${candidate.amountUsd}` },
    ]);
  }
  const book = args.facts.filter((f) => f.applicationId !== candidate.applicationId && inBook(f));
  const bookTotalUsd = book.reduce((sum, f) => sum + exposureUsd(f), 0);
  const measures = policy.limits.map((limit) =>
    measureLimit(limit, book, bookTotalUsd, candidate, envelopeUsd),
  );
  const breaches = measures.filter((m) => m.blocking && m.breached).map(toBreach);
  const targetsMissed = measures.filter((m) => !m.blocking && m.breached).map(toBreach);
  const ref = policyRef(policy);
  const inputsHash = canonicalHash({
    code: PORTFOLIO_CONCENTRATION_CHECK,
    policyHash: ref.hash,
    envelopeUsd,
    candidate,
    measures: measures.map((m) => ({ limit: m.limit, key: m.key, bookUsd: m.bookUsd, baseUsd: m.baseUsd })),
  });
  return {
    code: PORTFOLIO_CONCENTRATION_CHECK,
    outcome: breaches.length > 0 ? 'fail' : 'pass',
    policy: ref,
    envelopeUsd,
    applicationId: candidate.applicationId,
    amountUsd: candidate.amountUsd,
    measures,
    breaches,
    targetsMissed,
    inputsHash,
  };
}

/** One line per breach, for the check's detail and the guard message: `COUNTRY AR would reach 26.67% (limit 25.00%)`. */
export function describeBreaches(evaluation: Pick<ConcentrationEvaluation, 'breaches'>): string {
  return evaluation.breaches
    .map(
      (b) =>
        `${b.limit} ${b.key} would reach ${b.wouldBeSharePct}% (US$${usd(b.wouldBeUsd)}; limit ${b.limitPct}%)`,
    )
    .join('; ');
}

/**
 * Whether a waiver granted on `waived` still covers the `fresh` evaluation (the portfolio may have
 * moved between the move to committee and the approval): every breach of `fresh` must have been
 * waived for the same limit and key at an amount at least as large. A new breach, or a larger one,
 * needs a new waiver.
 */
export function waiverCovers(
  waived: Pick<ConcentrationEvaluation, 'breaches'>,
  fresh: Pick<ConcentrationEvaluation, 'breaches'>,
): boolean {
  return fresh.breaches.every((breach) =>
    waived.breaches.some(
      (w) => w.limit === breach.limit && w.key === breach.key && breach.wouldBeUsd <= w.wouldBeUsd,
    ),
  );
}

/**
 * Guard `portfolio.concentration`: a `pass`, or a `fail` covered by an approved waiver (`waived`,
 * the evaluation that was waived). Empty when the move may go ahead.
 */
export function concentrationGuard(
  fresh: ConcentrationEvaluation,
  waived: Pick<ConcentrationEvaluation, 'breaches'> | null,
): DomainErrorDetail[] {
  if (fresh.outcome === 'pass') return [];
  if (waived !== null && waiverCovers(waived, fresh)) return [];
  const uncovered =
    waived === null
      ? fresh
      : { breaches: fresh.breaches.filter((b) => !waiverCovers(waived, { breaches: [b] })) };
  return [
    {
      guard: PORTFOLIO_GUARDS.concentration,
      message: `${PORTFOLIO_CONCENTRATION_CHECK} fails under ${fresh.policy.policy} ${fresh.policy.version}: ${describeBreaches(
        uncovered,
      )}${waived === null ? '' : ' (not covered by the waiver)'}`,
    },
  ];
}
