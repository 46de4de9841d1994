import type { components, operations } from '../api/schema.gen';

/**
 * The values of the API's enumerations, for selects. The lists are written here (types do not exist at run
 * time) and checked against the generated types both ways: a value the API drops fails `satisfies`, a value
 * it adds fails `Exhaustive` — so `npm run typecheck` follows the API.
 */
type Input = components['schemas']['ApplicationInputDto'];
type Value<T> = NonNullable<T>;
type Exhaustive<Union, List extends readonly unknown[]> = [Exclude<Union, List[number]>] extends [never]
  ? true
  : ['missing from the list', Exclude<Union, List[number]>];
const exhaustive = <T extends true>(_proof: T) => _proof;

export const APPLICANT_TYPES = ['project', 'financial_intermediary'] as const satisfies readonly Value<
  Input['applicantType']
>[];
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
] as const satisfies readonly Value<Input['mineral']>[];
export const VALUE_CHAIN_SEGMENTS = [
  'extraction',
  'processing',
  'refining',
  'recycling',
] as const satisfies readonly Value<Input['valueChainSegment']>[];
export const PROJECT_PHASES = ['greenfield', 'brownfield', 'expansion'] as const satisfies readonly Value<
  Input['projectPhase']
>[];
export const TECHNOLOGY_MATURITIES = ['proven', 'complex', 'first_of_kind'] as const satisfies readonly Value<
  Input['technologyMaturity']
>[];
export const INSTRUMENTS = [
  'senior_loan',
  'subordinated_loan',
  'guarantee',
  'equity',
  'political_risk_insurance',
  'first_loss',
] as const satisfies readonly Value<Input['instrument']>[];
export const FX_EXPOSURES = [
  'usd_matched',
  'local_cost_exposure',
  'recent_controls',
  'active_controls',
] as const satisfies readonly Value<Input['fxExposure']>[];
type Sponsor = components['schemas']['SponsorDto'];
export const SPONSOR_PROFILES = [
  'investment_grade_major',
  'mid_tier',
  'single_asset_junior',
  'first_project',
] as const satisfies readonly Value<Sponsor['profile']>[];
type Environment = components['schemas']['EnvironmentDto'];
export const WATER_STRESS_LEVELS = [
  'low',
  'low_medium',
  'medium_high',
  'high',
  'extremely_high',
] as const satisfies readonly Value<Environment['waterStress']>[];
export const TAILINGS_METHODS = [
  'none',
  'dry_stack',
  'downstream',
  'centerline',
  'upstream',
] as const satisfies readonly Value<Environment['tailings']>[];
export const TAILINGS_CONSEQUENCE_CLASSES = [
  'none',
  'low',
  'significant',
  'high',
  'very_high',
  'extreme',
] as const satisfies readonly Value<Environment['tailingsConsequenceClass']>[];
export const ESIA_STATUSES = ['not_started', 'in_progress', 'completed'] as const satisfies readonly Value<
  Environment['esiaStatus']
>[];
type Social = components['schemas']['SocialDto'];
export const FPIC_STATUSES = [
  'not_required',
  'not_started',
  'in_progress',
  'obtained',
] as const satisfies readonly Value<Social['fpicStatus']>[];
type Governance = components['schemas']['GovernanceDto'];
export const ANTI_CORRUPTION_PROGRAMS = ['none', 'policy', 'iso37001'] as const satisfies readonly Value<
  Governance['antiCorruptionProgram']
>[];
type Owner = components['schemas']['BeneficialOwnerDto'];
export const OWNER_TYPES = ['person', 'entity'] as const satisfies readonly Value<Owner['type']>[];

type UploadBody = NonNullable<
  operations['DocumentsController_upload']['requestBody']
>['content']['multipart/form-data'];
export const DOCUMENT_KINDS = [
  'esia',
  'independent_es_review',
  'fpic_evidence',
  'gistm_evidence',
  'ownership_evidence',
  'financial_model',
  'other',
  'pri_policy',
  'offtake_agreement',
  'hedge_confirmation',
  'epc_contract',
  'completion_guarantee',
  'first_loss_agreement',
  'guarantee_agreement',
  'water_study',
  'dsra_agreement',
] as const satisfies readonly UploadBody['kind'][];

exhaustive<Exhaustive<Value<Input['applicantType']>, typeof APPLICANT_TYPES>>(true);
exhaustive<Exhaustive<Value<Input['mineral']>, typeof MINERALS>>(true);
exhaustive<Exhaustive<Value<Input['valueChainSegment']>, typeof VALUE_CHAIN_SEGMENTS>>(true);
exhaustive<Exhaustive<Value<Input['projectPhase']>, typeof PROJECT_PHASES>>(true);
exhaustive<Exhaustive<Value<Input['technologyMaturity']>, typeof TECHNOLOGY_MATURITIES>>(true);
exhaustive<Exhaustive<Value<Input['instrument']>, typeof INSTRUMENTS>>(true);
exhaustive<Exhaustive<Value<Input['fxExposure']>, typeof FX_EXPOSURES>>(true);
exhaustive<Exhaustive<Value<Sponsor['profile']>, typeof SPONSOR_PROFILES>>(true);
exhaustive<Exhaustive<Value<Environment['waterStress']>, typeof WATER_STRESS_LEVELS>>(true);
exhaustive<Exhaustive<Value<Environment['tailings']>, typeof TAILINGS_METHODS>>(true);
exhaustive<Exhaustive<Value<Environment['tailingsConsequenceClass']>, typeof TAILINGS_CONSEQUENCE_CLASSES>>(
  true,
);
exhaustive<Exhaustive<Value<Environment['esiaStatus']>, typeof ESIA_STATUSES>>(true);
exhaustive<Exhaustive<Value<Social['fpicStatus']>, typeof FPIC_STATUSES>>(true);
exhaustive<Exhaustive<Value<Governance['antiCorruptionProgram']>, typeof ANTI_CORRUPTION_PROGRAMS>>(true);
exhaustive<Exhaustive<Value<Owner['type']>, typeof OWNER_TYPES>>(true);
exhaustive<Exhaustive<UploadBody['kind'], typeof DOCUMENT_KINDS>>(true);

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type Mineral = (typeof MINERALS)[number];
