/** pipeline.md "Stages", in pipeline order. */
export const STAGES = [
  'draft',
  'submitted',
  'screening',
  'esg_review',
  'financing',
  'committee',
  'approved',
  'financed',
  'rejected',
  'withdrawn',
  // monitoring.md "Stages after close".
  'disbursing',
  'monitoring',
  'repaid',
  'written_off',
] as const;
export type Stage = (typeof STAGES)[number];

/**
 * What holds in each stage. Every stage subset the engine uses (open, reviewable, document-accepting, …) is
 * derived from this one table: a new stage is one row here (TypeScript asks for every trait), plus its moves in
 * the stage machine and the migration that rebuilds the stage CHECK constraint from `STAGES`.
 */
export interface StageTraits {
  /** Closed: nobody acts on the application any more. */
  terminal: boolean;
  /**
   * Received and not closed: officers may reject, (re)assign, ask questions and propose maker-checker items,
   * and a newly loaded sanctions list re-screens it.
   */
  open: boolean;
  /** Past screening's start and not closed: check results and screening dispositions are recorded. */
  reviewable: boolean;
  /** Documents may be added. */
  acceptsDocuments: boolean;
  /** The sponsor may withdraw (any stage before approval). */
  withdrawable: boolean;
  /** Still scored: risk jobs run, and activating a model re-queues an assessment. */
  scored: boolean;
  /** Past the screening stage: a new sanctions hit opens its check on this stage (checks.md). */
  pastScreening: boolean;
  /** In committee or decided by it: committee members read it, and the round's votes count. */
  committeeOnward: boolean;
  /**
   * Financed and carried by the fund (monitoring.md): money goes out, ESAP items, annual reports and incidents
   * are kept, and the project may be written off.
   */
  carried: boolean;
}

const ROW = {
  terminal: false,
  open: true,
  reviewable: true,
  acceptsDocuments: true,
  withdrawable: true,
  scored: true,
  pastScreening: true,
  committeeOnward: false,
  carried: false,
} satisfies StageTraits;
const CLOSED = {
  terminal: true,
  open: false,
  reviewable: false,
  acceptsDocuments: false,
  withdrawable: false,
  scored: false,
  pastScreening: false,
  committeeOnward: false,
  carried: false,
} satisfies StageTraits;
/** After financial close, until repaid or written off: not open to the pipeline's moves, but alive. */
const CARRIED = { ...CLOSED, terminal: false, acceptsDocuments: true, committeeOnward: true, carried: true };

export const STAGE_TRAITS: Readonly<Record<Stage, Readonly<StageTraits>>> = {
  draft: { ...ROW, open: false, reviewable: false, scored: false, pastScreening: false },
  submitted: { ...ROW, reviewable: false, pastScreening: false },
  screening: { ...ROW, pastScreening: false },
  esg_review: ROW,
  financing: ROW,
  committee: { ...ROW, committeeOnward: true },
  approved: { ...ROW, withdrawable: false, scored: false, committeeOnward: true },
  financed: CARRIED,
  rejected: CLOSED,
  withdrawn: CLOSED,
  disbursing: CARRIED,
  monitoring: CARRIED,
  repaid: { ...CLOSED, committeeOnward: true },
  written_off: { ...CLOSED, committeeOnward: true },
};

export type StageTrait = keyof StageTraits;

/** The stages with `trait`, in pipeline order. */
export function stagesWhere(trait: StageTrait): readonly Stage[] {
  return STAGES.filter((stage) => STAGE_TRAITS[stage][trait]);
}

export function stageHas(stage: Stage, trait: StageTrait): boolean {
  return STAGE_TRAITS[stage][trait];
}

/** Nobody acts on these any more. */
export const TERMINAL_STAGES = stagesWhere('terminal');
/** Received and not closed (see `StageTraits.open`). */
export const OPEN_STAGES = stagesWhere('open');
/** Checks and dispositions are recorded in these. */
export const REVIEWABLE_STAGES = stagesWhere('reviewable');
/** Documents may be added in these. */
export const DOCUMENT_STAGES = stagesWhere('acceptsDocuments');
/** The sponsor may withdraw in any stage before `approved`. */
export const WITHDRAWABLE_STAGES = stagesWhere('withdrawable');
/** An officer may reject in these: every open stage (not `draft`: see the pipeline README). */
export const REJECTABLE_STAGES = OPEN_STAGES;
/** Stages in which an officer may (re)assign the application. */
export const ASSIGNABLE_STAGES = OPEN_STAGES;
/** Stages in which the application is still scored. */
export const SCORED_STAGES = stagesWhere('scored');
/** Stages after screening where a new sanctions hit opens a check on the current stage. */
export const PAST_SCREENING_STAGES = stagesWhere('pastScreening');
/** Financed and carried by the fund (monitoring.md). */
export const CARRIED_STAGES = stagesWhere('carried');
/**
 * Screening dispositions (true match, false positive through four eyes) are recorded in these: the reviewable
 * stages, and the carried post-close ones, where a re-screening's new hit is a failed check and a watchlist
 * reason that officers must be able to dispose of (docs/monitoring.md "A sanctions hit after close").
 */
export const DISPOSITION_STAGES: readonly Stage[] = STAGES.filter(
  (stage) => STAGE_TRAITS[stage].reviewable || STAGE_TRAITS[stage].carried,
);
/**
 * A newly loaded sanctions list re-screens these: every application received and not terminal, the carried
 * post-close stages included (checks.md, monitoring.md; issue 13 item 6).
 */
export const RESCREENED_STAGES: readonly Stage[] = STAGES.filter(
  (stage) => STAGE_TRAITS[stage].open || STAGE_TRAITS[stage].carried,
);
/** In committee or decided by it. */
export const COMMITTEE_ONWARD_STAGES = stagesWhere('committeeOnward');
/** Stages in which the committee round (its votes, its decision) is kept: committee onward, or closed. */
export const COMMITTEE_ROUND_STAGES: readonly Stage[] = STAGES.filter(
  (stage) => STAGE_TRAITS[stage].committeeOnward || STAGE_TRAITS[stage].terminal,
);

export function isStage(value: unknown): value is Stage {
  return (STAGES as readonly unknown[]).includes(value);
}

export function isTerminalStage(stage: Stage): boolean {
  return stageHas(stage, 'terminal');
}
