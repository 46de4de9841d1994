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
] as const;
export type Stage = (typeof STAGES)[number];

/** Nobody acts on these any more. */
export const TERMINAL_STAGES: readonly Stage[] = ['financed', 'rejected', 'withdrawn'];

/** The sponsor may withdraw in any stage before `approved`. */
export const WITHDRAWABLE_STAGES: readonly Stage[] = [
  'draft',
  'submitted',
  'screening',
  'esg_review',
  'financing',
  'committee',
];

/** An officer may reject in these (every non-terminal stage except `draft`: see the report). */
export const REJECTABLE_STAGES: readonly Stage[] = [
  'submitted',
  'screening',
  'esg_review',
  'financing',
  'committee',
  'approved',
];

/** Stages in which an officer may (re)assign the application. */
export const ASSIGNABLE_STAGES: readonly Stage[] = REJECTABLE_STAGES;

export function isStage(value: unknown): value is Stage {
  return (STAGES as readonly unknown[]).includes(value);
}

export function isTerminalStage(stage: Stage): boolean {
  return TERMINAL_STAGES.includes(stage);
}
