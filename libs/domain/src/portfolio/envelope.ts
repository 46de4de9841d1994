import { DomainError, type DomainErrorDetail } from '../errors/domain-error.js';
import {
  exposureUsd,
  forgeAmountUsd,
  portfolioBucket,
  type PortfolioApplicationFact,
} from './portfolio-facts.js';

/** portfolio.md: the envelope of FORGE (`FORGE_ENVELOPE_USD`), US$30 billion unless configured. */
export const DEFAULT_ENVELOPE_USD = 30_000_000_000;

/** Stable guard ids of the portfolio rules (the `guard` of an `APPLICATION.GUARD_FAILED` detail). */
export const PORTFOLIO_GUARDS = {
  /** financing → committee and the committee's approval: the FORGE amount fits in what is available. */
  envelope: 'portfolio.envelope',
  /** financing → committee and the committee's approval: `PORTFOLIO.CONCENTRATION` passes or is waived. */
  concentration: 'portfolio.concentration',
  /** The committee's approval: the disclosure package was public long enough. */
  disclosurePeriod: 'disclosure.period',
} as const;
export type PortfolioGuardId = (typeof PORTFOLIO_GUARDS)[keyof typeof PORTFOLIO_GUARDS];

/** The envelope at one moment; every figure in integer US dollars. */
export interface EnvelopeTotals {
  envelopeUsd: number;
  /** Applications in `approved`: their FORGE amount. */
  committedUsd: number;
  committedCount: number;
  /** `financed` and later: FORGE amount minus repayments (what the envelope counts: outstanding + undisbursed). */
  financedUsd: number;
  financedCount: number;
  /** `financed` and later: disbursed minus repaid, the money actually out (issue 16). */
  financedOutstandingUsd: number;
  /** `financed` and later: FORGE amount minus disbursed, still owed to the projects. */
  financedUndisbursedUsd: number;
  /** `submitted` … `committee`: their FORGE amount, for information (never counted against limits). */
  pipelineUsd: number;
  pipelineCount: number;
  /** Envelope − committed − financed. Negative when the envelope was set below what is already out. */
  availableUsd: number;
}

export function assertEnvelope(envelopeUsd: number): void {
  if (!Number.isSafeInteger(envelopeUsd) || envelopeUsd <= 0) {
    throw new DomainError(
      'PORTFOLIO.INVALID_ENVELOPE',
      'the envelope must be a positive integer of US dollars',
      [{ field: 'FORGE_ENVELOPE_USD', message: `got ${envelopeUsd}` }],
    );
  }
}

/**
 * Committed, financed, pipeline and available (portfolio.md "Exposure and the envelope").
 * `excludeApplicationId` leaves one application out, so an application being decided is never
 * counted against itself.
 */
export function envelopeTotals(
  facts: readonly PortfolioApplicationFact[],
  envelopeUsd: number,
  excludeApplicationId?: string,
): EnvelopeTotals {
  assertEnvelope(envelopeUsd);
  const totals = {
    envelopeUsd,
    committedUsd: 0,
    committedCount: 0,
    financedUsd: 0,
    financedCount: 0,
    financedOutstandingUsd: 0,
    financedUndisbursedUsd: 0,
    pipelineUsd: 0,
    pipelineCount: 0,
    availableUsd: 0,
  };
  for (const fact of facts) {
    if (fact.applicationId === excludeApplicationId) continue;
    const bucket = portfolioBucket(fact.stage);
    if (bucket === 'committed') {
      totals.committedUsd += exposureUsd(fact);
      totals.committedCount += 1;
    } else if (bucket === 'financed') {
      totals.financedUsd += exposureUsd(fact);
      totals.financedCount += 1;
      const disbursed = fact.disbursedUsd ?? 0;
      totals.financedOutstandingUsd += Math.max(0, disbursed - fact.repaidUsd);
      totals.financedUndisbursedUsd += Math.max(0, forgeAmountUsd(fact) - disbursed);
    } else if (bucket === 'pipeline') {
      totals.pipelineUsd += forgeAmountUsd(fact);
      totals.pipelineCount += 1;
    }
  }
  totals.availableUsd = envelopeUsd - totals.committedUsd - totals.financedUsd;
  for (const value of Object.values(totals)) {
    if (!Number.isSafeInteger(value)) {
      throw new DomainError('PORTFOLIO.OVERFLOW', 'portfolio totals exceed the safe integer range');
    }
  }
  return totals;
}

/**
 * Guard `portfolio.envelope`: the application's FORGE amount ≤ available. Empty when it fits;
 * otherwise one detail naming the amount, what is available and the shortfall.
 */
export function envelopeGuard(amountUsd: number, totals: EnvelopeTotals): DomainErrorDetail[] {
  if (amountUsd <= totals.availableUsd) return [];
  const shortfall = amountUsd - Math.max(0, totals.availableUsd);
  return [
    {
      guard: PORTFOLIO_GUARDS.envelope,
      message:
        `the FORGE amount US$${usd(amountUsd)} exceeds what is available, US$${usd(totals.availableUsd)} ` +
        `(envelope US$${usd(totals.envelopeUsd)} − committed US$${usd(totals.committedUsd)} − financed ` +
        `US$${usd(totals.financedUsd)}), by US$${usd(shortfall)}`,
    },
  ];
}

/** Integer dollars with thousands separators: 30000000000 → "30,000,000,000". */
export function usd(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return `${sign}${String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}
