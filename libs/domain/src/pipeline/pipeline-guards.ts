import type { DocumentKind, EsCategory } from '../application/application-input.js';
import { SCREENING_STAGE_CHECK_CODES } from '../checks/check-codes.js';
import { esgChecksFor } from '../checks/esg-checks.js';
import type { DomainErrorDetail } from '../errors/domain-error.js';
import { closeDue, isRoundClosed } from './committee-round.js';
import type { EsFacts, PipelineState } from './pipeline-state.js';
import type { Stage } from './stages.js';

/** Stable guard ids: the `guard` of each `APPLICATION.GUARD_FAILED` detail. */
export const PIPELINE_GUARDS = {
  /** draft → submitted: every mandatory field present and valid (one detail per field, with `field`). */
  inputValid: 'draft.input_valid',
  /** The latest screening job has run. */
  screeningJobDone: 'screening.job_done',
  /** A sanctions screening result is recorded. */
  screeningResultRecorded: 'screening.result_recorded',
  /** submitted → screening: the screening job proposed an E&S category. */
  categoryProposed: 'category.proposed',
  /** A `blocked` screening can only lead to rejection. */
  screeningNotBlocked: 'screening.not_blocked',
  /** screening → esg_review: no potential match without a disposition. */
  potentialMatchesDisposed: 'screening.potential_matches_disposed',
  /** The checks required to leave this stage exist (fixed codes of checks.md). */
  checksRequiredPresent: 'checks.required_present',
  /** Every check of the current stage is `pass` or `waived`. */
  checksStageResolved: 'checks.stage_resolved',
  /** A `fail` check can only lead to rejection. */
  checksNoFail: 'checks.no_fail',
  /** esg_review → financing: an E&S category is confirmed. */
  categoryConfirmed: 'category.confirmed',
  /** esg_review → financing, category A: an `independent_es_review` document. */
  independentReview: 'category_a.independent_review',
  /** esg_review → financing, category A with Indigenous Peoples present: an `fpic_evidence` document. */
  fpicEvidence: 'category_a.fpic_evidence',
  /** financing → committee: a financing structure is recorded. */
  financingRecorded: 'financing.recorded',
  /** financing → committee: the latest risk assessment exists and is current. */
  assessmentCurrent: 'risk.assessment_current',
  /** approved → financed: every condition precedent satisfied. */
  conditionsSatisfied: 'conditions.all_satisfied',
  /**
   * committee → approved | rejected | financing (lapse): the round is open and due (every eligible member
   * voted or recused, or its deadline passed).
   */
  roundDue: 'committee.round_due',
  /** No open information request (every move but reject and withdraw). */
  noOpenInformationRequest: 'information_request.none_open',
  /** monitoring → repaid: Σ repaid = Σ disbursed = FORGE amount (monitoring.md). */
  repaymentComplete: 'repayment.complete',
  /** No pending maker-checker item (every move but reject and withdraw). */
  noPendingApproval: 'approval.none_pending',
} as const;
export type PipelineGuardId = (typeof PIPELINE_GUARDS)[keyof typeof PIPELINE_GUARDS];

/** checks.md: the automated checks of the screening stage (the list of `check-codes.ts`). */
export const SCREENING_CHECK_CODES: readonly string[] = SCREENING_STAGE_CHECK_CODES;

/** checks.md: the ESG/transparency checks an application of `category` must have (one list: `esgChecksFor`). */
export function requiredEsgCheckCodes(category: EsCategory, facts: EsFacts): string[] {
  return esgChecksFor(category, facts);
}

type Detail = DomainErrorDetail & { guard: PipelineGuardId };

function fail(guard: PipelineGuardId, message: string, field?: string): Detail {
  return field === undefined ? { guard, message } : { guard, field, message };
}

function hasDocument(state: PipelineState, kind: DocumentKind): boolean {
  return state.documentKinds.includes(kind);
}

// ---- individual guards: each returns its unmet details (empty when met) ----

export function guardInputValid(state: PipelineState): Detail[] {
  return state.inputProblems.map((p) =>
    fail(PIPELINE_GUARDS.inputValid, `${p.field}: ${p.message}`, p.field),
  );
}

export function guardScreeningJobDone(state: PipelineState): Detail[] {
  return state.screeningJobDone
    ? []
    : [fail(PIPELINE_GUARDS.screeningJobDone, 'the screening job has not finished yet')];
}

export function guardScreeningResultRecorded(state: PipelineState): Detail[] {
  return state.screening !== null
    ? []
    : [fail(PIPELINE_GUARDS.screeningResultRecorded, 'no sanctions screening result is recorded')];
}

export function guardCategoryProposed(state: PipelineState): Detail[] {
  return state.proposedCategory !== null
    ? []
    : [fail(PIPELINE_GUARDS.categoryProposed, 'no E&S category has been proposed')];
}

export function guardScreeningNotBlocked(state: PipelineState): Detail[] {
  return state.screening?.result === 'blocked'
    ? [
        fail(
          PIPELINE_GUARDS.screeningNotBlocked,
          'sanctions screening blocked the application: it can only be rejected',
        ),
      ]
    : [];
}

export function guardPotentialMatchesDisposed(state: PipelineState): Detail[] {
  const n = state.screening?.undisposedPotentialMatches ?? 0;
  return n === 0
    ? []
    : [
        fail(
          PIPELINE_GUARDS.potentialMatchesDisposed,
          `${n} potential sanctions match(es) without a disposition`,
        ),
      ];
}

/** The checks that must exist before leaving `stage`; `null` when they cannot be known (fail closed). */
function requiredCodesFor(state: PipelineState, stage: Stage): readonly string[] | null {
  if (stage === 'screening') return SCREENING_CHECK_CODES;
  if (stage === 'esg_review') {
    if (state.confirmedCategory === null || state.esFacts === null) return null;
    return requiredEsgCheckCodes(state.confirmedCategory, state.esFacts);
  }
  return [];
}

export function guardChecksRequiredPresent(state: PipelineState, stage: Stage = state.stage): Detail[] {
  if (stage === 'esg_review' && state.confirmedCategory === null) return []; // category.confirmed names it
  const required = requiredCodesFor(state, stage);
  if (required === null) {
    return [
      fail(PIPELINE_GUARDS.checksRequiredPresent, 'the facts that decide the required checks are unknown'),
    ];
  }
  const present = new Set(state.checks.map((c) => c.code));
  const missing = required.filter((code) => !present.has(code));
  return missing.length === 0
    ? []
    : [fail(PIPELINE_GUARDS.checksRequiredPresent, `required checks missing: ${missing.join(', ')}`)];
}

export function guardChecksStageResolved(state: PipelineState, stage: Stage = state.stage): Detail[] {
  const open = state.checks
    .filter((c) => c.stage === stage && c.outcome !== 'pass' && c.outcome !== 'waived')
    .map((c) => `${c.code} (${c.outcome})`);
  return open.length === 0
    ? []
    : [
        fail(
          PIPELINE_GUARDS.checksStageResolved,
          `checks not resolved to pass or waived: ${open.join(', ')}`,
        ),
      ];
}

export function guardChecksNoFail(state: PipelineState): Detail[] {
  const failed = state.checks.filter((c) => c.outcome === 'fail').map((c) => c.code);
  return failed.length === 0
    ? []
    : [fail(PIPELINE_GUARDS.checksNoFail, `failed checks can only lead to rejection: ${failed.join(', ')}`)];
}

export function guardCategoryConfirmed(state: PipelineState): Detail[] {
  return state.confirmedCategory !== null
    ? []
    : [fail(PIPELINE_GUARDS.categoryConfirmed, 'no E&S category has been confirmed')];
}

export function guardIndependentReview(state: PipelineState): Detail[] {
  if (state.confirmedCategory !== 'A' || hasDocument(state, 'independent_es_review')) return [];
  return [fail(PIPELINE_GUARDS.independentReview, 'category A needs an independent E&S review document')];
}

export function guardFpicEvidence(state: PipelineState): Detail[] {
  if (state.confirmedCategory !== 'A') return [];
  // Unknown whether Indigenous Peoples are present: assume they are (fail closed).
  const present = state.esFacts?.indigenousPeoplesPresent ?? true;
  if (!present || hasDocument(state, 'fpic_evidence')) return [];
  return [
    fail(PIPELINE_GUARDS.fpicEvidence, 'category A with Indigenous Peoples present needs FPIC evidence'),
  ];
}

export function guardFinancingRecorded(state: PipelineState): Detail[] {
  return state.financingRecorded
    ? []
    : [fail(PIPELINE_GUARDS.financingRecorded, 'no financing structure is recorded')];
}

export function guardAssessmentCurrent(state: PipelineState): Detail[] {
  if (state.latestAssessment === null) {
    return [fail(PIPELINE_GUARDS.assessmentCurrent, 'no risk assessment exists')];
  }
  return state.latestAssessment.current
    ? []
    : [fail(PIPELINE_GUARDS.assessmentCurrent, 'the latest risk assessment is stale')];
}

export function guardConditionsSatisfied(state: PipelineState): Detail[] {
  if (state.conditionsPrecedent === null) {
    return [fail(PIPELINE_GUARDS.conditionsSatisfied, 'no conditions precedent are recorded')];
  }
  const open = state.conditionsPrecedent.filter((c) => !c.satisfied).map((c) => c.id);
  return open.length === 0
    ? []
    : [fail(PIPELINE_GUARDS.conditionsSatisfied, `conditions precedent not satisfied: ${open.join(', ')}`)];
}

/** The committee round is open and due to close at `now` (pipeline.md "Investment committee"). */
export function guardRoundDue(state: PipelineState, now: string): Detail[] {
  const round = state.committee;
  if (round === null) return [fail(PIPELINE_GUARDS.roundDue, 'no committee round is open')];
  if (isRoundClosed(round)) {
    return [fail(PIPELINE_GUARDS.roundDue, `committee round ${round.round} is already closed`)];
  }
  if (closeDue(round, now) !== null) return [];
  const entered = new Set(round.votes.map((v) => v.userId));
  const done = round.eligibleMemberIds.filter((id) => entered.has(id)).length;
  return [
    fail(
      PIPELINE_GUARDS.roundDue,
      `${done} of ${round.eligibleMemberIds.length} eligible members have voted or recused; the round is open until ${round.deadline}`,
    ),
  ];
}

export function guardNoOpenInformationRequest(state: PipelineState): Detail[] {
  const n = state.openInformationRequests;
  return n === 0 ? [] : [fail(PIPELINE_GUARDS.noOpenInformationRequest, `${n} open information request(s)`)];
}

export function guardNoPendingApproval(state: PipelineState): Detail[] {
  const n = state.pendingApprovals;
  return n === 0 ? [] : [fail(PIPELINE_GUARDS.noPendingApproval, `${n} pending maker-checker item(s)`)];
}

/** monitoring → repaid: everything disbursed (the whole FORGE amount) has been repaid. */
export function guardRepaymentComplete(state: PipelineState): Detail[] {
  const f = state.postClose;
  if (f && f.disbursedUsd === f.forgeAmountUsd && f.repaidUsd >= f.disbursedUsd) return [];
  return [
    fail(
      PIPELINE_GUARDS.repaymentComplete,
      f
        ? `US$${f.repaidUsd} of US$${f.disbursedUsd} disbursed has been repaid`
        : 'no repayments are recorded',
    ),
  ];
}

// ---- which guards apply to which move ----

/** The blocks that apply to every move out of a stage except reject and withdraw. */
function commonBlocks(state: PipelineState): Detail[] {
  return [...guardNoOpenInformationRequest(state), ...guardNoPendingApproval(state)];
}

/** Moves by an officer or the committee out of a reviewed stage (not reject/withdraw). */
function reviewedMove(state: PipelineState): Detail[] {
  return [
    ...commonBlocks(state),
    ...guardScreeningJobDone(state),
    ...guardScreeningNotBlocked(state),
    ...guardChecksNoFail(state),
    ...guardChecksStageResolved(state),
  ];
}

export function submitGuards(state: PipelineState): Detail[] {
  return [...guardInputValid(state), ...commonBlocks(state)];
}

export function screeningCompletedGuards(state: PipelineState): Detail[] {
  return [
    ...commonBlocks(state),
    ...guardScreeningJobDone(state),
    ...guardScreeningResultRecorded(state),
    ...guardCategoryProposed(state),
  ];
}

/** Guards of an officer's move from `state.stage` to `to` (a move that is in the graph). */
export function transitionGuards(state: PipelineState, to: Stage): Detail[] {
  if (to === 'rejected') return [];
  const from = state.stage;
  const details = reviewedMove(state);
  if (from === 'screening' && to === 'esg_review') {
    details.push(
      ...guardChecksRequiredPresent(state, 'screening'),
      ...guardScreeningResultRecorded(state),
      ...guardPotentialMatchesDisposed(state),
    );
  } else if (from === 'esg_review' && to === 'financing') {
    details.push(
      ...guardCategoryConfirmed(state),
      ...guardChecksRequiredPresent(state, 'esg_review'),
      ...guardIndependentReview(state),
      ...guardFpicEvidence(state),
    );
  } else if (from === 'financing' && to === 'committee') {
    details.push(...guardFinancingRecorded(state), ...guardAssessmentCurrent(state));
  } else if (from === 'approved' && to === 'financed') {
    details.push(...guardConditionsSatisfied(state));
  } else if (from === 'monitoring' && to === 'repaid') {
    details.push(...guardRepaymentComplete(state));
  }
  return details;
}

export function withdrawGuards(state: PipelineState): Detail[] {
  return guardScreeningNotBlocked(state);
}

/**
 * Guards of applying the committee's outcome: an approval also passes the reviewed-move blocks (a pending
 * maker-checker item, a `fail` check, a blocked or queued screening); a rejection or a lapse never waits.
 */
export function committeeDecisionGuards(
  state: PipelineState,
  outcome: 'approved' | 'rejected' | 'lapsed',
): Detail[] {
  return outcome === 'approved' ? reviewedMove(state) : [];
}
