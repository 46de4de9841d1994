/**
 * The application input of api.md, as the domain sees it once the HTTP layer validated its shape.
 * Percentages are as submitted (numbers with up to two decimals); domain code that does
 * arithmetic on them converts to integer hundredths first (`toHundredths`).
 */

export const APPLICANT_TYPES = ['project', 'financial_intermediary'] as const;
export const MINERALS = [
  'lithium',
  'copper',
  'nickel',
  'cobalt',
  'graphite',
  'manganese',
  'rare_earths',
  'gallium',
  'germanium',
  'antimony',
  'vanadium',
  'tungsten',
  'tin',
  'titanium',
  'zinc',
  'silver',
  'gold',
] as const;
export const VALUE_CHAIN_SEGMENTS = ['extraction', 'processing', 'refining', 'recycling'] as const;
export const PROJECT_PHASES = ['greenfield', 'brownfield', 'expansion'] as const;
export const TECHNOLOGY_MATURITIES = ['proven', 'complex', 'first_of_kind'] as const;
export const INSTRUMENTS = [
  'senior_loan',
  'subordinated_loan',
  'guarantee',
  'equity',
  'political_risk_insurance',
  'first_loss',
] as const;
export const FX_EXPOSURES = [
  'usd_matched',
  'local_cost_exposure',
  'recent_controls',
  'active_controls',
] as const;
export const SPONSOR_PROFILES = [
  'investment_grade_major',
  'mid_tier',
  'single_asset_junior',
  'first_project',
] as const;
export const WATER_STRESS_LEVELS = ['low', 'low_medium', 'medium_high', 'high', 'extremely_high'] as const;
export const TAILINGS_METHODS = ['none', 'dry_stack', 'downstream', 'centerline', 'upstream'] as const;
export const TAILINGS_CONSEQUENCE_CLASSES = [
  'none',
  'low',
  'significant',
  'high',
  'very_high',
  'extreme',
] as const;
export const ESIA_STATUSES = ['not_started', 'in_progress', 'completed'] as const;
export const FPIC_STATUSES = ['not_required', 'not_started', 'in_progress', 'obtained'] as const;
export const OWNER_TYPES = ['person', 'entity'] as const;
export const ANTI_CORRUPTION_PROGRAMS = ['none', 'policy', 'iso37001'] as const;
export const DOCUMENT_KINDS = [
  'esia',
  'independent_es_review',
  'fpic_evidence',
  'gistm_evidence',
  'ownership_evidence',
  'financial_model',
  'other',
  // The mitigant evidence kinds of FORGE-RRS 1.1.0 (scoring.md) not listed above.
  'pri_policy',
  'offtake_agreement',
  'hedge_confirmation',
  'epc_contract',
  'completion_guarantee',
  'first_loss_agreement',
  'guarantee_agreement',
  'water_study',
  'dsra_agreement',
] as const;
export const ES_CATEGORIES = ['A', 'B', 'C', 'FI'] as const;

export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export type Mineral = (typeof MINERALS)[number];
export type ValueChainSegment = (typeof VALUE_CHAIN_SEGMENTS)[number];
export type ProjectPhase = (typeof PROJECT_PHASES)[number];
export type TechnologyMaturity = (typeof TECHNOLOGY_MATURITIES)[number];
export type Instrument = (typeof INSTRUMENTS)[number];
export type FxExposure = (typeof FX_EXPOSURES)[number];
export type SponsorProfile = (typeof SPONSOR_PROFILES)[number];
export type WaterStress = (typeof WATER_STRESS_LEVELS)[number];
export type TailingsMethod = (typeof TAILINGS_METHODS)[number];
export type TailingsConsequenceClass = (typeof TAILINGS_CONSEQUENCE_CLASSES)[number];
export type EsiaStatus = (typeof ESIA_STATUSES)[number];
export type FpicStatus = (typeof FPIC_STATUSES)[number];
export type OwnerType = (typeof OWNER_TYPES)[number];
export type AntiCorruptionProgram = (typeof ANTI_CORRUPTION_PROGRAMS)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type EsCategory = (typeof ES_CATEGORIES)[number];

export interface BeneficialOwner {
  name: string;
  type: OwnerType;
  country: string;
  /** 0–100 with up to two decimals. */
  ownershipPct: number;
  isPep: boolean;
  /**
   * A government, or an entity owned or controlled by one (api.md; `TRANS.FEOC` reads it with
   * `country`). Optional: absent means not declared state-owned.
   */
  stateOwned?: boolean;
  owners?: BeneficialOwner[];
}

export interface ApplicationInput {
  applicantType: ApplicantType;
  title: string;
  summary: string;
  country: string;
  region: string;
  location: { lat: number; lon: number };
  mineral: Mineral;
  valueChainSegment: ValueChainSegment;
  projectPhase: ProjectPhase;
  technologyMaturity: TechnologyMaturity;
  capexUsd: number;
  requestedAmountUsd: number;
  instrument: Instrument;
  tenorYears: number;
  fxExposure: FxExposure;
  sponsor: { profile: SponsorProfile; equityPct: number; baseCaseDscr: number };
  environment: {
    waterStress: WaterStress;
    tailings: TailingsMethod;
    tailingsConsequenceClass: TailingsConsequenceClass;
    criticalHabitat: boolean;
    protectedAreaOverlap: boolean;
    esiaStatus: EsiaStatus;
    ghgScope12TonnesPerYear: number;
  };
  social: {
    indigenousPeoplesPresent: boolean;
    fpicStatus: FpicStatus;
    physicalResettlementHouseholds: number;
    economicDisplacementHouseholds: number;
    activeConflict: boolean;
  };
  governance: {
    beneficialOwners: BeneficialOwner[];
    contractsDisclosed: boolean;
    paymentsToGovernmentsDisclosed: boolean;
    adverseMedia: boolean;
    antiCorruptionProgram: AntiCorruptionProgram;
    oecdAnnexIIAttestation: boolean;
  };
}

/** A mitigant of the financing structure (scoring.md); `type` decides which fields matter. */
export interface Mitigant {
  type: string;
  provider?: string;
  coveragePct?: number;
  pct?: number;
  covers?: string[];
  buyerInvestmentGrade?: boolean;
  floorPrice?: boolean;
}

export interface FinancingStructure {
  instrument: Instrument;
  amountUsd: number;
  tenorYears: number;
  mitigants: Mitigant[];
  conditionsPrecedent: string[];
}

/** Converts a percentage with at most two decimals to integer hundredths without float drift. */
export function toHundredths(pct: number): number {
  return Math.round(pct * 100);
}
