import type { ApplicationInput, EsCategory } from '../application/application-input.js';

/** Why a category was proposed (stable codes, shown to the officer). */
export type CategoryReason =
  | 'financial_intermediary'
  | 'indigenous_peoples_present'
  | 'physical_resettlement'
  | 'critical_habitat'
  | 'protected_area_overlap'
  | 'tailings_consequence_high_or_above'
  | 'upstream_tailings'
  | 'greenfield_extraction_extremely_high_water_stress'
  | 'recycling_not_greenfield'
  | 'no_category_a_or_c_trigger';

export interface CategoryProposal {
  category: EsCategory;
  reasons: CategoryReason[];
}

export type CategoryInput = Pick<
  ApplicationInput,
  'applicantType' | 'valueChainSegment' | 'projectPhase' | 'environment' | 'social'
>;

/** Category A triggers of checks.md rule 2, in the order they are reported. */
export function categoryATriggers(input: CategoryInput): CategoryReason[] {
  const { environment: env, social } = input;
  const reasons: CategoryReason[] = [];
  if (social.indigenousPeoplesPresent) reasons.push('indigenous_peoples_present');
  if (social.physicalResettlementHouseholds > 0) reasons.push('physical_resettlement');
  if (env.criticalHabitat) reasons.push('critical_habitat');
  if (env.protectedAreaOverlap) reasons.push('protected_area_overlap');
  if (['high', 'very_high', 'extreme'].includes(env.tailingsConsequenceClass)) {
    reasons.push('tailings_consequence_high_or_above');
  }
  if (env.tailings === 'upstream') reasons.push('upstream_tailings');
  if (
    input.projectPhase === 'greenfield' &&
    input.valueChainSegment === 'extraction' &&
    env.waterStress === 'extremely_high'
  ) {
    reasons.push('greenfield_extraction_extremely_high_water_stress');
  }
  return reasons;
}

/**
 * The proposed E&S category (checks.md, rules applied in order, the first that fires wins):
 * 1. FI for a financial intermediary; 2. A on any A trigger (all that fired are listed);
 * 3. C for recycling that is not greenfield; 4. B otherwise.
 */
export function proposeCategory(input: CategoryInput): CategoryProposal {
  if (input.applicantType === 'financial_intermediary') {
    return { category: 'FI', reasons: ['financial_intermediary'] };
  }
  const a = categoryATriggers(input);
  if (a.length > 0) return { category: 'A', reasons: a };
  if (input.valueChainSegment === 'recycling' && input.projectPhase !== 'greenfield') {
    return { category: 'C', reasons: ['recycling_not_greenfield'] };
  }
  return { category: 'B', reasons: ['no_category_a_or_c_trigger'] };
}
