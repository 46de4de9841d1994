import { FORGE_RRS_1_0_0 } from './forge-rrs-1-0-0.params.js';
import { defineScoringModel } from './scoring-model.define.js';

/**
 * The evidence document kind of each mitigant type (scoring.md, FORGE-RRS 1.1.0). These kinds
 * join the document kinds of api.md.
 */
export const MITIGANT_EVIDENCE_KINDS = {
  political_risk_insurance: 'pri_policy',
  offtake: 'offtake_agreement',
  commodity_hedge: 'hedge_confirmation',
  fixed_price_epc: 'epc_contract',
  completion_guarantee: 'completion_guarantee',
  first_loss: 'first_loss_agreement',
  partial_credit_guarantee: 'guarantee_agreement',
  independent_es_review: 'independent_es_review',
  water_solution: 'water_study',
  gistm_conformance: 'gistm_evidence',
  fpic_agreement: 'fpic_evidence',
  verified_ownership_and_contracts: 'ownership_evidence',
  usd_offtake_offshore_dsra: 'dsra_agreement',
} as const;

/**
 * FORGE-RRS 1.1.0 (scoring.md): every parameter of 1.0.0, and one rule more: a mitigant earns
 * its credit only when a document of its evidence kind is attached (`mitigantEvidence`). Like
 * 1.0.0, this object is never edited: a change is a new version.
 */
export const FORGE_RRS_1_1_0 = defineScoringModel({
  ...FORGE_RRS_1_0_0,
  version: '1.1.0',
  mitigantEvidence: MITIGANT_EVIDENCE_KINDS,
});
