/**
 * The shape of a portfolio policy version as DATA (portfolio.md "Concentration limits"), like the
 * scoring model's parameters: the evaluation code interprets these; a new policy version is a new
 * value, proposed by one admin and approved by another, never an edit.
 *
 * Units: `bp` in basis points (hundredths of a percent: 25% = 2500).
 */

/** What a limit groups applications by. `obligor` is the sponsor organisation. */
export const LIMIT_DIMENSIONS = ['country', 'mineral', 'obligor', 'instrument', 'segment'] as const;
export type LimitDimension = (typeof LIMIT_DIMENSIONS)[number];

export interface PortfolioLimitParams {
  /** Stable code, upper case (`COUNTRY`, `RISK_CAPITAL`, …): named in the check and the view. */
  readonly code: string;
  readonly name: string;
  readonly dimension: LimitDimension;
  /**
   * `null`: each value of the dimension is measured apart (each country on its own). A list: those
   * values measured together as one group (`RISK_CAPITAL`: `equity` and `first_loss`).
   */
  readonly group: readonly string[] | null;
  /** `max`: the share may not exceed `bp`; `min`: the share should reach `bp`. */
  readonly bound: 'max' | 'min';
  readonly bp: number;
  /**
   * What the share is of: `envelope` (the limits of portfolio.md, "≤ 25% of the envelope") or
   * `book` (committed + financed + the application: the mix, used by the processing target).
   */
  readonly base: 'envelope' | 'book';
  /** `true`: a breach fails `PORTFOLIO.CONCENTRATION`; `false`: reported, never blocks (a target). */
  readonly blocking: boolean;
}

export interface PortfolioPolicyParams {
  readonly policy: string;
  readonly version: string;
  readonly limits: readonly PortfolioLimitParams[];
}

/** The policy an evaluation ran under: recorded on every evaluation. */
export interface PolicyRef {
  policy: string;
  version: string;
  /** SHA-256 (hex) of the RFC 8785 canonical JSON of the parameters. */
  hash: string;
}
