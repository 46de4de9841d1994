import type { Mitigant } from '../application/application-input.js';
import { DomainError, type DomainErrorDetail } from '../errors/domain-error.js';

/** Stable guard ids of a financing structure (the `guard` of each problem). */
export const FINANCING_GUARDS = {
  /** The FORGE amount is at most the requested amount. */
  amountWithinRequest: 'financing.amount_within_request',
  /** The requested amount is at most the project's capex. */
  requestWithinCapex: 'financing.request_within_capex',
  /** Co-financing plus the FORGE amount is at most the capex. */
  totalWithinCapex: 'financing.total_within_capex',
  /** Every percentage and coverage of the structure is within 0–100. */
  percentagesInRange: 'financing.percentages_in_range',
  /** Amounts are positive whole US dollars. */
  amountsPositive: 'financing.amounts_positive',
} as const;
export type FinancingGuardId = (typeof FINANCING_GUARDS)[keyof typeof FINANCING_GUARDS];

/** A co-financing line (portfolio.md); only its amount matters to these guards. */
export interface CoFinancingAmount {
  amountUsd: number;
}

export interface FinancingGuardInput {
  /** From the application input. */
  capexUsd: number;
  requestedAmountUsd: number;
  /** The structure being recorded. */
  amountUsd: number;
  mitigants: readonly Mitigant[];
  /** Co-financing lines of the structure, when the portfolio work records them. */
  coFinancing?: readonly CoFinancingAmount[];
}

export type FinancingProblem = DomainErrorDetail & { guard: FinancingGuardId; field: string };

/** The percentage fields of a mitigant (scoring.md): whole-structure coverages and tranche sizes. */
const PERCENT_FIELDS = ['coveragePct', 'pct'] as const;

const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const usd = (v: number | bigint): string => `US$${v.toLocaleString('en-US')}`;

/**
 * The financing guards (issue 13): percentages and coverages within 0–100 and amounts positive
 * (malformed input: `invalid`, 400), then the FORGE amount ≤ the requested amount ≤ capex, and
 * co-financing plus the FORGE amount ≤ capex (a structure that makes no sense for this project:
 * `unmet`, 409). Every problem names its guard and field. Sums in BigInt: no overflow, no float.
 */
export function financingProblems(input: FinancingGuardInput): {
  invalid: FinancingProblem[];
  unmet: FinancingProblem[];
} {
  const invalid: FinancingProblem[] = [];
  const unmet: FinancingProblem[] = [];
  input.mitigants.forEach((m, i) => {
    for (const field of PERCENT_FIELDS) {
      const value = (m as unknown as Record<string, unknown>)[field];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
        invalid.push({
          guard: FINANCING_GUARDS.percentagesInRange,
          field: `mitigants[${i}].${field}`,
          message: `${field} must be a percentage within 0–100 (got ${String(value)})`,
        });
      }
    }
  });
  if (!isAmount(input.amountUsd)) {
    invalid.push({
      guard: FINANCING_GUARDS.amountsPositive,
      field: 'amountUsd',
      message: 'must be a positive whole number of US dollars',
    });
  }
  const coFinancing = input.coFinancing ?? [];
  coFinancing.forEach((line, i) => {
    if (!isAmount(line.amountUsd)) {
      invalid.push({
        guard: FINANCING_GUARDS.amountsPositive,
        field: `coFinancing[${i}].amountUsd`,
        message: 'must be a positive whole number of US dollars',
      });
    }
  });
  if (invalid.length > 0) return { invalid, unmet };

  const amount = BigInt(input.amountUsd);
  const requested = BigInt(input.requestedAmountUsd);
  const capex = BigInt(input.capexUsd);
  if (amount > requested) {
    unmet.push({
      guard: FINANCING_GUARDS.amountWithinRequest,
      field: 'amountUsd',
      message: `the FORGE amount ${usd(amount)} is above the requested amount ${usd(requested)}`,
    });
  }
  if (requested > capex) {
    unmet.push({
      guard: FINANCING_GUARDS.requestWithinCapex,
      field: 'requestedAmountUsd',
      message: `the requested amount ${usd(requested)} is above the project's capex ${usd(capex)}`,
    });
  }
  const total = coFinancing.reduce((sum, line) => sum + BigInt(line.amountUsd), amount);
  if (total > capex) {
    unmet.push({
      guard: FINANCING_GUARDS.totalWithinCapex,
      field: coFinancing.length > 0 ? 'coFinancing' : 'amountUsd',
      message: `co-financing plus the FORGE amount, ${usd(total)}, is above the project's capex ${usd(capex)}`,
    });
  }
  return { invalid, unmet };
}

/**
 * Throws `VALIDATION.FAILED` (400) for malformed percentages or amounts, else
 * `APPLICATION.GUARD_FAILED` (409) listing every unmet guard; returns when the structure holds.
 */
export function assertFinancingGuards(input: FinancingGuardInput): void {
  const { invalid, unmet } = financingProblems(input);
  if (invalid.length > 0) {
    throw new DomainError(
      'VALIDATION.FAILED',
      `invalid financing structure: ${invalid[0]!.message}`,
      invalid,
    );
  }
  if (unmet.length > 0) {
    throw new DomainError(
      'APPLICATION.GUARD_FAILED',
      `the financing structure does not fit the project: ${unmet.map((p) => p.message).join('; ')}`,
      unmet,
    );
  }
}
