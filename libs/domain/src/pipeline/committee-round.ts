import { DomainError } from '../errors/domain-error.js';
import type { PipelineRiskBand, VoteDecision } from './committee.js';
import { hasRole, type Actor } from './roles.js';

/** pipeline.md: `COMMITTEE_VOTING_DAYS` defaults to 10 (calendar days from the round's opening). */
export const DEFAULT_COMMITTEE_VOTING_DAYS = 10;
/** At most this many conditions with one approving vote, each at most this long. */
export const MAX_VOTE_CONDITIONS = 10;
export const MAX_VOTE_CONDITION_LENGTH = 500;

const DAY_MS = 86_400_000;

/** How a round closed by its votes or its deadline ends (the database enforces the same list). */
export const ROUND_OUTCOMES = ['approved', 'rejected', 'lapsed'] as const;
export type RoundOutcome = (typeof ROUND_OUTCOMES)[number];
export type RoundCloseReason = 'all_voted' | 'deadline';
/**
 * Why a round ended: closed and tallied (`all_voted`, `deadline`), or ended without a tally because the
 * application left `committee` another way (an officer deferred or rejected it, the sponsor withdrew it).
 */
export type RoundEndReason = RoundCloseReason | 'deferred' | 'rejected' | 'withdrawn';
/** Every reason a round ends (the database enforces the same list). */
export const ROUND_END_REASONS = [
  'all_voted',
  'deadline',
  'deferred',
  'rejected',
  'withdrawn',
] as const satisfies readonly RoundEndReason[];

/** One entry per member of the round: a vote (`decision` set) or a recusal. */
export interface RoundVote {
  userId: string;
  decision: VoteDecision | null;
  rationale: string;
  conflictOfInterest: boolean;
  /** Conditions proposed with an approving vote (empty otherwise). */
  conditions: readonly string[];
  castAt: string;
}

/**
 * A voting round (pipeline.md "Investment committee"): opened when the application enters
 * `committee`, with the list of eligible members frozen at that moment; closed when every
 * eligible member has voted or recused, or when the deadline passes.
 */
export interface CommitteeRound {
  /** 1 for the first time the application enters committee, +1 after each defer or lapse. */
  round: number;
  /** The officer who moved the application into committee: never a voter. */
  movedToCommitteeBy: string;
  /** Active committee members at opening, minus the mover; sorted. */
  eligibleMemberIds: readonly string[];
  openedAt: string;
  deadline: string;
  votes: readonly RoundVote[];
  closedAt: string | null;
  closeReason: RoundEndReason | null;
  outcome: RoundOutcome | null;
}

export interface RoundTally {
  approve: number;
  reject: number;
  abstain: number;
  recused: number;
  /** Eligible members with no entry when the round closed (or so far). */
  notVoted: number;
  /** approve + reject: what counts towards quorum. */
  nonAbstaining: number;
  quorum: number;
  quorumReached: boolean;
  /** Whether every non-abstaining vote had to approve (residual band high, or a waived concentration limit). */
  unanimityRequired: boolean;
}

export interface OpenRoundArgs {
  round: number;
  movedToCommitteeBy: string;
  /** Active users with role `committee` (the caller reads them). */
  committeeMemberIds: readonly string[];
  /** Members who declared a conflict of interest on this application in an earlier round. */
  recusedMemberIds?: readonly string[];
  /** ISO-8601, the caller's clock. */
  openedAt: string;
  /** `COMMITTEE_VOTING_DAYS`. */
  votingDays?: number;
}

function isoPlusDays(iso: string, days: number): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) {
    throw new DomainError('VALIDATION.FAILED', `not an ISO-8601 time: ${iso}`, [
      { field: 'openedAt', message: 'must be an ISO-8601 time' },
    ]);
  }
  return new Date(ms + days * DAY_MS).toISOString();
}

/**
 * The eligible members of a round (pipeline.md): the committee members, minus anyone who declared a
 * conflict of interest on this application, minus the mover; sorted, de-duplicated.
 */
export function roundEligibleMembers(
  committeeMemberIds: readonly string[],
  movedBy: string,
  recused: readonly string[] = [],
): string[] {
  const out = new Set(recused);
  return [...new Set(committeeMemberIds)].filter((id) => id !== movedBy && !out.has(id)).sort();
}

export function openRound(args: OpenRoundArgs): CommitteeRound {
  const votingDays = args.votingDays ?? DEFAULT_COMMITTEE_VOTING_DAYS;
  if (!Number.isInteger(votingDays) || votingDays < 1) {
    throw new DomainError('COMMITTEE.INVALID_CONFIG', `COMMITTEE_VOTING_DAYS must be a positive integer`);
  }
  if (!Number.isInteger(args.round) || args.round < 1) {
    throw new DomainError('VALIDATION.FAILED', 'a round number is a positive integer');
  }
  return {
    round: args.round,
    movedToCommitteeBy: args.movedToCommitteeBy,
    eligibleMemberIds: roundEligibleMembers(
      args.committeeMemberIds,
      args.movedToCommitteeBy,
      args.recusedMemberIds,
    ),
    openedAt: new Date(Date.parse(args.openedAt)).toISOString(),
    deadline: isoPlusDays(args.openedAt, votingDays),
    votes: [],
    closedAt: null,
    closeReason: null,
    outcome: null,
  };
}

export function isRoundClosed(round: CommitteeRound): boolean {
  return round.closedAt !== null;
}

/** The deadline has passed at `now` (the round may still wait for the job that closes it). */
export function isPastDeadline(round: CommitteeRound, now: string): boolean {
  return Date.parse(now) >= Date.parse(round.deadline);
}

/** Every eligible member has voted or recused. */
export function everyoneHasVoted(round: CommitteeRound): boolean {
  const entered = new Set(round.votes.map((v) => v.userId));
  return round.eligibleMemberIds.every((id) => entered.has(id));
}

/** Why the round should close now, or null while it stays open. */
export function closeDue(round: CommitteeRound, now: string): RoundCloseReason | null {
  if (isRoundClosed(round)) return null;
  if (everyoneHasVoted(round)) return 'all_voted';
  return isPastDeadline(round, now) ? 'deadline' : null;
}

export type RoundVoteInput =
  | { decision: VoteDecision; rationale: string; conditions?: readonly string[]; conflictOfInterest?: false }
  | { conflictOfInterest: true; rationale: string };

function requireCommittee(actor: Actor): void {
  if (!hasRole(actor, 'committee')) {
    throw new DomainError('COMMITTEE.NOT_ELIGIBLE', 'only committee members vote');
  }
}

function validConditions(raw: readonly unknown[] | undefined): string[] {
  if (raw === undefined) return [];
  const problems: { field: string; message: string }[] = [];
  if (!Array.isArray(raw)) {
    throw new DomainError('VALIDATION.FAILED', 'conditions must be a list of texts', [
      { field: 'conditions', message: 'must be a list of texts' },
    ]);
  }
  if (raw.length > MAX_VOTE_CONDITIONS) {
    problems.push({ field: 'conditions', message: `at most ${MAX_VOTE_CONDITIONS} conditions` });
  }
  const conditions: string[] = [];
  raw.forEach((c, i) => {
    if (typeof c !== 'string' || c.trim() === '' || c.length > MAX_VOTE_CONDITION_LENGTH) {
      problems.push({
        field: `conditions[${i}]`,
        message: `must be a non-empty text of at most ${MAX_VOTE_CONDITION_LENGTH} characters`,
      });
    } else {
      conditions.push(c.trim());
    }
  });
  if (problems.length > 0) throw new DomainError('VALIDATION.FAILED', 'invalid conditions', problems);
  return conditions;
}

/**
 * Records one member's vote or recusal in an open round. Nobody's vote is decided for them: the
 * round does not close before every eligible member has voted or recused, or the deadline.
 *
 * Errors, in this order: `COMMITTEE.ROUND_CLOSED` (409: closed, or past its deadline),
 * `COMMITTEE.NOT_ELIGIBLE` (403: no committee role, the mover, not on the round's list, recused),
 * `COMMITTEE.ALREADY_VOTED` (409), `VALIDATION.FAILED` (400: no rationale, unknown decision,
 * conditions with anything but an approving vote, malformed conditions).
 */
export function castRoundVote(
  round: CommitteeRound,
  vote: RoundVoteInput,
  actor: Actor,
  now: string,
): { round: CommitteeRound; entry: RoundVote; closeDue: RoundCloseReason | null } {
  if (isRoundClosed(round)) {
    throw new DomainError('COMMITTEE.ROUND_CLOSED', `round ${round.round} is closed (${round.outcome})`);
  }
  if (isPastDeadline(round, now)) {
    throw new DomainError(
      'COMMITTEE.ROUND_CLOSED',
      `round ${round.round} passed its deadline ${round.deadline}`,
    );
  }
  requireCommittee(actor);
  if (actor.id === round.movedToCommitteeBy) {
    throw new DomainError(
      'COMMITTEE.NOT_ELIGIBLE',
      'the officer who moved the application into committee does not vote on it',
    );
  }
  if (!round.eligibleMemberIds.includes(actor.id)) {
    throw new DomainError('COMMITTEE.NOT_ELIGIBLE', `you are not an eligible member of round ${round.round}`);
  }
  const own = round.votes.find((v) => v.userId === actor.id);
  if (own?.conflictOfInterest) {
    throw new DomainError(
      'COMMITTEE.NOT_ELIGIBLE',
      'you declared a conflict of interest on this application',
    );
  }
  if (own) throw new DomainError('COMMITTEE.ALREADY_VOTED', 'you already voted in this round');
  if (typeof vote.rationale !== 'string' || vote.rationale.trim() === '') {
    throw new DomainError('VALIDATION.FAILED', 'a vote needs a rationale', [
      { field: 'rationale', message: 'is required' },
    ]);
  }
  let entry: RoundVote;
  if (vote.conflictOfInterest === true) {
    entry = {
      userId: actor.id,
      decision: null,
      rationale: vote.rationale,
      conflictOfInterest: true,
      conditions: [],
      castAt: now,
    };
  } else {
    if (!['approve', 'reject', 'abstain'].includes(vote.decision)) {
      throw new DomainError('VALIDATION.FAILED', 'unknown vote', [
        { field: 'decision', message: 'must be one of approve, reject, abstain' },
      ]);
    }
    if (vote.decision !== 'approve' && vote.conditions !== undefined && vote.conditions.length > 0) {
      throw new DomainError('VALIDATION.FAILED', 'only an approving vote may propose conditions', [
        { field: 'conditions', message: 'only with decision approve' },
      ]);
    }
    entry = {
      userId: actor.id,
      decision: vote.decision,
      rationale: vote.rationale,
      conflictOfInterest: false,
      conditions: validConditions(vote.conditions),
      castAt: now,
    };
  }
  const next = { ...round, votes: [...round.votes, entry] };
  return { round: next, entry, closeDue: closeDue(next, now) };
}

function assertQuorum(quorum: number): void {
  if (!Number.isInteger(quorum) || quorum < 1) {
    throw new DomainError('COMMITTEE.INVALID_QUORUM', `quorum must be a positive integer, got ${quorum}`);
  }
}

export interface CloseRoundArgs {
  /** `COMMITTEE_QUORUM`: non-abstaining votes needed to decide. */
  quorum: number;
  /** The application's current effective residual band (after an approved override); null: unknown, as high. */
  residualBand: PipelineRiskBand | null;
  /** The application's concentration limit was waived (portfolio.md): unanimity as for a high band. */
  concentrationLimitWaived?: boolean;
  /** ISO-8601, the caller's clock. */
  now: string;
}

export function roundTally(
  round: CommitteeRound,
  args: Pick<CloseRoundArgs, 'quorum' | 'residualBand' | 'concentrationLimitWaived'>,
): RoundTally {
  assertQuorum(args.quorum);
  let approve = 0;
  let reject = 0;
  let abstain = 0;
  let recused = 0;
  for (const v of round.votes) {
    if (v.conflictOfInterest) recused += 1;
    else if (v.decision === 'approve') approve += 1;
    else if (v.decision === 'reject') reject += 1;
    else if (v.decision === 'abstain') abstain += 1;
  }
  const entered = new Set(round.votes.map((v) => v.userId));
  const notVoted = round.eligibleMemberIds.filter((id) => !entered.has(id)).length;
  const nonAbstaining = approve + reject;
  return {
    approve,
    reject,
    abstain,
    recused,
    notVoted,
    nonAbstaining,
    quorum: args.quorum,
    quorumReached: nonAbstaining >= args.quorum,
    unanimityRequired:
      args.residualBand === null || args.residualBand === 'high' || args.concentrationLimitWaived === true,
  };
}

/** The outcome a tally stands for at close (pipeline.md): decided with quorum, else lapsed. */
export function roundOutcome(tally: RoundTally): RoundOutcome {
  if (!tally.quorumReached) return 'lapsed';
  const approved = tally.unanimityRequired
    ? tally.reject === 0 && tally.approve > 0
    : tally.approve > tally.reject;
  return approved ? 'approved' : 'rejected';
}

export interface ClosedRound {
  round: CommitteeRound;
  outcome: RoundOutcome;
  reason: RoundCloseReason;
  tally: RoundTally;
  /** On approval: the conditions proposed with approving votes, in vote order, duplicates once. */
  conditions: string[];
}

/**
 * Closes a round that is due (every eligible member voted or recused, or the deadline passed) and
 * tallies it: with at least `quorum` non-abstaining votes, approve if approve votes outnumber
 * reject votes, except that a `high` residual band (or unknown), or a waived concentration limit,
 * needs every non-abstaining vote to approve; otherwise reject. Without quorum the round lapses.
 *
 * Errors: `COMMITTEE.ROUND_CLOSED` (already closed: the caller treats a second close as done),
 * `COMMITTEE.ROUND_OPEN` (not due yet).
 */
export function closeRound(round: CommitteeRound, args: CloseRoundArgs): ClosedRound {
  if (isRoundClosed(round)) {
    throw new DomainError(
      'COMMITTEE.ROUND_CLOSED',
      `round ${round.round} is already closed (${round.outcome})`,
    );
  }
  const reason = closeDue(round, args.now);
  if (reason === null) {
    throw new DomainError(
      'COMMITTEE.ROUND_OPEN',
      `round ${round.round} is open until every eligible member has voted or ${round.deadline}`,
    );
  }
  const tally = roundTally(round, args);
  const outcome = roundOutcome(tally);
  const conditions =
    outcome === 'approved'
      ? [
          ...new Set(
            round.votes
              .filter((v) => v.decision === 'approve')
              .flatMap((v) => v.conditions.map((c) => c.trim())),
          ),
        ]
      : [];
  return {
    round: { ...round, closedAt: args.now, closeReason: reason, outcome },
    outcome,
    reason,
    tally,
    conditions,
  };
}

/**
 * Ends an open round without a tally: the application left `committee` by a defer, a rejection or a
 * withdrawal (its votes no longer count; the next entry into committee opens a new round). A round that is
 * already closed is returned as it is.
 */
export function endRound(
  round: CommitteeRound,
  reason: Exclude<RoundEndReason, RoundCloseReason>,
  now: string,
): CommitteeRound {
  if (isRoundClosed(round)) return round;
  return { ...round, closedAt: now, closeReason: reason, outcome: null };
}

/** An entry as a viewer may see it: before close, whether a member voted, not how. */
export interface RoundVoteView {
  userId: string;
  /** Before close: `voted` or `recused` for others; after close, and for one's own entry, the full entry. */
  status: 'voted' | 'recused';
  decision?: VoteDecision | null;
  rationale?: string;
  conflictOfInterest?: boolean;
  conditions?: readonly string[];
  castAt: string;
}

export interface RoundView {
  round: number;
  status: 'open' | 'closed';
  openedAt: string;
  deadline: string;
  eligibleMemberIds: readonly string[];
  /** Eligible members who have not voted or recused yet. */
  awaiting: string[];
  votes: RoundVoteView[];
  outcome: RoundOutcome | null;
  closedAt: string | null;
  closeReason: RoundEndReason | null;
}

/**
 * The blind view (pipeline.md): until the round closes, everybody (members, officers, auditors)
 * sees who has voted or recused, not how, except their own entry; after close, every vote and
 * rationale. (Sponsors never get a round view: their own view carries only the decision.)
 */
export function roundView(round: CommitteeRound, viewerId: string | null): RoundView {
  const closed = isRoundClosed(round);
  const entered = new Set(round.votes.map((v) => v.userId));
  return {
    round: round.round,
    status: closed ? 'closed' : 'open',
    openedAt: round.openedAt,
    deadline: round.deadline,
    eligibleMemberIds: round.eligibleMemberIds,
    awaiting: closed ? [] : round.eligibleMemberIds.filter((id) => !entered.has(id)),
    votes: round.votes.map((v): RoundVoteView => {
      const status = v.conflictOfInterest ? 'recused' : 'voted';
      if (closed || v.userId === viewerId) {
        return {
          userId: v.userId,
          status,
          decision: v.decision,
          rationale: v.rationale,
          conflictOfInterest: v.conflictOfInterest,
          conditions: v.conditions,
          castAt: v.castAt,
        };
      }
      return { userId: v.userId, status, castAt: v.castAt };
    }),
    outcome: round.outcome,
    closedAt: round.closedAt,
    closeReason: round.closeReason,
  };
}

/**
 * No information request while a round is open (pipeline.md): it would silently block the vote.
 * `COMMITTEE.ROUND_OPEN` (409) tells the officer to defer to `financing` first.
 */
export function assertNoOpenRound(stage: string, round: CommitteeRound | null): void {
  if (stage === 'committee' && round !== null && !isRoundClosed(round)) {
    throw new DomainError(
      'COMMITTEE.ROUND_OPEN',
      `committee round ${round.round} is open: defer the application to financing before asking the sponsor`,
      [{ guard: 'committee.no_open_round', message: 'defer to financing first' }],
    );
  }
}
