import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type JsonValue } from '@forge/audit';
import {
  canonicalHash,
  castRoundVote,
  closeDue,
  decide,
  DomainError,
  hasRole,
  roundView,
  SYSTEM_ACTOR,
  type Actor,
  type CommitteeRound,
  type DecideResult,
  type RoundView,
  type RoundVoteInput,
  type VoteDecision,
  toJson,
} from '@forge/domain';
import {
  committeeRoundOf,
  dueRoundApplicationIds,
  findLatestIcPack,
  insertVote,
  UnitOfWork,
  type ApplicationAggregate,
} from '@forge/persistence';
import { notFoundError } from '../access/application-access.js';
import { ApplicationCommandRunner, type CommandContext } from '../applications/application-command.runner.js';
import { PortfolioGate, portfolioAuditContext } from '../portfolio/portfolio-gate.js';

export interface CommitteeVoteInput {
  decision?: VoteDecision;
  rationale: string;
  conflictOfInterest?: boolean;
  /** Conditions proposed with an approving vote. */
  conditions?: string[];
}

/** The IC pack of the application's latest round, as frozen when the round opened. */
export interface FrozenIcPack {
  applicationId: string;
  round: number;
  frozenAt: string;
  icPackHash: string;
  pack: Record<string, unknown>;
}

/** What one run of the deadline job did. */
export interface DeadlineSweepResult {
  closed: number;
  /** Due rounds whose approval a guard still refuses (retried on the next run). */
  heldBack: number;
}

/** Roles that read the committee's deliberation (the pack, the round): everyone but sponsors (pipeline.md). */
const DELIBERATION_READERS = ['officer', 'committee', 'auditor', 'admin', 'system'] as const;

/**
 * The investment committee (pipeline.md "Investment committee"). A round opens when the application enters
 * `committee` (ApplicationCommandRunner, with the frozen IC pack) and closes when every eligible member has voted
 * or recused, in the transaction of the vote that completes it, or at its deadline, by the worker's deadline job
 * (`closeDueRounds`). Both paths lock the application row and issue the domain's `committee_decided`, whose guard
 * refuses a round that is already closed: closing twice, or a deadline racing the last vote, yields one decision.
 *
 * Blind until close: a `committee.vote_cast` event records who voted and a SHA-256 commitment to the vote (not the
 * vote: officers and auditors read the trail while the round is open); the close's event lists every vote and
 * rationale, from which each commitment can be checked.
 */
@Injectable()
export class CommitteeCommands {
  private readonly logger = new Logger('CommitteeCommands');

  constructor(
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(PortfolioGate) private readonly portfolioGate: PortfolioGate,
  ) {}

  vote(actor: Actor, applicationId: string, input: CommitteeVoteInput): Promise<ApplicationAggregate> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.requireStage(ctx, ['committee'], 'voting');
      const round = ctx.state.committee;
      if (!round) {
        throw new DomainError('COMMITTEE.ROUND_CLOSED', 'no committee round is open on this application');
      }
      const now = ctx.now.toISOString();
      const vote: RoundVoteInput =
        input.conflictOfInterest === true
          ? { conflictOfInterest: true, rationale: input.rationale }
          : {
              decision: input.decision as VoteDecision,
              rationale: input.rationale,
              ...(input.conditions !== undefined ? { conditions: input.conditions } : {}),
            };
      const cast = castRoundVote(round, vote, ctx.actor, now);
      const voteId = randomUUID();
      await insertVote(ctx.manager, {
        id: voteId,
        applicationId,
        round: round.round,
        userId: ctx.actor.id,
        decision: cast.entry.decision,
        rationale: cast.entry.rationale,
        conflictOfInterest: cast.entry.conflictOfInterest,
        conditions: cast.entry.conditions,
        now: ctx.now,
      });
      const state = { ...ctx.state, committee: cast.round };
      if (cast.closeDue !== null) {
        const decided = await this.tryClose({ ...ctx, state }, ctx.actor, now);
        if (decided.result) {
          await this.runner.applyDecision(ctx, decided.result, {
            context: {
              votes: revealedVotes(cast.round, voteIdsOf(ctx, { [ctx.actor.id]: voteId })),
              eligibleMemberIds: [...cast.round.eligibleMemberIds],
              ...decided.portfolio,
            },
          });
          return this.runner.reload(ctx);
        }
        await this.recordVoteCast(ctx, cast.round, voteId, cast.entry.conflictOfInterest, decided.heldBack);
        return this.runner.reload(ctx);
      }
      await this.recordVoteCast(ctx, cast.round, voteId, cast.entry.conflictOfInterest, null);
      return this.runner.reload(ctx);
    });
  }

  /**
   * The deadline job's use case: closes every round that is due (past its deadline, or fully voted but held back
   * by a guard until now), each in its own transaction. Idempotent: a round already closed is skipped.
   */
  async closeDueRounds(now: Date = new Date(), limit = 100): Promise<DeadlineSweepResult> {
    const ids = await this.unitOfWork.read((manager) => dueRoundApplicationIds(manager, now, limit));
    const result: DeadlineSweepResult = { closed: 0, heldBack: 0 };
    for (const id of ids) {
      const outcome = await this.closeIfDue(id);
      if (outcome === 'closed') result.closed += 1;
      if (outcome === 'held_back') result.heldBack += 1;
    }
    return result;
  }

  /** Closes the application's round if it is due now (as the system); `not_due` when there is nothing to do. */
  closeIfDue(applicationId: string): Promise<'closed' | 'held_back' | 'not_due'> {
    return this.unitOfWork.run(async (manager) => {
      const ctx = await this.runner.openIfPresent(manager, SYSTEM_ACTOR, applicationId);
      const round = ctx?.state.committee ?? null;
      if (!ctx || ctx.state.stage !== 'committee' || round === null) return 'not_due';
      const now = ctx.now.toISOString();
      if (closeDue(round, now) === null) return 'not_due';
      const decided = await this.tryClose(ctx, SYSTEM_ACTOR, now);
      if (!decided.result) {
        this.logger.warn(
          `committee round ${round.round} of ${applicationId} is due but held back: ${JSON.stringify(decided.heldBack)}`,
        );
        return 'held_back';
      }
      await this.runner.applyDecision(ctx, decided.result, {
        context: {
          votes: revealedVotes(round, voteIdsOf(ctx)),
          eligibleMemberIds: [...round.eligibleMemberIds],
          ...decided.portfolio,
        },
      });
      await this.runner.flushAudit(ctx);
      return 'closed';
    });
  }

  /** The IC pack frozen when the latest round opened (pipeline.md): never what the application is now. */
  async pack(actor: Actor, applicationId: string): Promise<FrozenIcPack> {
    requireDeliberationReader(actor);
    const aggregate = await this.runner.load(actor, applicationId);
    const stored = await this.unitOfWork.read((manager) => findLatestIcPack(manager, applicationId));
    if (!stored || stored.icPack === null || stored.icPackHash === null) {
      throw new DomainError(
        'COMMITTEE.PACK_NOT_FOUND',
        stored
          ? 'this round was opened before IC packs were stored: only its hash is recorded'
          : 'the application has not been put to the committee',
      );
    }
    return {
      applicationId: aggregate.application.id,
      round: stored.round,
      frozenAt: stored.openedAt.toISOString(),
      icPackHash: stored.icPackHash,
      pack: stored.icPack,
    };
  }

  /**
   * The domain's close, or the guards that hold an approval back (a pending maker-checker item, a failed check, a
   * queued or blocked screening): the vote stands, the round stays open and due, and the deadline job retries.
   */
  private async tryClose(
    ctx: CommandContext,
    actor: Actor,
    now: string,
  ): Promise<
    | { result: DecideResult; heldBack: null; portfolio: Record<string, JsonValue> }
    | { result: null; heldBack: JsonValue; portfolio: null }
  > {
    let result: DecideResult;
    try {
      result = decide(ctx.state, { type: 'committee_decided', quorum: this.runner.quorum, now }, actor);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'APPLICATION.GUARD_FAILED') {
        return { result: null, heldBack: toJson(error.details), portfolio: null };
      }
      throw error;
    }
    if (result.state.stage !== 'approved') return { result, heldBack: null, portfolio: {} };
    // portfolio.md: the approval passes the portfolio's guards (envelope, concentration with the would-be shares,
    // disclosure period) under the portfolio lock, in this transaction; an unmet one holds the approval back.
    const gate = await this.portfolioGate.evaluate(ctx, 'approval');
    if (gate.details.length > 0) {
      return { result: null, heldBack: toJson(gate.details), portfolio: null };
    }
    return { result, heldBack: null, portfolio: portfolioAuditContext(gate) };
  }

  private async recordVoteCast(
    ctx: CommandContext,
    round: CommitteeRound,
    voteId: string,
    recusal: boolean,
    heldBack: JsonValue | null,
  ): Promise<void> {
    const entry = round.votes.find((v) => v.userId === ctx.actor.id);
    const entered = new Set(round.votes.map((v) => v.userId));
    await this.runner.commit(
      ctx,
      {},
      {
        role: 'committee',
        action: 'committee.vote_cast',
        subject: { type: 'committee_vote', id: voteId },
        after: {
          userId: ctx.actor.id,
          status: recusal ? 'recused' : 'voted',
          // Blind until close: a commitment, checked against the vote the close's event reveals.
          voteCommitment: entry ? voteCommitment(voteId, entry) : null,
        },
        context: {
          round: round.round,
          voteId,
          eligibleMembers: round.eligibleMemberIds.length,
          awaiting: round.eligibleMemberIds.filter((id) => !entered.has(id)).length,
          deadline: round.deadline,
          ...(heldBack !== null ? { closeHeldBack: heldBack } : {}),
        },
      },
    );
  }
}

/**
 * The application's latest committee round as `viewerId` may see it (pipeline.md, blind until close): others'
 * votes show as `voted`/`recused` only while the round is open; `null` viewer sees nobody's vote. Null before
 * the first round.
 */
export function committeeRoundView(
  aggregate: ApplicationAggregate,
  viewerId: string | null,
): RoundView | null {
  const round = committeeRoundOf(aggregate);
  return round === null ? null : roundView(round, viewerId);
}

/** SHA-256 of the canonical vote entry with its id (a random salt): what the trail shows before close. */
export function voteCommitment(voteId: string, entry: CommitteeRound['votes'][number]): string {
  return canonicalHash({
    voteId,
    userId: entry.userId,
    decision: entry.decision,
    rationale: entry.rationale,
    conflictOfInterest: entry.conflictOfInterest,
    conditions: [...entry.conditions],
  });
}

function voteIdsOf(ctx: CommandContext, extra: Record<string, string> = {}): Record<string, string> {
  return { ...Object.fromEntries(ctx.aggregate.votes.map((v) => [v.userId, v.id])), ...extra };
}

/** Every vote and rationale of a closed round, with the vote ids that salt the commitments. */
function revealedVotes(round: CommitteeRound, voteIds: Record<string, string>): JsonValue {
  return round.votes.map((v) => ({
    voteId: voteIds[v.userId] ?? null,
    userId: v.userId,
    decision: v.decision,
    rationale: v.rationale,
    conflictOfInterest: v.conflictOfInterest,
    conditions: [...v.conditions],
    castAt: v.castAt,
  }));
}

/** Sponsors never read the committee's deliberation: for them it does not exist (404). */
function requireDeliberationReader(actor: Actor): void {
  if (!DELIBERATION_READERS.some((role) => hasRole(actor, role))) throw notFoundError('application');
}
