/**
 * The shape of a FORGE-RRS model version as DATA (scoring.md). The scoring code interprets these
 * parameters; a new model version is a new `ScoringModelParams` value, not new code, as long as
 * its rules fit the predicate language below.
 *
 * Units: weights in basis points of the total (sum 10,000); factor scores 1..4; scores in
 * hundredths; percentages in basis points (hundredths of a percent: 60% = 6000); DSCR in
 * hundredths (1.45x = 145); PD and LGD in basis points.
 */

export const BANDS = ['low', 'moderate', 'substantial', 'high'] as const;
export type Band = (typeof BANDS)[number];

/** The fields of `RiskInputs` a factor rubric may read (dot paths). */
export const RISK_FIELDS = [
  'country',
  'reference.oecdCrc',
  'reference.eitiImplementing',
  'mineral',
  'projectPhase',
  'technologyMaturity',
  'fxExposure',
  'sponsor.profile',
  'sponsor.equityBp',
  'sponsor.baseCaseDscr',
  'environment.waterStress',
  'environment.tailings',
  'environment.tailingsConsequenceClass',
  'environment.criticalHabitat',
  'environment.protectedAreaOverlap',
  'social.indigenousPeoplesPresent',
  'social.physicalResettlementHouseholds',
  'social.economicDisplacementHouseholds',
  'social.activeConflict',
  'governance.declaredOwnershipBp',
  'governance.anyPep',
  'governance.contractsDisclosed',
  'governance.paymentsToGovernmentsDisclosed',
  'governance.adverseMedia',
] as const;
export type RiskField = (typeof RISK_FIELDS)[number];

/** The fields of a normalised mitigant a credit rule may read. */
export const MITIGANT_FIELDS = [
  'coverageBp',
  'pctBp',
  'covers',
  'buyerInvestmentGrade',
  'floorPrice',
] as const;
export type MitigantField = (typeof MITIGANT_FIELDS)[number];

export type Scalar = string | number | boolean | null;

/**
 * A condition over named fields. Exactly one operator per node:
 * `always` (true), `in` (the value is one of), `lt` / `gte` (integer comparisons; a non-number
 * never matches), `includesAll` (an array field holds every listed value), `all` / `any`.
 */
export type Predicate<F extends string> =
  | { readonly always: true }
  | { readonly field: F; readonly in: readonly Scalar[] }
  | { readonly field: F; readonly lt: number }
  | { readonly field: F; readonly gte: number }
  | { readonly field: F; readonly includesAll: readonly string[] }
  | { readonly all: readonly Predicate<F>[] }
  | { readonly any: readonly Predicate<F>[] };

/**
 * One row of a rubric table. `reason` is a sentence fragment for the officer; `{path}` is
 * replaced by the field's value (basis-point fields print as percentages, DSCR as `1.45x`).
 */
export interface RubricRule {
  readonly when: Predicate<RiskField>;
  readonly score: number;
  readonly reason: string;
}

/**
 * `first_match`: the first rule whose condition holds gives the score (none → invalid inputs).
 * `highest_of`: each part is a first-match table; an optional part that does not match contributes
 * nothing, a required one that does not match is invalid input; the factor score is the highest of
 * the parts that matched.
 */
export type FactorRubric =
  | { readonly kind: 'first_match'; readonly rules: readonly RubricRule[] }
  | {
      readonly kind: 'highest_of';
      readonly parts: readonly {
        readonly name: string;
        /** A required part must match (an unclassified value is invalid input, not "no risk"). */
        readonly required: boolean;
        readonly rules: readonly RubricRule[];
      }[];
    };

export interface FactorParams {
  readonly code: string;
  readonly name: string;
  readonly weightBp: number;
  readonly rubric: FactorRubric;
}

export interface CreditParams {
  readonly factor: string;
  readonly notches: number;
}

/** A tier of a mitigant credit rule; the first tier whose condition holds gives the credits. */
export interface MitigantTier {
  readonly when: Predicate<MitigantField>;
  readonly credits: readonly CreditParams[];
  readonly reason: string;
}

export interface MitigantRule {
  readonly type: string;
  readonly tiers: readonly MitigantTier[];
  /** The factors the mitigant can credit (for the explanation when no tier holds). */
  readonly targets: readonly string[];
  /** Why no credit when no tier holds. */
  readonly notMet: string;
}

/** Mitigant types that together credit one factor at most `maxNotches` (water + GISTM on F5). */
export interface CreditGroup {
  readonly factor: string;
  readonly types: readonly string[];
  readonly maxNotches: number;
  readonly reason: string;
}

/** SORT-style floor: `minFactors` or more factors at `atScore` → band at least `band`. */
export interface FloorRule {
  readonly rule: string;
  readonly atScore: number;
  readonly minFactors: number;
  readonly band: Band;
}

export interface ScoringModelParams {
  readonly model: string;
  readonly version: string;
  /**
   * FORGE-RRS 1.1.0 on: a mitigant earns credit only when it is **evidenced**, that is when a
   * document of its evidence kind (this map: mitigant type → document kind) is attached to the
   * application. Absent (1.0.0): every mitigant counts as declared.
   */
  readonly mitigantEvidence?: { readonly [mitigantType: string]: string };
  /** Factor score scale and its labels, lowest first (`labels[score - min]`). */
  readonly scale: { readonly min: number; readonly max: number; readonly labels: readonly string[] };
  readonly factors: readonly FactorParams[];
  /** Bands best first; a score is in the first band whose `below` it is under (`null`: no bound). */
  readonly bands: readonly { readonly band: Band; readonly below: number | null }[];
  readonly floors: readonly FloorRule[];
  readonly mitigants: readonly MitigantRule[];
  readonly creditGroups: readonly CreditGroup[];
  /** Notches of credit one factor can receive in all. */
  readonly creditCapPerFactor: number;
  /** The residual band is at most this many bands better than the gross band. */
  readonly conservatism: { readonly maxBandsBetter: number };
  readonly expectedLoss: {
    readonly pdBp: { readonly [B in Band]: number };
    readonly lgdBp: number;
    /** The mitigant whose largest `pctBp` absorbs loss first (LGD − pct). */
    readonly firstLossMitigant: string;
    /** The mitigant whose largest `coverageBp` guarantees a share of the exposure. */
    readonly guaranteeMitigant: string;
  };
}
