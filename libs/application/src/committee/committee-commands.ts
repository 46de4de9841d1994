import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type JsonValue } from '@forge/audit';
import {
  castVote,
  decide,
  eligibleVoters,
  recusedUsers,
  type Actor,
  type VoteDecision,
  type VoteInput,
} from '@forge/domain';
import { committeeMemberIds, insertVote, type ApplicationAggregate } from '@forge/persistence';
import { ApplicationCommandRunner } from '../applications/application-command.runner.js';

export interface CommitteeVoteInput {
  decision?: VoteDecision;
  rationale: string;
  conflictOfInterest?: boolean;
}

/**
 * Investment committee votes. The application row is locked (SELECT … FOR UPDATE) so concurrent votes
 * serialise; the vote that reaches quorum applies the decision (`decide` committee_decided) in its own
 * transaction, and that command's one audit event is `committee.decided` (tally, IC pack hash and the
 * deciding vote); other votes write `committee.vote_cast`.
 */
@Injectable()
export class CommitteeCommands {
  constructor(@Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner) {}

  vote(actor: Actor, applicationId: string, input: CommitteeVoteInput): Promise<ApplicationAggregate> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.requireStage(ctx, ['committee'], 'voting');
      const committee = ctx.state.committee;
      if (!committee) {
        throw new Error(`application ${applicationId} is in committee without an open round`);
      }
      const quorum = this.runner.quorum;
      const band = ctx.state.latestAssessment?.residualBand ?? null;
      const vote: VoteInput =
        input.conflictOfInterest === true
          ? { conflictOfInterest: true, rationale: input.rationale }
          : { decision: input.decision as VoteDecision, rationale: input.rationale };
      const cast = castVote(committee, vote, ctx.actor, quorum, band);
      const entry = cast.committeeState.votes[cast.committeeState.votes.length - 1];
      const round = ctx.aggregate.application.committeeRound;
      await insertVote(ctx.manager, {
        id: randomUUID(),
        applicationId,
        round,
        userId: ctx.actor.id,
        decision: entry?.decision ?? null,
        rationale: input.rationale,
        conflictOfInterest: entry?.conflictOfInterest ?? false,
        now: ctx.now,
      });
      const members = await committeeMemberIds(ctx.manager);
      const eligible = eligibleVoters(
        members,
        recusedUsers(cast.committeeState),
        committee.movedToCommitteeBy,
      );
      const recorded = {
        userId: ctx.actor.id,
        decision: entry?.decision ?? null,
        conflictOfInterest: entry?.conflictOfInterest ?? false,
        rationale: input.rationale,
      };
      const context = {
        round,
        vote: recorded,
        tally: cast.tally as unknown as JsonValue,
        eligibleVoters: eligible,
        residualBand: band,
        icPackHash: ctx.aggregate.application.icPackHash,
      };
      if (cast.decision === null) {
        await this.runner.commit(
          ctx,
          {},
          {
            role: 'committee',
            action: 'committee.vote_cast',
            reason: input.rationale,
            after: recorded,
            context,
          },
        );
      } else {
        const decided = decide(
          { ...ctx.state, committee: cast.committeeState },
          { type: 'committee_decided', quorum },
          ctx.actor,
        );
        await this.runner.applyDecision(ctx, decided, {
          context: { round, vote: recorded, eligibleVoters: eligible },
        });
      }
      return this.runner.reload(ctx);
    });
  }
}
