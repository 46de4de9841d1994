import { DomainError } from '../errors/domain-error.js';
import {
  castVote,
  committeeOutcome,
  eligibleVoters,
  openCommitteeRound,
  recusedUsers,
  tallyVotes,
  type CommitteeState,
  type PipelineRiskBand,
  type VoteInput,
} from './committee.js';
import type { Actor } from './roles.js';

const member = (id: string): Actor => ({ id, roles: ['committee'], organizationId: null });
const MOVER = 'officer-1';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** Casts the votes in order; returns the decision after each. */
function run(votes: readonly [string, VoteInput][], quorum = 3, band: PipelineRiskBand | null = 'moderate') {
  let state: CommitteeState = openCommitteeRound(MOVER);
  const decisions: (string | null)[] = [];
  let last = null as ReturnType<typeof castVote> | null;
  for (const [userId, vote] of votes) {
    last = castVote(state, vote, member(userId), quorum, band);
    state = last.committeeState;
    decisions.push(last.decision);
  }
  return { state, decisions, last: last as ReturnType<typeof castVote> };
}

const approve: VoteInput = { decision: 'approve', rationale: 'sound project' };
const reject: VoteInput = { decision: 'reject', rationale: 'too risky' };
const abstain: VoteInput = { decision: 'abstain', rationale: 'no view' };
const conflict: VoteInput = { conflictOfInterest: true, rationale: 'board seat at the sponsor' };

describe('eligibleVoters', () => {
  it('is the committee minus recused users minus the mover, sorted and de-duplicated', () => {
    expect(eligibleVoters(['c', 'a', 'b', 'a', 'officer-1'], ['b'], 'officer-1')).toEqual(['a', 'c']);
    expect(eligibleVoters(['a'], [], null)).toEqual(['a']);
  });
});

describe('castVote: quorum and arithmetic', () => {
  it.each([
    { votes: 'approve approve approve', band: 'moderate', decision: 'approved' },
    { votes: 'approve approve reject', band: 'moderate', decision: 'approved' },
    { votes: 'approve reject reject', band: 'moderate', decision: 'rejected' },
    { votes: 'reject reject reject', band: 'low', decision: 'rejected' },
    { votes: 'approve approve approve', band: 'high', decision: 'approved' },
    { votes: 'approve approve reject', band: 'high', decision: 'rejected' },
    { votes: 'approve approve reject', band: null, decision: 'rejected' },
    { votes: 'approve approve reject', band: 'substantial', decision: 'approved' },
  ] as { votes: string; band: PipelineRiskBand | null; decision: string }[])(
    '$votes with band $band → $decision',
    ({ votes, band, decision }) => {
      const byName = { approve, reject, abstain } as Record<string, VoteInput>;
      const cast = votes.split(' ').map((v, i): [string, VoteInput] => [`m${i}`, byName[v] as VoteInput]);
      const { decisions } = run(cast, 3, band);
      expect(decisions).toEqual([null, null, decision]);
    },
  );

  it('a tie rejects (quorum 4, 2–2)', () => {
    const { decisions, last } = run(
      [
        ['m1', approve],
        ['m2', reject],
        ['m3', approve],
        ['m4', reject],
      ],
      4,
    );
    expect(decisions).toEqual([null, null, null, 'rejected']);
    expect(last.tally).toEqual({
      approve: 2,
      reject: 2,
      abstain: 0,
      recused: 0,
      nonAbstaining: 4,
      quorum: 4,
      quorumReached: true,
    });
  });

  it('abstentions do not count towards quorum', () => {
    const { decisions, last } = run([
      ['m1', approve],
      ['m2', abstain],
      ['m3', abstain],
      ['m4', approve],
      ['m5', reject],
    ]);
    expect(decisions).toEqual([null, null, null, null, 'approved']);
    expect(last.tally).toMatchObject({ approve: 2, reject: 1, abstain: 2, nonAbstaining: 3 });
  });

  it('abstentions do not break high-band unanimity', () => {
    const { decisions } = run(
      [
        ['m1', approve],
        ['m2', abstain],
        ['m3', approve],
        ['m4', approve],
      ],
      3,
      'high',
    );
    expect(decisions).toEqual([null, null, null, 'approved']);
  });

  it('a conflict declaration is recorded as a recusal, counts nothing, and stops that user voting', () => {
    const { state, last } = run([
      ['m1', conflict],
      ['m2', approve],
    ]);
    expect(state.votes[0]).toEqual({
      userId: 'm1',
      decision: null,
      rationale: 'board seat at the sponsor',
      conflictOfInterest: true,
    });
    expect(recusedUsers(state)).toEqual(['m1']);
    expect(last.tally).toMatchObject({ recused: 1, approve: 1, nonAbstaining: 1 });
    expect(codeOf(() => castVote(state, approve, member('m1'), 3, 'low'))).toBe('COMMITTEE.NOT_ELIGIBLE');
    expect(codeOf(() => castVote(state, conflict, member('m1'), 3, 'low'))).toBe('COMMITTEE.NOT_ELIGIBLE');
  });
});

describe('castVote: who may vote', () => {
  const round = openCommitteeRound(MOVER);

  it('the officer who moved it into committee may not vote, even with the committee role', () => {
    const mover: Actor = { id: MOVER, roles: ['officer', 'committee'], organizationId: null };
    expect(codeOf(() => castVote(round, approve, mover, 3, 'low'))).toBe('COMMITTEE.NOT_ELIGIBLE');
  });

  it('only users with the committee role vote', () => {
    const officer: Actor = { id: 'o2', roles: ['officer', 'admin'], organizationId: null };
    expect(codeOf(() => castVote(round, approve, officer, 3, 'low'))).toBe('COMMITTEE.NOT_ELIGIBLE');
  });

  it('voting twice is ALREADY_VOTED, whatever the second entry', () => {
    const { state } = run([['m1', abstain]]);
    expect(codeOf(() => castVote(state, approve, member('m1'), 3, 'low'))).toBe('COMMITTEE.ALREADY_VOTED');
    expect(codeOf(() => castVote(state, conflict, member('m1'), 3, 'low'))).toBe('COMMITTEE.ALREADY_VOTED');
  });

  it('a vote after the decision is ALREADY_DECIDED', () => {
    const { state } = run([
      ['m1', approve],
      ['m2', approve],
      ['m3', approve],
    ]);
    expect(state.decision).toBe('approved');
    expect(codeOf(() => castVote(state, reject, member('m4'), 3, 'low'))).toBe('COMMITTEE.ALREADY_DECIDED');
  });

  it('a vote needs a rationale and a known decision', () => {
    expect(
      codeOf(() => castVote(round, { decision: 'approve', rationale: ' ' }, member('m1'), 3, 'low')),
    ).toBe('VALIDATION.FAILED');
    const odd = { decision: 'maybe', rationale: 'x' } as unknown as VoteInput;
    expect(codeOf(() => castVote(round, odd, member('m1'), 3, 'low'))).toBe('VALIDATION.FAILED');
  });

  it('a quorum must be a positive integer', () => {
    expect(codeOf(() => castVote(round, approve, member('m1'), 0, 'low'))).toBe('COMMITTEE.INVALID_QUORUM');
    expect(codeOf(() => tallyVotes([], 1.5))).toBe('COMMITTEE.INVALID_QUORUM');
  });

  it('does not mutate the round it is given', () => {
    const copy = structuredClone(round);
    castVote(round, approve, member('m1'), 3, 'low');
    expect(round).toEqual(copy);
  });
});

describe('committeeOutcome', () => {
  it('is null below quorum', () => {
    expect(committeeOutcome(tallyVotes([], 3), 'low')).toBeNull();
  });
});
