import { canonicalHash } from '../canonical/canonical-json.js';

/** Check codes of checks.md (fixed: stored on rows, named in guards and the API). */
export const CHECK_CODES = {
  ELIG_COUNTRY: 'ELIG.COUNTRY',
  ELIG_MINERAL: 'ELIG.MINERAL',
  ELIG_TICKET: 'ELIG.TICKET',
  ELIG_EQUATOR: 'ELIG.EQUATOR',
  SANCTIONS_PARTIES: 'SANCTIONS.PARTIES',
  ESG_CATEGORY_CONFIRMED: 'ESG.CATEGORY_CONFIRMED',
  ESG_ESIA: 'ESG.ESIA',
  ESG_INDEPENDENT_REVIEW: 'ESG.INDEPENDENT_REVIEW',
  ESG_FPIC: 'ESG.FPIC',
  ESG_TAILINGS: 'ESG.TAILINGS',
  ESG_WATER: 'ESG.WATER',
  TRANS_BENEFICIAL_OWNERSHIP: 'TRANS.BENEFICIAL_OWNERSHIP',
  TRANS_PEP: 'TRANS.PEP',
  TRANS_EITI: 'TRANS.EITI',
  TRANS_CONTRACTS: 'TRANS.CONTRACTS',
  TRANS_FEOC: 'TRANS.FEOC',
  TRANS_ANNEX_II: 'TRANS.ANNEX_II',
  /** portfolio.md: recorded at financing → committee (concentration limits with the would-be shares). */
  PORTFOLIO_CONCENTRATION: 'PORTFOLIO.CONCENTRATION',
} as const;

export type CheckCode = (typeof CHECK_CODES)[keyof typeof CHECK_CODES];

/**
 * The stages a check sits on: its own (`screening`, `esg_review`), or the stage a re-screening hit opened it on
 * (checks.md: an application past screening, or a financed project: `PAST_SCREENING_STAGES` and
 * `CARRIED_STAGES`; stages.spec.ts proves the two lists agree).
 */
export const CHECK_STAGES = [
  'screening',
  'esg_review',
  'financing',
  'committee',
  'approved',
  'financed',
  'disbursing',
  'monitoring',
] as const;
export type CheckStage = (typeof CHECK_STAGES)[number];

export const CHECK_OUTCOMES = ['pass', 'fail', 'needs_review', 'waived'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];
/** What automation can produce; `waived` only comes from maker-checker. */
export type AutomatedOutcome = Exclude<CheckOutcome, 'waived'>;
export const AUTOMATED_OUTCOMES: readonly AutomatedOutcome[] = CHECK_OUTCOMES.filter(
  (outcome): outcome is AutomatedOutcome => outcome !== 'waived',
);

export const SCREENING_STAGE_CHECK_CODES: readonly CheckCode[] = [
  CHECK_CODES.ELIG_COUNTRY,
  CHECK_CODES.ELIG_MINERAL,
  CHECK_CODES.ELIG_TICKET,
  CHECK_CODES.ELIG_EQUATOR,
  CHECK_CODES.SANCTIONS_PARTIES,
];

export const ESG_STAGE_CHECK_CODES: readonly CheckCode[] = [
  CHECK_CODES.ESG_CATEGORY_CONFIRMED,
  CHECK_CODES.ESG_ESIA,
  CHECK_CODES.ESG_INDEPENDENT_REVIEW,
  CHECK_CODES.ESG_FPIC,
  CHECK_CODES.ESG_TAILINGS,
  CHECK_CODES.ESG_WATER,
  CHECK_CODES.TRANS_BENEFICIAL_OWNERSHIP,
  CHECK_CODES.TRANS_PEP,
  CHECK_CODES.TRANS_EITI,
  CHECK_CODES.TRANS_CONTRACTS,
  CHECK_CODES.TRANS_FEOC,
  CHECK_CODES.TRANS_ANNEX_II,
];

export function stageOfCheck(code: CheckCode): CheckStage {
  return SCREENING_STAGE_CHECK_CODES.includes(code) ? 'screening' : 'esg_review';
}

/**
 * An automated check result. `detail.inputsHash` is the SHA-256 of the canonical JSON of the
 * inputs that decided the outcome (never the reference snapshot hashes, which `detail` records
 * separately): `mergeCheckOutcome` compares it to tell whether the automated inputs changed.
 */
export interface AutomatedCheck {
  code: CheckCode;
  stage: CheckStage;
  outcome: AutomatedOutcome;
  automated: true;
  detail: Record<string, unknown> & { inputsHash: string };
}

export function automatedCheck(
  code: CheckCode,
  outcome: AutomatedOutcome,
  inputs: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): AutomatedCheck {
  return {
    code,
    stage: stageOfCheck(code),
    outcome,
    automated: true,
    detail: { ...inputs, ...extra, inputsHash: canonicalHash({ code, inputs }) },
  };
}
