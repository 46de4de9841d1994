import type { ApplicationInput, DocumentKind, EsCategory } from '../application/application-input.js';
import { DomainError } from '../errors/domain-error.js';
import { findCountry, type CountriesSnapshot } from '../reference/reference-data.js';
import {
  flattenOwnership,
  pctToHundredths,
  shareAtLeast,
  shareToHundredths,
} from '../screening/ownership-screening.js';
import { automatedCheck, CHECK_CODES, type AutomatedCheck, type CheckCode } from './check-codes.js';

/** `BO_THRESHOLD_PCT` default. */
export const DEFAULT_BO_THRESHOLD_PCT = 10;

export interface EsgCheckParams {
  countries: CountriesSnapshot;
  /** `BO_THRESHOLD_PCT`, percent with up to two decimals (default 10). */
  boThresholdPct?: number;
}

type EsgInput = Pick<ApplicationInput, 'country' | 'environment' | 'social' | 'governance'>;

const isAorB = (c: EsCategory | null): boolean => c === 'A' || c === 'B';

/**
 * Which ESG/TRANS checks exist for a confirmed category (checks.md table). With no confirmed
 * category yet, only the checks "for all" (and ESG.TAILINGS when there is a facility) exist,
 * with ESG.CATEGORY_CONFIRMED at `needs_review`; the A/B-specific ones appear on confirmation.
 */
export function esgChecksFor(category: EsCategory | null, input: EsgInput): CheckCode[] {
  const codes: CheckCode[] = [CHECK_CODES.ESG_CATEGORY_CONFIRMED];
  if (isAorB(category)) codes.push(CHECK_CODES.ESG_ESIA);
  if (category === 'A') codes.push(CHECK_CODES.ESG_INDEPENDENT_REVIEW);
  if (isAorB(category) && input.social.indigenousPeoplesPresent) codes.push(CHECK_CODES.ESG_FPIC);
  if (input.environment.tailings !== 'none') codes.push(CHECK_CODES.ESG_TAILINGS);
  codes.push(
    CHECK_CODES.ESG_WATER,
    CHECK_CODES.TRANS_BENEFICIAL_OWNERSHIP,
    CHECK_CODES.TRANS_PEP,
    CHECK_CODES.TRANS_EITI,
  );
  if (isAorB(category)) codes.push(CHECK_CODES.TRANS_CONTRACTS);
  codes.push(CHECK_CODES.TRANS_ANNEX_II);
  return codes;
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

  checks.push(
    automatedCheck(CHECK_CODES.TRANS_ANNEX_II, governance.oecdAnnexIIAttestation ? 'pass' : 'needs_review', {
      oecdAnnexIIAttestation: governance.oecdAnnexIIAttestation,
    }),
  );
  return checks;
}
