import type {
  ApplicationInput,
  BeneficialOwner,
  DocumentKind,
  EsCategory,
} from '../application/application-input.js';
import { DomainError } from '../errors/domain-error.js';
import { findCountry, type CountriesSnapshot } from '../reference/reference-data.js';
import { addShares, ZERO_SHARE, type ExactShare } from '../screening/exact-share.js';
import {
  flattenOwnership,
  pctToHundredths,
  shareAtLeast,
  shareToHundredths,
} from '../screening/ownership-screening.js';
import { automatedCheck, CHECK_CODES, type AutomatedCheck, type CheckCode } from './check-codes.js';

/** `BO_THRESHOLD_PCT` default. */
export const DEFAULT_BO_THRESHOLD_PCT = 10;

/**
 * `FEOC_COVERED_COUNTRIES` default: the "covered nations" of 10 U.S.C. 4872(d)(2) (China, Russia,
 * Iran, North Korea), as the US foreign-entity-of-concern rules use them.
 */
export const DEFAULT_FEOC_COVERED_COUNTRIES: readonly string[] = Object.freeze(['CN', 'RU', 'IR', 'KP']);
/**
 * `TRANS.FEOC` fails at 25% or more: the DOE's interpretation of "owned by, controlled by" a
 * covered nation's government (89 FR 37079, 2024), adopted for the 30D credit.
 */
export const FEOC_FAIL_HUNDREDTHS = 2500;
/** `TRANS.FEOC` needs review from 10%: the fund's own choice (the BO threshold of checks.md). */
export const FEOC_REVIEW_HUNDREDTHS = 1000;

export interface EsgCheckParams {
  countries: CountriesSnapshot;
  /** `BO_THRESHOLD_PCT`, percent with up to two decimals (default 10). */
  boThresholdPct?: number;
  /** `FEOC_COVERED_COUNTRIES`, ISO alpha-2 codes (default CN, RU, IR, KP). */
  feocCoveredCountries?: readonly string[];
}

type EsgInput = Pick<ApplicationInput, 'country' | 'environment' | 'social' | 'governance'>;

const isAorB = (c: EsCategory | null): boolean => c === 'A' || c === 'B';

/** The facts of the input that decide which ESG/TRANS checks exist for a category. */
export interface EsgApplicabilityFacts {
  indigenousPeoplesPresent: boolean;
  /** `environment.tailings !== 'none'`. */
  tailingsFacility: boolean;
}

export function esgApplicabilityFacts(
  input: Pick<EsgInput, 'social' | 'environment'>,
): EsgApplicabilityFacts {
  return {
    indigenousPeoplesPresent: input.social.indigenousPeoplesPresent,
    tailingsFacility: input.environment.tailings !== 'none',
  };
}

/**
 * Which ESG/TRANS checks exist for a confirmed category (checks.md table), in table order: the
 * one list the screening job, the check sync and the stage guards all read. With no confirmed
 * category yet, only the checks "for all" (and ESG.TAILINGS when there is a facility) exist,
 * with ESG.CATEGORY_CONFIRMED at `needs_review`; the A/B-specific ones appear on confirmation.
 */
export function esgChecksFor(
  category: EsCategory | null,
  facts: EsgApplicabilityFacts | Pick<EsgInput, 'social' | 'environment'>,
): CheckCode[] {
  const f = 'tailingsFacility' in facts ? facts : esgApplicabilityFacts(facts);
  const codes: CheckCode[] = [CHECK_CODES.ESG_CATEGORY_CONFIRMED];
  if (isAorB(category)) codes.push(CHECK_CODES.ESG_ESIA);
  if (category === 'A') codes.push(CHECK_CODES.ESG_INDEPENDENT_REVIEW);
  if (isAorB(category) && f.indigenousPeoplesPresent) codes.push(CHECK_CODES.ESG_FPIC);
  if (f.tailingsFacility) codes.push(CHECK_CODES.ESG_TAILINGS);
  codes.push(
    CHECK_CODES.ESG_WATER,
    CHECK_CODES.TRANS_BENEFICIAL_OWNERSHIP,
    CHECK_CODES.TRANS_PEP,
    CHECK_CODES.TRANS_EITI,
  );
  if (isAorB(category)) codes.push(CHECK_CODES.TRANS_CONTRACTS);
  codes.push(CHECK_CODES.TRANS_FEOC, CHECK_CODES.TRANS_ANNEX_II);
  return codes;
}

/** One owner that counts towards `TRANS.FEOC`. */
export interface FeocOwner {
  name: string;
  /** Owner names from the applicant's first owner down to this one. */
  path: string[];
  country: string;
  /** Look-through (multiplied) share of the applicant, percent, truncated to two decimals. */
  effectivePct: number;
}

export interface FeocAssessment {
  outcome: 'pass' | 'needs_review' | 'fail';
  coveredCountries: string[];
  owners: FeocOwner[];
  /** Aggregate look-through share of the counted owners, percent, truncated to two decimals. */
  sharePct: number;
}

/**
 * checks.md `TRANS.FEOC`: owners flagged `stateOwned` whose `country` is a covered nation hold,
 * in aggregate look-through (multiplied) ownership, 25% or more → `fail`; 10% to under 25% →
 * `needs_review`; else `pass`. A counted owner's own owners are not counted again (their share is
 * inside it). Exact arithmetic: the thresholds compare the exact share, only the reported
 * percentages are truncated.
 */
export function assessFeoc(
  owners: readonly BeneficialOwner[],
  coveredCountries: readonly string[] = DEFAULT_FEOC_COVERED_COUNTRIES,
): FeocAssessment {
  const covered = new Set(coveredCountries.map((c) => c.toUpperCase()));
  const nodes = flattenOwnership('', owners);
  const counted = new Array<boolean>(nodes.length).fill(false);
  let share: ExactShare = ZERO_SHARE;
  const found: FeocOwner[] = [];
  nodes.forEach((node, i) => {
    if (i === 0) return;
    const parentCounted = counted[node.parent] === true;
    counted[i] = parentCounted;
    if (parentCounted || !node.stateOwned || !covered.has(node.country.toUpperCase())) return;
    counted[i] = true;
    share = addShares(share, node.share);
    found.push({
      name: node.name,
      path: node.path.slice(1),
      country: node.country,
      effectivePct: shareToHundredths(node.share) / 100,
    });
  });
  const outcome = shareAtLeast(share, FEOC_FAIL_HUNDREDTHS)
    ? 'fail'
    : shareAtLeast(share, FEOC_REVIEW_HUNDREDTHS)
      ? 'needs_review'
      : 'pass';
  return {
    outcome,
    coveredCountries: [...covered].sort(),
    owners: found,
    sharePct: shareToHundredths(share) / 100,
  };
}

export interface UnresolvedOwner {
  name: string;
  path: string[];
  effectivePct: number;
  problem: 'no_owners_declared' | 'owners_below_100';
}

/**
 * The ESG/transparency checks applicable to `confirmedCategory` (null: not confirmed yet),
 * exactly as the checks.md table says, in table order. `documentKinds` are the kinds of the
 * documents attached to the application.
 */
export function evaluateEsgChecks(
  input: EsgInput,
  confirmedCategory: EsCategory | null,
  documentKinds: readonly DocumentKind[],
  params: EsgCheckParams,
): AutomatedCheck[] {
  const thresholdPct = params.boThresholdPct ?? DEFAULT_BO_THRESHOLD_PCT;
  const thresholdH = pctToHundredths(thresholdPct);
  if (thresholdH === null || thresholdH <= 0 || thresholdH > 10000) {
    throw new DomainError(
      'CHECKS.INVALID_PARAMS',
      `BO_THRESHOLD_PCT must be in (0, 100] with two decimals at most`,
    );
  }
  const applicable = new Set(esgChecksFor(confirmedCategory, input));
  const has = (kind: DocumentKind): boolean => documentKinds.includes(kind);
  const { environment: env, social, governance } = input;
  const checks: AutomatedCheck[] = [];

  checks.push(
    automatedCheck(CHECK_CODES.ESG_CATEGORY_CONFIRMED, confirmedCategory === null ? 'needs_review' : 'pass', {
      confirmedCategory,
    }),
  );

  if (applicable.has(CHECK_CODES.ESG_ESIA)) {
    const s = env.esiaStatus;
    checks.push(
      automatedCheck(
        CHECK_CODES.ESG_ESIA,
        s === 'completed' ? 'pass' : s === 'in_progress' ? 'needs_review' : 'fail',
        {
          esiaStatus: s,
        },
      ),
    );
  }

  if (applicable.has(CHECK_CODES.ESG_INDEPENDENT_REVIEW)) {
    const attached = has('independent_es_review');
    checks.push(
      automatedCheck(CHECK_CODES.ESG_INDEPENDENT_REVIEW, attached ? 'pass' : 'needs_review', {
        independentEsReviewAttached: attached,
      }),
    );
  }

  if (applicable.has(CHECK_CODES.ESG_FPIC)) {
    const evidence = has('fpic_evidence');
    const s = social.fpicStatus;
    // "obtained" without the evidence document falls under "else fail" (checks.md, read literally).
    const outcome = s === 'obtained' && evidence ? 'pass' : s === 'in_progress' ? 'needs_review' : 'fail';
    checks.push(
      automatedCheck(CHECK_CODES.ESG_FPIC, outcome, { fpicStatus: s, fpicEvidenceAttached: evidence }),
    );
  }

  if (applicable.has(CHECK_CODES.ESG_TAILINGS)) {
    const cls = env.tailingsConsequenceClass;
    const outcome =
      env.tailings === 'upstream'
        ? 'fail'
        : cls === 'very_high' || cls === 'extreme'
          ? 'needs_review'
          : 'pass';
    checks.push(
      automatedCheck(
        CHECK_CODES.ESG_TAILINGS,
        outcome,
        { tailings: env.tailings, consequenceClass: cls },
        // informational for the officer who reviews GISTM conformance; not an input of the rule
        { gistmEvidenceAttached: has('gistm_evidence') },
      ),
    );
  }

  checks.push(
    automatedCheck(
      CHECK_CODES.ESG_WATER,
      env.waterStress === 'high' || env.waterStress === 'extremely_high' ? 'needs_review' : 'pass',
      { waterStress: env.waterStress },
    ),
  );

  // Ownership: the applicant is the root ('' here, it is not named in these details).
  const nodes = flattenOwnership('', governance.beneficialOwners);
  const topLevelH = nodes[0]!.ownersSumHundredths;
  const unresolved: UnresolvedOwner[] = [];
  for (const node of nodes.slice(1)) {
    if (node.type !== 'entity' || !shareAtLeast(node.share, thresholdH)) continue;
    const problem = !node.hasOwners
      ? 'no_owners_declared'
      : node.ownersSumHundredths < 10000
        ? 'owners_below_100'
        : null;
    if (problem) {
      unresolved.push({
        name: node.name,
        path: node.path.slice(1),
        effectivePct: shareToHundredths(node.share) / 100,
        problem,
      });
    }
  }
  checks.push(
    automatedCheck(
      CHECK_CODES.TRANS_BENEFICIAL_OWNERSHIP,
      topLevelH === 10000 && unresolved.length === 0 ? 'pass' : 'needs_review',
      { topLevelPct: topLevelH / 100, boThresholdPct: thresholdH / 100, unresolved },
    ),
  );

  const peps = nodes
    .slice(1)
    .filter((n) => n.isPep)
    .map((n) => ({ name: n.name, path: n.path.slice(1), effectivePct: shareToHundredths(n.share) / 100 }));
  checks.push(automatedCheck(CHECK_CODES.TRANS_PEP, peps.length > 0 ? 'needs_review' : 'pass', { peps }));

  const country = findCountry(params.countries.content, input.country);
  checks.push(
    automatedCheck(
      CHECK_CODES.TRANS_EITI,
      'pass',
      { country: input.country, eitiImplementing: country?.eitiImplementing ?? null },
      { countriesSha256: params.countries.sha256 },
    ),
  );

  if (applicable.has(CHECK_CODES.TRANS_CONTRACTS)) {
    const { contractsDisclosed, paymentsToGovernmentsDisclosed } = governance;
    checks.push(
      automatedCheck(
        CHECK_CODES.TRANS_CONTRACTS,
        contractsDisclosed && paymentsToGovernmentsDisclosed ? 'pass' : 'needs_review',
        { contractsDisclosed, paymentsToGovernmentsDisclosed },
      ),
    );
  }

  const feoc = assessFeoc(governance.beneficialOwners, params.feocCoveredCountries);
  checks.push(
    automatedCheck(
      CHECK_CODES.TRANS_FEOC,
      feoc.outcome,
      { coveredCountries: feoc.coveredCountries, owners: feoc.owners, sharePct: feoc.sharePct },
      { failAtPct: FEOC_FAIL_HUNDREDTHS / 100, reviewFromPct: FEOC_REVIEW_HUNDREDTHS / 100 },
    ),
  );

  checks.push(
    automatedCheck(CHECK_CODES.TRANS_ANNEX_II, governance.oecdAnnexIIAttestation ? 'pass' : 'needs_review', {
      oecdAnnexIIAttestation: governance.oecdAnnexIIAttestation,
    }),
  );
  return checks;
}
