import type { EsCategory, Instrument, Mineral, ValueChainSegment } from '../application/application-input.js';
import { DomainError } from '../errors/domain-error.js';
import type { CofinancingLine } from './cofinancing.js';

/**
 * What the portfolio arithmetic needs to know about one application (portfolio.md). The caller (a
 * use case) builds these from stored applications; nothing here reads anything else. Money is in
 * integer US dollars.
 */
export interface PortfolioApplicationFact {
  applicationId: string;
  reference: string;
  /** The stage name. Stages after `financed` (monitoring.md) are known here already. */
  stage: string;
  /** The sponsor organisation: the obligor of the `OBLIGOR` limit. */
  organizationId: string;
  country: string;
  mineral: Mineral;
  valueChainSegment: ValueChainSegment;
  /** `requestedAmountUsd` and `instrument` of the application input. */
  requestedAmountUsd: number;
  requestedInstrument: Instrument;
  /** The recorded financing structure's instrument and amount; `null` before one is recorded. */
  financing: { instrument: Instrument; amountUsd: number } | null;
  /** The confirmed E&S category, else the proposed one, else `null`. */
  category: EsCategory | null;
  /** When the application entered its current stage (ISO 8601), for the funnel's days in stage. */
  stageEnteredAt: string;
  /**
   * Expected loss (basis points of the exposure per year) of the risk assessment the decision was
   * taken on; `null` when there is none (the application then counts nowhere in risk reduced).
   */
  expectedLoss: { grossBp: number; residualBp: number } | null;
  /** Principal repaid so far (monitoring.md); 0 until repayments are recorded. */
  repaidUsd: number;
  /** Σ disbursed so far (monitoring.md); absent or 0 until disbursements are recorded. */
  disbursedUsd?: number;
  /** Co-financing lines of the financing structure (empty when none). */
  cofinancing: readonly CofinancingLine[];
}

/**
 * Where an application's money sits for the envelope (portfolio.md "Exposure and the envelope"):
 * `committed` (approved), `financed` (financed and every later stage of monitoring.md), `pipeline`
 * (submitted up to committee: shown, never counted against limits), `outside` (draft, which is the
 * sponsor's until submitted, and the terminal `rejected` / `withdrawn`).
 */
export type PortfolioBucket = 'pipeline' | 'committed' | 'financed' | 'outside';

export const PIPELINE_STAGES = ['submitted', 'screening', 'esg_review', 'financing', 'committee'] as const;
export const COMMITTED_STAGES = ['approved'] as const;
/** `financed` and later (monitoring.md adds the stages after financial close). */
export const FINANCED_STAGES = ['financed', 'disbursing', 'monitoring', 'repaid', 'written_off'] as const;
export const OUTSIDE_STAGES = ['draft', 'rejected', 'withdrawn'] as const;

/** The bucket of a stage; an unknown stage name is `PORTFOLIO.UNKNOWN_STAGE` (fail closed). */
export function portfolioBucket(stage: string): PortfolioBucket {
  if ((PIPELINE_STAGES as readonly string[]).includes(stage)) return 'pipeline';
  if ((COMMITTED_STAGES as readonly string[]).includes(stage)) return 'committed';
  if ((FINANCED_STAGES as readonly string[]).includes(stage)) return 'financed';
  if ((OUTSIDE_STAGES as readonly string[]).includes(stage)) return 'outside';
  throw new DomainError('PORTFOLIO.UNKNOWN_STAGE', `stage ${stage} has no place in the portfolio`, [
    { field: 'stage', message: `unknown stage ${stage}` },
  ]);
}

/**
 * The FORGE amount (portfolio.md): `financing.amountUsd` once a financing structure is recorded,
 * else `requestedAmountUsd`.
 */
export function forgeAmountUsd(
  fact: Pick<PortfolioApplicationFact, 'financing' | 'requestedAmountUsd'>,
): number {
  return fact.financing?.amountUsd ?? fact.requestedAmountUsd;
}

/** The instrument of the FORGE amount: the financing structure's, else the requested one. */
export function forgeInstrument(
  fact: Pick<PortfolioApplicationFact, 'financing' | 'requestedInstrument'>,
): Instrument {
  return fact.financing?.instrument ?? fact.requestedInstrument;
}

/**
 * What an application takes out of the envelope now: the FORGE amount when committed, the FORGE
 * amount minus repayments when financed (never below 0), nothing otherwise.
 */
export function exposureUsd(fact: PortfolioApplicationFact): number {
  const bucket = portfolioBucket(fact.stage);
  if (bucket === 'committed') return forgeAmountUsd(fact);
  if (bucket === 'financed') return Math.max(0, forgeAmountUsd(fact) - fact.repaidUsd);
  return 0;
}

/** Committed and financed applications: the book that limits are measured on. */
export function inBook(fact: Pick<PortfolioApplicationFact, 'stage'>): boolean {
  const bucket = portfolioBucket(fact.stage);
  return bucket === 'committed' || bucket === 'financed';
}

/** Throws `PORTFOLIO.INVALID_FACTS` unless every amount is a non-negative safe integer. */
export function assertPortfolioFacts(facts: readonly PortfolioApplicationFact[]): void {
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  facts.forEach((fact, i) => {
    const at = `facts[${i}]`;
    if (seen.has(fact.applicationId)) problems.push({ field: at, message: 'duplicate application' });
    seen.add(fact.applicationId);
    const amounts: [string, number][] = [
      ['requestedAmountUsd', fact.requestedAmountUsd],
      ['repaidUsd', fact.repaidUsd],
      ['disbursedUsd', fact.disbursedUsd ?? 0],
    ];
    if (fact.financing !== null) amounts.push(['financing.amountUsd', fact.financing.amountUsd]);
    for (const line of fact.cofinancing) amounts.push(['cofinancing.amountUsd', line.amountUsd]);
    for (const [name, value] of amounts) {
      if (!Number.isSafeInteger(value) || value < 0) {
        problems.push({ field: `${at}.${name}`, message: 'a non-negative integer of US dollars' });
      }
    }
    portfolioBucket(fact.stage);
  });
  if (problems.length > 0) {
    throw new DomainError('PORTFOLIO.INVALID_FACTS', 'portfolio facts are invalid', problems);
  }
}
