import { DomainError, type DomainErrorDetail } from '../errors/domain-error.js';
import { stageAfterDisbursement, WRITE_OFF_STAGES } from '../monitoring/post-close.js';
import { concentrationLimitWaived } from '../portfolio/portfolio-gate.js';
import { closeRound } from './committee-round.js';
import {
  committeeDecisionGuards,
  guardRoundDue,
  screeningCompletedGuards,
  submitGuards,
  transitionGuards,
  withdrawGuards,
} from './pipeline-guards.js';
import type {
  DecideResult,
  PipelineCommand,
  PipelineEffect,
  PipelineEvent,
  PipelineEventAction,
  PipelineEventContext,
  PipelineState,
  TransitionKind,
} from './pipeline-state.js';
import { isForeignSponsor } from './read-access.js';
import { hasRole, type Actor, type ActorRole } from './roles.js';
import {
  ASSIGNABLE_STAGES,
  REJECTABLE_STAGES,
  WITHDRAWABLE_STAGES,
  isStage,
  isTerminalStage,
  type Stage,
} from './stages.js';

/** The officer's forward and backward moves (`transition`), besides reject. */
export const OFFICER_TRANSITIONS: readonly { from: Stage; to: Stage; kind: TransitionKind }[] = [
  { from: 'screening', to: 'esg_review', kind: 'advance' },
  { from: 'esg_review', to: 'financing', kind: 'advance' },
  { from: 'financing', to: 'committee', kind: 'advance' },
  { from: 'committee', to: 'financing', kind: 'defer' },
  { from: 'approved', to: 'financed', kind: 'close' },
  // monitoring.md: the project is repaid (guard repayment.complete).
  { from: 'monitoring', to: 'repaid', kind: 'repay' },
];

/** The role each command needs. */
export const COMMAND_ROLES: Readonly<Record<PipelineCommand['type'], ActorRole>> = {
  submit: 'sponsor',
  withdraw: 'sponsor',
  screening_completed: 'system',
  transition: 'officer',
  assign: 'officer',
  committee_decided: 'committee',
  disbursed: 'officer',
  write_off: 'officer',
};

/**
 * A second role that may issue a command: the committee round is closed by the member whose vote completed
 * it, or by the system's deadline job.
 */
export const COMMAND_ALSO_ROLES: Readonly<Partial<Record<PipelineCommand['type'], ActorRole>>> = {
  committee_decided: 'system',
};

function invalid(state: PipelineState, message: string): DomainError {
  return new DomainError('APPLICATION.INVALID_TRANSITION', `${message} (stage ${state.stage})`);
}

function requireReason(reason: string | undefined, what: string): string {
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new DomainError('VALIDATION.FAILED', `${what} needs a reason`, [
      { field: 'reason', message: 'is required' },
    ]);
  }
  return reason;
}

function throwIfUnmet(details: DomainErrorDetail[], what: string): void {
  if (details.length > 0) {
    throw new DomainError('APPLICATION.GUARD_FAILED', `${what}: ${details.length} guard(s) not met`, details);
  }
}

function optionalReason(reason: string | undefined): string | null {
  return typeof reason === 'string' && reason.trim() !== '' ? reason : null;
}

interface Move {
  to: Stage;
  kind: TransitionKind;
  action: PipelineEventAction;
  reason: string | null;
  context?: Partial<PipelineEventContext>;
  patch?: Partial<PipelineState>;
  effects?: readonly PipelineEffect[];
}

function moved(state: PipelineState, actor: Actor, role: ActorRole, move: Move): DecideResult {
  const version = state.version + 1;
  const next: PipelineState = { ...state, ...move.patch, stage: move.to, version };
  const event: PipelineEvent = {
    action: move.action,
    actor: { id: actor.id, role },
    subject: { type: 'application', id: state.applicationId },
    applicationId: state.applicationId,
    reason: move.reason,
    before: { stage: state.stage },
    after: { stage: move.to },
    context: { transition: move.kind, version, ...move.context },
  };
  return { state: next, event, effects: move.effects ?? [] };
}

/**
 * The stage machine (pipeline.md): checks who may issue `command` in `state`, every guard of the
 * move (all unmet guards listed at once), and returns the next state (version + 1), the audit
 * event and the follow-up effects. Never mutates `state`.
 *
 * Checked in this order, first failure wins:
 * 1. a sponsor of another organisation → `APPLICATION.NOT_FOUND`;
 * 2. the actor lacks the command's role (`COMMAND_ROLES`) → `AUTH.FORBIDDEN`;
 * 3. `expectedVersion` differs from `state.version` → `APPLICATION.VERSION_CONFLICT`;
 * 4. the move is not in the graph from this stage (terminal stages included) → `APPLICATION.INVALID_TRANSITION`;
 * 5. a required reason, assignee or quorum is missing or malformed → `VALIDATION.FAILED`;
 * 6. guards → `APPLICATION.GUARD_FAILED` with one `{ guard, message }` per unmet guard.
 */
export function decide(state: PipelineState, command: PipelineCommand, actor: Actor): DecideResult {
  if (isForeignSponsor(actor, state.organizationId)) {
    throw new DomainError('APPLICATION.NOT_FOUND', 'application not found');
  }
  const primary = COMMAND_ROLES[command.type];
  if (primary === undefined) throw new DomainError('VALIDATION.FAILED', 'unknown command');
  const also = COMMAND_ALSO_ROLES[command.type];
  const role = !hasRole(actor, primary) && also !== undefined && hasRole(actor, also) ? also : primary;
  if (!hasRole(actor, role)) {
    throw new DomainError('AUTH.FORBIDDEN', `${command.type} needs the ${primary} role`);
  }
  if (command.expectedVersion !== undefined && command.expectedVersion !== state.version) {
    throw new DomainError(
      'APPLICATION.VERSION_CONFLICT',
      `the application is at version ${state.version}, not ${command.expectedVersion}`,
    );
  }

  switch (command.type) {
    case 'submit': {
      if (state.stage !== 'draft') throw invalid(state, 'only a draft can be submitted');
      throwIfUnmet(submitGuards(state), 'cannot submit');
      return moved(state, actor, role, {
        to: 'submitted',
        kind: 'submit',
        action: 'application.submitted',
        reason: null,
        patch: { screeningJobDone: false },
        effects: ['queue.screening', 'queue.risk_assessment'],
      });
    }
    case 'withdraw': {
      if (!WITHDRAWABLE_STAGES.includes(state.stage)) {
        throw invalid(state, 'an application can be withdrawn only before approval');
      }
      const reason = requireReason(command.reason, 'withdrawing');
      throwIfUnmet(withdrawGuards(state), 'cannot withdraw');
      return moved(state, actor, role, {
        to: 'withdrawn',
        kind: 'withdraw',
        action: 'application.withdrawn',
        reason,
        ...closeRoundIfOpen(state),
      });
    }
    case 'screening_completed': {
      if (state.stage !== 'submitted')
        throw invalid(state, 'screening completes only a submitted application');
      throwIfUnmet(screeningCompletedGuards(state), 'cannot enter screening');
      return moved(state, actor, role, {
        to: 'screening',
        kind: 'screening_completed',
        action: 'application.stage_changed',
        reason: null,
      });
    }
    case 'transition':
      return transition(state, command, actor, role);
    case 'assign': {
      if (!ASSIGNABLE_STAGES.includes(state.stage)) {
        throw invalid(state, 'an application can be assigned only between submission and close');
      }
      const assignee = command.assignee;
      if (typeof assignee?.id !== 'string' || assignee.id === '' || !assignee.roles?.includes('officer')) {
        throw new DomainError('VALIDATION.FAILED', 'the assignee must be an officer', [
          { field: 'assigneeId', message: 'must be an officer' },
        ]);
      }
      const version = state.version + 1;
      return {
        state: { ...state, assigneeId: assignee.id, version },
        event: {
          action: 'application.assigned',
          actor: { id: actor.id, role },
          subject: { type: 'application', id: state.applicationId },
          applicationId: state.applicationId,
          reason: null,
          before: { stage: state.stage, assigneeId: state.assigneeId },
          after: { stage: state.stage, assigneeId: assignee.id },
          context: { transition: 'assign', version },
        },
        effects: [],
      };
    }
    case 'committee_decided': {
      if (state.stage !== 'committee') throw invalid(state, 'only the committee stage is decided by vote');
      if (!Number.isInteger(command.quorum) || command.quorum < 1) {
        throw new DomainError('VALIDATION.FAILED', 'quorum must be a positive integer', [
          { field: 'quorum', message: 'must be a positive integer' },
        ]);
      }
      throwIfUnmet(guardRoundDue(state, command.now), 'cannot close the committee round');
      const closed = closeRound(state.committee as NonNullable<PipelineState['committee']>, {
        quorum: command.quorum,
        residualBand: state.latestAssessment?.residualBand ?? null,
        concentrationLimitWaived: concentrationLimitWaived(state.checks),
        now: command.now,
      });
      throwIfUnmet(committeeDecisionGuards(state, closed.outcome), 'cannot apply the committee decision');
      const context: Partial<PipelineEventContext> = {
        decision: closed.outcome,
        tally: closed.tally,
        round: closed.round.round,
        closeReason: closed.reason,
        conditions: closed.conditions,
        icPackHash: state.icPack?.icPackHash ?? null,
      };
      if (closed.outcome === 'lapsed') {
        // pipeline.md: without quorum the round lapses and the application goes back to financing.
        return moved(state, actor, role, {
          to: 'financing',
          kind: 'committee_lapse',
          action: 'application.stage_changed',
          reason:
            `committee round ${closed.round.round} lapsed without quorum: ` +
            `${closed.tally.nonAbstaining} of ${closed.tally.quorum} non-abstaining votes`,
          context,
          patch: { committee: null, icPack: null },
          effects: ['committee.close_round'],
        });
      }
      return moved(state, actor, role, {
        to: closed.outcome,
        kind: 'committee_decision',
        action: 'committee.decided',
        reason: null,
        context,
        patch: { committee: closed.round },
        effects: ['committee.close_round'],
      });
    }
    case 'disbursed': {
      // The disbursement's four eyes already looked: not blocked by requests or pending items.
      const facts = state.postClose;
      if (!facts) throw invalid(state, 'nothing can be disbursed before financial close');
      const next = stageAfterDisbursement(state.stage, facts.forgeAmountUsd, command.disbursedUsd);
      return moved(state, actor, role, {
        to: next.to,
        kind: 'disburse',
        action: 'application.stage_changed',
        reason: null,
        context: { disbursedUsd: command.disbursedUsd, path: next.path },
        patch: { postClose: { ...facts, disbursedUsd: command.disbursedUsd } },
      });
    }
    case 'write_off': {
      if (!WRITE_OFF_STAGES.includes(state.stage))
        throw invalid(state, 'only a financed project can be written off');
      const reason = requireReason(command.reason, 'writing off');
      return moved(state, actor, role, {
        to: 'written_off',
        kind: 'write_off',
        action: 'application.stage_changed',
        reason,
      });
    }
    default: {
      const unknown: never = command;
      throw new DomainError('VALIDATION.FAILED', `unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

function closeRoundIfOpen(state: PipelineState): Pick<Move, 'effects'> {
  return state.stage === 'committee' ? { effects: ['committee.close_round'] } : {};
}

function transition(
  state: PipelineState,
  command: Extract<PipelineCommand, { type: 'transition' }>,
  actor: Actor,
  role: ActorRole,
): DecideResult {
  const to = command.to;
  if (!isStage(to)) throw invalid(state, `unknown target stage ${JSON.stringify(to)}`);
  if (isTerminalStage(state.stage)) throw invalid(state, 'the application is closed');

  if (to === 'rejected') {
    if (!REJECTABLE_STAGES.includes(state.stage)) throw invalid(state, 'a draft cannot be rejected');
    const reason = requireReason(command.reason, 'rejecting');
    return moved(state, actor, role, {
      to,
      kind: 'reject',
      action: 'application.rejected',
      reason,
      ...closeRoundIfOpen(state),
    });
  }

  const edge = OFFICER_TRANSITIONS.find((t) => t.from === state.stage && t.to === to);
  if (!edge) throw invalid(state, `an officer cannot move the application to ${to}`);
  const reason =
    edge.kind === 'defer' ? requireReason(command.reason, 'deferring') : optionalReason(command.reason);
  throwIfUnmet(transitionGuards(state, to), `cannot move to ${to}`);

  if (to === 'committee') {
    const assessmentId = (state.latestAssessment as NonNullable<PipelineState['latestAssessment']>).id;
    const icPackHash = command.icPackHash ?? null;
    return moved(state, actor, role, {
      to,
      kind: edge.kind,
      action: 'application.stage_changed',
      reason,
      context: { assessmentId, icPackHash },
      // The caller opens the round (effect committee.open_round): members and deadline need I/O and a clock.
      patch: { committee: null, icPack: { assessmentId, icPackHash } },
      effects: ['ic_pack.freeze', 'committee.open_round'],
    });
  }
  if (edge.kind === 'defer') {
    return moved(state, actor, role, {
      to,
      kind: edge.kind,
      action: 'application.stage_changed',
      reason,
      patch: { committee: null, icPack: null },
      effects: ['committee.close_round'],
    });
  }
  return moved(state, actor, role, { to, kind: edge.kind, action: 'application.stage_changed', reason });
}

/**
 * Fills the IC pack hash of an "enter committee" result (when the command did not carry it):
 * the caller hashes `icPackSnapshot(...)` of the application as put to the committee.
 */
export function withIcPackHash(result: DecideResult, icPackHash: string): DecideResult {
  if (result.state.icPack === null || result.event.context.assessmentId === undefined) {
    throw new DomainError('VALIDATION.FAILED', 'only entering committee freezes an IC pack');
  }
  return {
    ...result,
    state: { ...result.state, icPack: { ...result.state.icPack, icPackHash } },
    event: { ...result.event, context: { ...result.event.context, icPackHash } },
  };
}
