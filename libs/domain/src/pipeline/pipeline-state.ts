import type { DocumentKind, EsCategory } from '../application/application-input.js';
import type { FieldProblem } from '../application/ownership-tree.js';
import type { PipelineRiskBand } from './committee.js';
import type { CommitteeRound, RoundCloseReason, RoundOutcome, RoundTally } from './committee-round.js';
import type { ActorRole } from './roles.js';
import type { Stage } from './stages.js';

/** checks.md outcomes. */
export type CheckOutcomeFact = 'pass' | 'fail' | 'needs_review' | 'waived';

/** One check row as the guards see it. */
export interface CheckFact {
  code: string;
  /** The stage the check belongs to (`screening`, `esg_review`, or the stage a re-screen hit opened it in). */
  stage: Stage;
  outcome: CheckOutcomeFact;
}

/** The application's sanctions screening as the guards see it. */
export interface ScreeningFact {
  result: 'clear' | 'review' | 'blocked';
  /** Parties with `potential_match` and no disposition yet (a pending false positive counts). */
  undisposedPotentialMatches: number;
}

/** Facts of the input that decide which ESG checks and documents are required. */
export interface EsFacts {
  indigenousPeoplesPresent: boolean;
  /** `environment.tailings !== 'none'`. */
  tailingsFacility: boolean;
}

/** The latest risk assessment: `current` per scoring.md (inputs hash and active model match). */
export interface AssessmentFact {
  id: string;
  current: boolean;
  /** The effective residual band (after any approved `risk.override`). */
  residualBand: PipelineRiskBand;
}

export interface ConditionFact {
  id: string;
  satisfied: boolean;
}

/** The frozen IC pack of the current committee round. */
export interface IcPackRef {
  assessmentId: string;
  /** SHA-256 of `icPackSnapshot(...)`; `null` until the caller fills it (see `withIcPackHash`). */
  icPackHash: string | null;
}

/**
 * Everything the stage machine's guards look at. The caller (a use case) builds it from the
 * stored application; `decide` never reads anything else. Unknown facts are `null` and make the
 * guards that need them fail (fail closed).
 */
export interface PipelineState {
  applicationId: string;
  organizationId: string;
  stage: Stage;
  /** Optimistic-concurrency version; every successful command returns `version + 1`. */
  version: number;
  assigneeId: string | null;
  /** `validateDraftForSubmit(input)`: empty when the input is complete and valid. */
  inputProblems: readonly FieldProblem[];
  esFacts: EsFacts | null;
  proposedCategory: EsCategory | null;
  /** The confirmed E&S category (a downgrade only once its maker-checker item is approved). */
  confirmedCategory: EsCategory | null;
  checks: readonly CheckFact[];
  screening: ScreeningFact | null;
  /** The latest queued screening job has run (false again while a re-screen is queued). */
  screeningJobDone: boolean;
  /** Kinds of the documents attached to the application. */
  documentKinds: readonly DocumentKind[];
  openInformationRequests: number;
  pendingApprovals: number;
  financingRecorded: boolean;
  latestAssessment: AssessmentFact | null;
  /** The conditions precedent of the financing structure; `null` before one is recorded. */
  conditionsPrecedent: readonly ConditionFact[] | null;
  /**
   * The committee round of the present stay in `committee` (open, or closed and waiting for nothing); `null`
   * outside `committee`. The caller opens it when the application enters `committee` (effect
   * `committee.open_round`): the list of eligible members and the deadline need the user table and the clock.
   */
  committee: CommitteeRound | null;
  icPack: IcPackRef | null;
  /**
   * monitoring.md: the money of a financed project (integer US dollars); `null` (or absent) before financial
   * close. Read by the post-close moves.
   */
  postClose?: { forgeAmountUsd: number; disbursedUsd: number; repaidUsd: number } | null;
}

/**
 * Commands `decide` accepts. `expectedVersion`, when given, must equal `state.version`
 * (`APPLICATION.VERSION_CONFLICT` otherwise).
 */
export type PipelineCommand =
  | { type: 'submit'; expectedVersion?: number }
  | { type: 'withdraw'; reason: string; expectedVersion?: number }
  /** The screening job has run: `submitted` → `screening` (system only). */
  | { type: 'screening_completed'; expectedVersion?: number }
  /**
   * Officer moves: `to` `esg_review` | `financing` | `committee` | `financed` | `rejected`, or
   * `financing` from `committee` (defer). `icPackHash` may be given when `to` is `committee`.
   */
  | { type: 'transition'; to: Stage; reason?: string; icPackHash?: string; expectedVersion?: number }
  | { type: 'assign'; assignee: { id: string; roles: readonly ActorRole[] }; expectedVersion?: number }
  /**
   * Close the committee round that is due (every eligible member voted or recused, or the deadline passed)
   * and apply its outcome, recomputed here from `state.committee`: approved, rejected, or lapsed without quorum
   * (back to `financing`). Issued by the member whose vote completed the round, in that transaction, or by
   * the system's deadline job. `now` is the caller's clock (ISO-8601).
   */
  | { type: 'committee_decided'; quorum: number; now: string; expectedVersion?: number }
  /**
   * monitoring.md: an approved disbursement took effect (the checker of its four-eyes item issues it in the
   * approving transaction); `disbursedUsd` is Σ disbursed after it. `financed` → `disbursing`, or →
   * `monitoring` once everything is disbursed.
   */
  | { type: 'disbursed'; disbursedUsd: number; expectedVersion?: number }
  /** monitoring.md: an approved write-off takes effect (`financed`, `disbursing`, `monitoring` → `written_off`). */
  | { type: 'write_off'; reason: string; expectedVersion?: number };

export type PipelineCommandType = PipelineCommand['type'];

export const PIPELINE_EVENT_ACTIONS = [
  'application.submitted',
  'application.stage_changed',
  'application.withdrawn',
  'application.rejected',
  'application.assigned',
  'committee.decided',
] as const;
export type PipelineEventAction = (typeof PIPELINE_EVENT_ACTIONS)[number];

/** What kind of move a stage change was. */
export type TransitionKind =
  | 'submit'
  | 'screening_completed'
  | 'advance'
  | 'defer'
  | 'close'
  | 'reject'
  | 'withdraw'
  | 'assign'
  | 'committee_decision'
  /** The round closed without quorum: back to `financing` (pipeline.md). */
  | 'committee_lapse'
  | 'disburse'
  | 'repay'
  | 'write_off';

export interface PipelineEventContext {
  transition: TransitionKind;
  /** The new version of the application. */
  version: number;
  /** Entering `committee`: the risk assessment put to the committee. */
  assessmentId?: string;
  /** Entering `committee`: `null` until the caller fills it (`withIcPackHash`). Committee decision: the frozen hash. */
  icPackHash?: string | null;
  /** The round's outcome (`lapsed`: without quorum) and its tally. */
  decision?: RoundOutcome;
  tally?: RoundTally;
  /** The committee round closed or opened by this move, and why it closed. */
  round?: number;
  closeReason?: RoundCloseReason;
  /** On approval: the conditions proposed with approving votes, added to the conditions precedent. */
  conditions?: string[];
  /** A disbursement: Σ disbursed after it, and the stages it passed (financed → disbursing → monitoring). */
  disbursedUsd?: number;
  path?: Stage[];
}

/**
 * The audit event of a command, without what the audit writer adds (`seq`, `id`, `occurredAt`,
 * `prevHash`, `hash`) and without request/job ids (the caller merges them into `context`).
 */
export interface PipelineEvent {
  action: PipelineEventAction;
  actor: { id: string; role: ActorRole };
  subject: { type: 'application'; id: string };
  applicationId: string;
  reason: string | null;
  before: { stage: Stage; assigneeId?: string | null };
  after: { stage: Stage; assigneeId?: string | null };
  context: PipelineEventContext;
}

/** Follow-up work the caller must do in the same transaction (e.g. write an outbox row). */
export type PipelineEffect =
  | 'queue.screening'
  | 'queue.risk_assessment'
  | 'committee.open_round'
  | 'committee.close_round'
  | 'ic_pack.freeze';

export interface DecideResult {
  state: PipelineState;
  event: PipelineEvent;
  effects: readonly PipelineEffect[];
}
