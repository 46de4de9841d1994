import { DomainError } from '../errors/domain-error.js';
import { hasRole, type Actor } from './roles.js';

/** The risk bands of scoring.md, least to most risky. */
export const PIPELINE_RISK_BANDS = ['low', 'moderate', 'substantial', 'high'] as const;
export type PipelineRiskBand = (typeof PIPELINE_RISK_BANDS)[number];

/** README.md: `COMMITTEE_QUORUM` defaults to 3 non-abstaining votes. */
export const DEFAULT_COMMITTEE_QUORUM = 3;

export type VoteDecision = 'approve' | 'reject' | 'abstain';
export type CommitteeDecision = 'approved' | 'rejected';

/** What a committee member sends: a vote, or a conflict-of-interest declaration (a recusal). */
export type VoteInput =
  | { decision: VoteDecision; rationale: string; conflictOfInterest?: false }
  | { conflictOfInterest: true; rationale: string };

/** One entry per user: a vote (`decision` set) or a recusal (`conflictOfInterest`, `decision: null`). */
export interface CommitteeVote {
  userId: string;
  decision: VoteDecision | null;
  rationale: string;
  conflictOfInterest: boolean;
}

/** The committee round on an application (opened when it enters `committee`). */
export interface CommitteeState {
  /** The officer who moved the application into `committee`: never a voter. */
  movedToCommitteeBy: string;
  votes: readonly CommitteeVote[];
  decision: CommitteeDecision | null;
}

export interface CommitteeTally {
  approve: number;
  reject: number;
  abstain: number;
  recused: number;
  /** approve + reject: what counts towards quorum. */
  nonAbstaining: number;
  quorum: number;
  quorumReached: boolean;
}

export interface CastVoteResult {
  committeeState: CommitteeState;
  /** Set on the vote that reaches quorum; the caller applies it in the same transaction. */
  decision: CommitteeDecision | null;
  tally: CommitteeTally;
}

export function openCommitteeRound(movedToCommitteeBy: string): CommitteeState {
  return { movedToCommitteeBy, votes: [], decision: null };
}

/**
 * pipeline.md: users with role `committee`, minus anyone who declared a conflict of interest,
 * minus the officer who moved the application into `committee`. Sorted and de-duplicated.
 */
export function eligibleVoters(
  committeeUserIds: readonly string[],
  recusedUserIds: readonly string[],
  movedToCommitteeBy: string | null,
): string[] {
  const excluded = new Set(recusedUserIds);
  return [...new Set(committeeUserIds)].filter((id) => !excluded.has(id) && id !== movedToCommitteeBy).sort();
}

/** The users who declared a conflict of interest in this round. */
export function recusedUsers(state: CommitteeState): string[] {
  return state.votes.filter((v) => v.conflictOfInterest).map((v) => v.userId);
}

function assertQuorum(quorum: number): void {
  if (!Number.isInteger(quorum) || quorum < 1) {
    throw new DomainError('COMMITTEE.INVALID_QUORUM', `quorum must be a positive integer, got ${quorum}`);
  }
}

/** Counts the round's votes against `quorum` (non-abstaining votes). */
export function tallyVotes(votes: readonly CommitteeVote[], quorum: number): CommitteeTally {
  assertQuorum(quorum);
  let approve = 0;
  let reject = 0;
  let abstain = 0;
  let recused = 0;
  for (const vote of votes) {
    if (vote.conflictOfInterest) recused += 1;
    else if (vote.decision === 'approve') approve += 1;
    else if (vote.decision === 'reject') reject += 1;
    else if (vote.decision === 'abstain') abstain += 1;
  }
  const nonAbstaining = approve + reject;
  return { approve, reject, abstain, recused, nonAbstaining, quorum, quorumReached: nonAbstaining >= quorum };
}

/**
 * The decision a tally stands for, or `null` below quorum: approve when approve votes outnumber
 * reject votes, except that residual band `high` needs every non-abstaining vote to approve;
 * otherwise (ties included) reject. An unknown band (`null`) is treated as `high` (fail closed).
 */
export function committeeOutcome(
  tally: CommitteeTally,
  residualBand: PipelineRiskBand | null,
): CommitteeDecision | null {
  if (!tally.quorumReached) return null;
  const unanimityRequired = residualBand === null || residualBand === 'high';
  const approved = unanimityRequired ? tally.reject === 0 && tally.approve > 0 : tally.approve > tally.reject;
  return approved ? 'approved' : 'rejected';
}

/**
 * Records one committee member's vote or recusal and, when it brings the non-abstaining votes to
 * `quorum`, decides at once.
 *
 * Errors: `COMMITTEE.ALREADY_DECIDED` (the round is decided), `COMMITTEE.NOT_ELIGIBLE` (no
 * `committee` role, the officer who moved it to committee, or recused), `COMMITTEE.ALREADY_VOTED`
 * (a second entry, vote or recusal, by the same user), `VALIDATION.FAILED` (empty rationale,
 * unknown decision). The caller checks that the application is in stage `committee`.
 */
export function castVote(
  committeeState: CommitteeState,
  vote: VoteInput,
  actor: Actor,
  quorum: number,
  residualBand: PipelineRiskBand | null,
): CastVoteResult {
  assertQuorum(quorum);
  if (committeeState.decision !== null) {
    throw new DomainError(
      'COMMITTEE.ALREADY_DECIDED',
      `the committee already decided: ${committeeState.decision}`,
    );
  }
  const own = committeeState.votes.find((v) => v.userId === actor.id);
  if (!hasRole(actor, 'committee')) {
    throw new DomainError('COMMITTEE.NOT_ELIGIBLE', 'only committee members vote');
  }
  if (actor.id === committeeState.movedToCommitteeBy) {
    throw new DomainError(
      'COMMITTEE.NOT_ELIGIBLE',
      'the officer who moved the application into committee does not vote on it',
    );
  }
  if (own?.conflictOfInterest) {
    throw new DomainError(
      'COMMITTEE.NOT_ELIGIBLE',
      'you declared a conflict of interest on this application',
    );
  }
  if (own) throw new DomainError('COMMITTEE.ALREADY_VOTED', 'you already voted on this application');
  if (typeof vote.rationale !== 'string' || vote.rationale.trim() === '') {
    throw new DomainError('VALIDATION.FAILED', 'a vote needs a rationale', [
      { field: 'rationale', message: 'is required' },
    ]);
  }
  let entry: CommitteeVote;
  if (vote.conflictOfInterest === true) {
    entry = { userId: actor.id, decision: null, rationale: vote.rationale, conflictOfInterest: true };
  } else {
    if (!['approve', 'reject', 'abstain'].includes(vote.decision)) {
      throw new DomainError('VALIDATION.FAILED', 'unknown vote', [
        { field: 'decision', message: 'must be one of approve, reject, abstain' },
      ]);
    }
    entry = {
      userId: actor.id,
      decision: vote.decision,
      rationale: vote.rationale,
      conflictOfInterest: false,
    };
  }
  const votes = [...committeeState.votes, entry];
  const tally = tallyVotes(votes, quorum);
  const decision = committeeOutcome(tally, residualBand);
  return { committeeState: { ...committeeState, votes, decision }, decision, tally };
}
