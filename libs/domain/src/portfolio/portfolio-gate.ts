import { isRecord } from '../canonical/json.js';
import type { DomainErrorDetail } from '../errors/domain-error.js';
import {
  concentrationCandidate,
  concentrationGuard,
  evaluateConcentration,
  PORTFOLIO_CONCENTRATION_CHECK,
  waiverCovers,
  type ConcentrationEvaluation,
  type LimitBreach,
} from './concentration.js';
import { disclosurePeriodGuard, type DisclosureDaysPolicy, type DisclosurePackage } from './disclosure.js';
import { envelopeGuard, envelopeTotals, type EnvelopeTotals } from './envelope.js';
import { forgeAmountUsd, type PortfolioApplicationFact } from './portfolio-facts.js';
import type { PortfolioPolicyParams } from './portfolio-policy.js';

/** The stored `PORTFOLIO.CONCENTRATION` check as the gate sees it. */
export interface ConcentrationCheckFact {
  outcome: 'pass' | 'fail' | 'needs_review' | 'waived';
  /** The breaches of the evaluation stored with the check (for a waived check: what the waiver covers). */
  breaches: readonly LimitBreach[];
}

/** Where the gate stands: the move `financing → committee`, or the committee's approval. */
export type PortfolioDecisionPoint = 'committee' | 'approval';

export interface PortfolioGateArgs {
  point: PortfolioDecisionPoint;
  /** The application being moved or approved (its stored facts). */
  application: PortfolioApplicationFact;
  /** Every application of the fund, read under the portfolio lock (the application itself is left out). */
  facts: readonly PortfolioApplicationFact[];
  envelopeUsd: number;
  policy: PortfolioPolicyParams;
  /** The stored check, or `null` before the first evaluation. */
  check: ConcentrationCheckFact | null;
  /** At the approval only: the disclosure packages, the clock and the configured days. */
  disclosure?: {
    packages: readonly DisclosurePackage[];
    now: string;
    days: DisclosureDaysPolicy;
  };
}

export interface PortfolioGateResult {
  totals: EnvelopeTotals;
  amountUsd: number;
  evaluation: ConcentrationEvaluation;
  /**
   * What the check should say after this evaluation: `pass`, `fail` (a breach no approved waiver covers), or
   * `waived` (kept: the approved waiver still covers every breach).
   */
  checkOutcome: 'pass' | 'fail' | 'waived';
  /** Every unmet portfolio guard (`portfolio.envelope`, `portfolio.concentration`, `disclosure.period`). */
  details: DomainErrorDetail[];
}

/**
 * The portfolio's guards at one decision point (portfolio.md): the FORGE amount fits in what is available;
 * `PORTFOLIO.CONCENTRATION` passes with the would-be shares or an approved waiver covers it; at the approval,
 * the disclosure period has run. The caller reads `facts` under the portfolio lock, in the transaction that
 * applies the move, so two decisions cannot both fit into the last dollar.
 */
export function evaluatePortfolioGate(args: PortfolioGateArgs): PortfolioGateResult {
  const { application } = args;
  const totals = envelopeTotals(args.facts, args.envelopeUsd, application.applicationId);
  const amountUsd = forgeAmountUsd(application);
  const evaluation = evaluateConcentration({
    policy: args.policy,
    envelopeUsd: args.envelopeUsd,
    facts: args.facts,
    candidate: concentrationCandidate(application),
  });
  const waived = args.check?.outcome === 'waived' ? { breaches: [...args.check.breaches] } : null;
  const details = [...envelopeGuard(amountUsd, totals), ...concentrationGuard(evaluation, waived)];
  let checkOutcome: PortfolioGateResult['checkOutcome'] = evaluation.outcome;
  if (waived !== null && waiverCovers(waived, evaluation)) checkOutcome = 'waived';
  if (args.point === 'approval' && args.disclosure !== undefined) {
    details.push(
      ...disclosurePeriodGuard({
        category: application.category,
        packages: args.disclosure.packages,
        now: args.disclosure.now,
        policy: args.disclosure.days,
      }),
    );
  }
  return { totals, amountUsd, evaluation, checkOutcome, details };
}

/**
 * portfolio.md: a committee decision on an application whose concentration limit was waived needs every
 * non-abstaining vote to approve (as for the `high` band). The committee's tally asks this of the checks.
 */
export function concentrationLimitWaived(checks: readonly { code: string; outcome: string }[]): boolean {
  return checks.some((c) => c.code === PORTFOLIO_CONCENTRATION_CHECK && c.outcome === 'waived');
}

function isLimitBreach(value: unknown): value is LimitBreach {
  if (!isRecord(value)) return false;
  const b: Partial<Record<keyof LimitBreach, unknown>> = value;
  return (
    typeof b.limit === 'string' &&
    typeof b.key === 'string' &&
    typeof b.limitPct === 'string' &&
    typeof b.wouldBeSharePct === 'string' &&
    typeof b.wouldBeShareBp === 'number' &&
    typeof b.wouldBeUsd === 'number' &&
    (b.limitUsd === null || typeof b.limitUsd === 'number')
  );
}

/**
 * The breaches stored in a check's detail (an evaluation, read back from JSON): only entries of a breach's
 * shape count, so a detail of another shape (a check resolved by hand) waives nothing.
 */
export function storedBreaches(detail: unknown): LimitBreach[] {
  if (typeof detail !== 'object' || detail === null || !('breaches' in detail)) return [];
  const breaches: unknown = detail.breaches;
  return Array.isArray(breaches) ? breaches.filter(isLimitBreach) : [];
}
