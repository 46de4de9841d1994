import type { EsCategory } from '../application/application-input.js';
import { DomainError } from '../errors/domain-error.js';
import { CHECK_CODES, type CheckCode, type CheckOutcome } from './check-codes.js';

/**
 * Whether a check may be waived (through maker-checker, never by one officer):
 * - `waivable`: a waiver is the fund's decision to take;
 * - `never`: no waiver, whatever the outcome;
 * - `conditional`: waivable except in the situations `waiverRefusal` names.
 */
export type WaiverRule = 'waivable' | 'never' | 'conditional';

export interface CheckWaiverPolicy {
  rule: WaiverRule;
  /** For the compliance officer (docs/checks.md lists these). */
  explanation: string;
}

/**
 * The waiver catalogue: every check code of checks.md with whether it may be waived, and why.
 * The only source of this rule (the API, the approval and docs/checks.md read it).
 */
export const CHECK_WAIVER_POLICIES: Readonly<Record<CheckCode, CheckWaiverPolicy>> = Object.freeze({
  [CHECK_CODES.ELIG_COUNTRY]: {
    rule: 'never',
    explanation:
      "The fund's mandate: only fund-eligible countries are financed. Eligibility is reference data an admin maintains, not a case-by-case waiver.",
  },
  [CHECK_CODES.ELIG_MINERAL]: {
    rule: 'never',
    explanation: "The fund's mandate: only minerals of the critical-minerals list are financed.",
  },
  [CHECK_CODES.ELIG_TICKET]: {
    rule: 'conditional',
    explanation:
      'A ticket below the minimum or above the maximum may be waived; a requested amount above the capex may not (it is an error in the application, to be amended).',
  },
  [CHECK_CODES.ELIG_EQUATOR]: {
    rule: 'never',
    explanation: 'Informational, always passes: there is nothing to waive.',
  },
  [CHECK_CODES.SANCTIONS_PARTIES]: {
    rule: 'conditional',
    explanation:
      "A blocked result (a listed applicant, or blocked parties owning 50% or more: OFAC's 50% rule) is never waivable: dealings with blocked property are prohibited. A review result (a potential match, or a listed owner below 50%) is the fund's decision.",
  },
  [CHECK_CODES.ESG_CATEGORY_CONFIRMED]: {
    rule: 'never',
    explanation: 'Confirm a category instead.',
  },
  [CHECK_CODES.ESG_ESIA]: {
    rule: 'waivable',
    explanation: 'An incomplete ESIA may be waived, for example against a condition precedent.',
  },
  [CHECK_CODES.ESG_INDEPENDENT_REVIEW]: {
    rule: 'never',
    explanation:
      'Category A needs an independent E&S review (Equator Principle 7); the move to financing requires the document, so a waiver would mean nothing.',
  },
  [CHECK_CODES.ESG_FPIC]: {
    rule: 'conditional',
    explanation:
      'Never waivable for category A where Indigenous Peoples are present: IFC Performance Standard 7 requires their free, prior and informed consent, and the move to financing requires the evidence. Waivable for category B.',
  },
  [CHECK_CODES.ESG_TAILINGS]: {
    rule: 'waivable',
    explanation:
      'An upstream-raised dam or a very high consequence class may be waived against a redesign or GISTM conformance condition.',
  },
  [CHECK_CODES.ESG_WATER]: { rule: 'waivable', explanation: 'High water stress is a matter for review.' },
  [CHECK_CODES.TRANS_BENEFICIAL_OWNERSHIP]: {
    rule: 'waivable',
    explanation: 'Incomplete ownership declarations may be waived against further evidence.',
  },
  [CHECK_CODES.TRANS_PEP]: {
    rule: 'waivable',
    explanation: 'A politically exposed owner is a matter for enhanced due diligence, not a prohibition.',
  },
  [CHECK_CODES.TRANS_EITI]: {
    rule: 'never',
    explanation: 'Informational, always passes: there is nothing to waive.',
  },
  [CHECK_CODES.TRANS_CONTRACTS]: {
    rule: 'waivable',
    explanation: 'Undisclosed contracts or payments may be waived against a disclosure covenant.',
  },
  [CHECK_CODES.TRANS_FEOC]: {
    rule: 'conditional',
    explanation:
      "The fund's own choice: a fail (covered nations' state-owned owners at 25% or more) is never waivable, since reducing dependence on such sources is what the fund is for. A review (10% to under 25%) is the fund's decision.",
  },
  [CHECK_CODES.TRANS_ANNEX_II]: {
    rule: 'waivable',
    explanation: 'A missing OECD Annex II attestation may be waived against a condition precedent.',
  },
  [CHECK_CODES.PORTFOLIO_CONCENTRATION]: {
    rule: 'waivable',
    explanation:
      'A concentration limit of the portfolio policy may be exceeded by a decision of the fund (four eyes); the committee must then approve unanimously, and the waiver covers only the breaches and amounts it was granted for (portfolio.md).',
  },
});

/** What decides whether a particular check may be waived now. */
export interface WaiverFacts {
  /** The check's current outcome. */
  outcome: CheckOutcome;
  /** The check's stored `detail` (the automated inputs). */
  detail: Readonly<Record<string, unknown>>;
  /** The confirmed E&S category, or the proposed one while none is confirmed (null: unknown). */
  category: EsCategory | null;
  /** `social.indigenousPeoplesPresent` of the application (null: unknown, treated as present). */
  indigenousPeoplesPresent: boolean | null;
  /** The application's sanctions screening result (null: none recorded). */
  screeningResult: 'clear' | 'review' | 'blocked' | null;
}

export interface WaiverRefusal {
  code: 'CHECK.NOT_WAIVABLE';
  checkCode: string;
  /** A stable id of the rule that refuses (`never`, `sanctions_blocked`, `fpic_category_a`, …). */
  rule: string;
  reason: string;
}

function refusal(checkCode: string, rule: string, reason: string): WaiverRefusal {
  return { code: 'CHECK.NOT_WAIVABLE', checkCode, rule, reason };
}

/** The policy of a code; unknown codes are never waivable (fail closed). */
export function waiverPolicy(code: string): CheckWaiverPolicy {
  return (
    (CHECK_WAIVER_POLICIES as Readonly<Record<string, CheckWaiverPolicy>>)[code] ?? {
      rule: 'never',
      explanation: 'Not a check of checks.md.',
    }
  );
}

/**
 * Why a waiver of this check is refused now, or `null` when it may be waived (through
 * maker-checker). Checked when a waiver is requested **and** again when it is approved, so a
 * change in between (a new screening that blocks, a category upgraded to A) still refuses it.
 */
export function waiverRefusal(code: string, facts: WaiverFacts): WaiverRefusal | null {
  const policy = waiverPolicy(code);
  if (policy.rule === 'never')
    return refusal(code, 'never', `${code} is never waivable: ${policy.explanation}`);
  if (policy.rule === 'waivable') return null;
  switch (code) {
    case CHECK_CODES.SANCTIONS_PARTIES:
      return facts.screeningResult === 'blocked' || facts.detail['result'] === 'blocked'
        ? refusal(
            code,
            'sanctions_blocked',
            'the sanctions screening is blocked (OFAC 50% rule): a blocked result is never waivable; the application can only be rejected',
          )
        : null;
    case CHECK_CODES.ESG_FPIC:
      return facts.category === 'A' && facts.indigenousPeoplesPresent !== false
        ? refusal(
            code,
            'fpic_category_a',
            'category A with Indigenous Peoples present: IFC Performance Standard 7 requires their free, prior and informed consent, evidenced; it cannot be waived',
          )
        : null;
    case CHECK_CODES.ELIG_TICKET: {
      const problems = Array.isArray(facts.detail['problems']) ? (facts.detail['problems'] as unknown[]) : [];
      return problems.includes('above_capex')
        ? refusal(
            code,
            'ticket_above_capex',
            'the requested amount is above the capex: amend the application instead of waiving',
          )
        : null;
    }
    case CHECK_CODES.TRANS_FEOC:
      return facts.outcome === 'fail'
        ? refusal(
            code,
            'feoc_fail',
            "state-owned owners of covered nations hold 25% or more: the fund's policy does not allow a waiver",
          )
        : null;
    default:
      return refusal(code, 'never', `${code} has no waiver rule (fail closed)`);
  }
}

/** Throws `CHECK.NOT_WAIVABLE` (409) with the reason when `waiverRefusal` refuses. */
export function assertWaivable(code: string, facts: WaiverFacts): void {
  const refused = waiverRefusal(code, facts);
  if (refused !== null) {
    throw new DomainError(refused.code, `${code} cannot be waived: ${refused.reason}`, [
      { field: 'outcome', message: refused.reason, guard: `waiver.${refused.rule}` },
    ]);
  }
}
