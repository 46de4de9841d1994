import { describe, expect, it } from '@jest/globals';
import type { Actor } from './roles.js';
import {
  assertNoOpenRound,
  castRoundVote,
  closeDue,
  closeRound,
  endRound,
  openRound,
  roundOutcome,
  roundTally,
  roundView,
  type CommitteeRound,
  type RoundVoteInput,
} from './committee-round.js';

const T0 = '2026-03-02T09:00:00.000Z';
const at = (days: number): string => new Date(Date.parse(T0) + days * 86_400_000).toISOString();
const member = (id: string): Actor => ({ id, roles: ['committee'], organizationId: null });
const approve = (rationale = 'sound structure', conditions?: string[]): RoundVoteInput => ({
  decision: 'approve',
  rationale,
  ...(conditions ? { conditions } : {}),
});
const reject: RoundVoteInput = { decision: 'reject', rationale: 'too risky' };
const recuse: RoundVoteInput = { conflictOfInterest: true, rationale: 'former director of the offtaker' };

function open(members = ['m1', 'm2', 'm3', 'm4'], extra: { recused?: string[] } = {}): CommitteeRound {
  return openRound({
    round: 1,
    movedToCommitteeBy: 'officer',
    committeeMemberIds: [...members, 'officer'],
    openedAt: T0,
    ...(extra.recused ? { recusedMemberIds: extra.recused } : {}),
  });
}

function votes(round: CommitteeRound, entries: [string, RoundVoteInput][], now = at(1)): CommitteeRound {
  return entries.reduce((r, [id, v]) => castRoundVote(r, v, member(id), now).round, round);
}

describe('committee rounds: opening', () => {
  it('lists the eligible members (minus the mover and earlier recusals) and sets the deadline', () => {
    const r = openRound({
      round: 2,
      movedToCommitteeBy: 'm1',
      committeeMemberIds: ['m3', 'm1', 'm2', 'm3', 'm4'],
      recusedMemberIds: ['m4'],
      openedAt: T0,
      votingDays: 10,
    });
    expect(r).toMatchObject({
      round: 2,
      eligibleMemberIds: ['m2', 'm3'],
      openedAt: T0,
      deadline: '2026-03-12T09:00:00.000Z',
      votes: [],
      closedAt: null,
      outcome: null,
    });
  });

  it('defaults COMMITTEE_VOTING_DAYS to 10 and refuses a bad value', () => {
    expect(open().deadline).toBe(at(10));
    expect(() =>
      openRound({ round: 1, movedToCommitteeBy: 'o', committeeMemberIds: [], openedAt: T0, votingDays: 0 }),
    ).toThrow(expect.objectContaining({ code: 'COMMITTEE.INVALID_CONFIG' }));
  });
});

describe('committee rounds: voting', () => {
  it('does not decide at the third vote while a fourth member may still vote', () => {
    const r = votes(open(), [
      ['m1', approve()],
      ['m2', approve()],
      ['m3', approve()],
    ]);
    expect(closeDue(r, at(1))).toBeNull();
    expect(() => closeRound(r, { quorum: 3, residualBand: 'moderate', now: at(1) })).toThrow(
      expect.objectContaining({ code: 'COMMITTEE.ROUND_OPEN' }),
    );
    const last = castRoundVote(r, reject, member('m4'), at(2));
    expect(last.closeDue).toBe('all_voted');
  });

  it('counts a recusal as having taken part: everyone voted or recused closes the round', () => {
    const r = votes(open(['m1', 'm2']), [['m1', recuse]]);
    expect(castRoundVote(r, approve(), member('m2'), at(1)).closeDue).toBe('all_voted');
  });

  it.each([
    ['the mover', 'officer', 'COMMITTEE.NOT_ELIGIBLE'],
    ['a member not on the round list', 'm9', 'COMMITTEE.NOT_ELIGIBLE'],
  ])('refuses %s', (_name, id, code) => {
    const actor: Actor = { id, roles: ['committee', 'officer'], organizationId: null };
    expect(() => castRoundVote(open(), approve(), actor, at(1))).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a user without the committee role, a second vote, a vote after recusal', () => {
    expect(() =>
      castRoundVote(open(), approve(), { id: 'm1', roles: ['officer'], organizationId: null }, at(1)),
    ).toThrow(expect.objectContaining({ code: 'COMMITTEE.NOT_ELIGIBLE' }));
    const voted = votes(open(), [['m1', approve()]]);
    expect(() => castRoundVote(voted, reject, member('m1'), at(1))).toThrow(
      expect.objectContaining({ code: 'COMMITTEE.ALREADY_VOTED' }),
    );
    const recused = votes(open(), [['m1', recuse]]);
    expect(() => castRoundVote(recused, approve(), member('m1'), at(1))).toThrow(
      expect.objectContaining({ code: 'COMMITTEE.NOT_ELIGIBLE' }),
    );
  });

  it('refuses votes at or after the deadline and in a closed round', () => {
    expect(() => castRoundVote(open(), approve(), member('m1'), at(10))).toThrow(
      expect.objectContaining({ code: 'COMMITTEE.ROUND_CLOSED' }),
    );
    const closed = closeRound(votes(open(['m1']), [['m1', approve()]]), {
      quorum: 1,
      residualBand: 'low',
      now: at(1),
    }).round;
    expect(() => castRoundVote(closed, approve(), member('m2'), at(1))).toThrow(
      expect.objectContaining({ code: 'COMMITTEE.ROUND_CLOSED' }),
    );
  });

  it('takes conditions only with an approving vote, and validates them', () => {
    expect(
      castRoundVote(open(), approve('ok', ['  Hedge 50% of output  ']), member('m1'), at(1)).entry.conditions,
    ).toEqual(['Hedge 50% of output']);
    expect(() =>
      castRoundVote(open(), { decision: 'reject', rationale: 'no', conditions: ['x'] }, member('m1'), at(1)),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
    expect(() => castRoundVote(open(), approve('ok', ['']), member('m1'), at(1))).toThrow(
      expect.objectContaining({ code: 'VALIDATION.FAILED' }),
    );
    expect(() => castRoundVote(open(), { decision: 'approve', rationale: ' ' }, member('m1'), at(1))).toThrow(
      expect.objectContaining({ code: 'VALIDATION.FAILED' }),
    );
  });
});

describe('committee rounds: closing and the tally', () => {
  it.each([
    [
      '3 approve, 1 reject, moderate band',
      ['approve', 'approve', 'approve', 'reject'],
      'moderate',
      false,
      'approved',
    ],
    [
      '2 approve, 2 reject: a tie rejects',
      ['approve', 'approve', 'reject', 'reject'],
      'moderate',
      false,
      'rejected',
    ],
    [
      'high band: one reject among approvals rejects',
      ['approve', 'approve', 'approve', 'reject'],
      'high',
      false,
      'rejected',
    ],
    [
      'high band: all approve (one abstains) approves',
      ['approve', 'approve', 'approve', 'abstain'],
      'high',
      false,
      'approved',
    ],
    [
      'concentration limit waived: unanimity',
      ['approve', 'approve', 'approve', 'reject'],
      'low',
      true,
      'rejected',
    ],
    ['unknown band counts as high', ['approve', 'approve', 'approve', 'reject'], null, false, 'rejected'],
    [
      'two abstentions: no quorum → lapsed',
      ['approve', 'approve', 'abstain', 'abstain'],
      'low',
      false,
      'lapsed',
    ],
  ] as const)('%s', (_name, decisions, band, waived, outcome) => {
    const r = votes(
      open(),
      decisions.map((d, i) => [`m${i + 1}`, { decision: d, rationale: 'r' }] as [string, RoundVoteInput]),
    );
    const closed = closeRound(r, {
      quorum: 3,
      residualBand: band,
      concentrationLimitWaived: waived,
      now: at(2),
    });
    expect(closed.outcome).toBe(outcome);
    expect(closed.reason).toBe('all_voted');
    expect(closed.round).toMatchObject({ closedAt: at(2), closeReason: 'all_voted', outcome });
  });

  it('closes at the deadline with the votes cast: quorum decides, else the round lapses', () => {
    const three = votes(open(), [
      ['m1', approve()],
      ['m2', approve()],
      ['m3', reject],
    ]);
    expect(closeDue(three, at(9))).toBeNull();
    expect(closeDue(three, at(10))).toBe('deadline');
    const decided = closeRound(three, { quorum: 3, residualBand: 'moderate', now: at(10) });
    expect(decided).toMatchObject({ outcome: 'approved', reason: 'deadline' });
    expect(decided.tally).toMatchObject({ approve: 2, reject: 1, notVoted: 1, quorumReached: true });
    const two = votes(open(), [
      ['m1', approve()],
      ['m2', approve()],
    ]);
    expect(closeRound(two, { quorum: 3, residualBand: 'low', now: at(11) })).toMatchObject({
      outcome: 'lapsed',
      reason: 'deadline',
    });
  });

  it('collects the conditions of approving votes on approval, in vote order, once each', () => {
    const r = votes(open(['m1', 'm2', 'm3']), [
      ['m1', approve('a', ['Hedge 50% of output', 'Quarterly E&S reports'])],
      ['m2', approve('b', ['Quarterly E&S reports'])],
      ['m3', approve('c')],
    ]);
    expect(closeRound(r, { quorum: 3, residualBand: 'low', now: at(1) }).conditions).toEqual([
      'Hedge 50% of output',
      'Quarterly E&S reports',
    ]);
  });

  it('refuses to close twice', () => {
    const closed = closeRound(votes(open(['m1']), [['m1', approve()]]), {
      quorum: 1,
      residualBand: 'low',
      now: at(1),
    });
    expect(() => closeRound(closed.round, { quorum: 1, residualBand: 'low', now: at(1) })).toThrow(
      expect.objectContaining({ code: 'COMMITTEE.ROUND_CLOSED' }),
    );
  });

  it('tallies what it can at any time, and the outcome follows the tally', () => {
    const t = roundTally(votes(open(), [['m1', recuse]]), { quorum: 3, residualBand: 'low' });
    expect(t).toMatchObject({ recused: 1, notVoted: 3, quorumReached: false, unanimityRequired: false });
    expect(roundOutcome(t)).toBe('lapsed');
  });
});

describe('committee rounds: the blind view', () => {
  const r = votes(open(), [
    ['m1', approve('good', ['Hedge'])],
    ['m2', recuse],
  ]);

  it('before close shows who voted or recused, not how, except the viewer’s own entry', () => {
    const view = roundView(r, 'm1');
    expect(view).toMatchObject({ status: 'open', awaiting: ['m3', 'm4'] });
    expect(view.votes).toEqual([
      {
        userId: 'm1',
        status: 'voted',
        decision: 'approve',
        rationale: 'good',
        conflictOfInterest: false,
        conditions: ['Hedge'],
        castAt: at(1),
      },
      { userId: 'm2', status: 'recused', castAt: at(1) },
    ]);
    const officer = roundView(r, 'officer');
    expect(officer.votes.every((v) => v.decision === undefined && v.rationale === undefined)).toBe(true);
    expect(JSON.stringify(officer)).not.toContain('good');
  });

  it('after close shows every vote and rationale', () => {
    const closed = closeRound(
      votes(r, [
        ['m3', approve()],
        ['m4', approve()],
      ]),
      { quorum: 3, residualBand: 'low', now: at(2) },
    );
    const view = roundView(closed.round, 'officer');
    expect(view.status).toBe('closed');
    expect(view.votes.map((v) => [v.userId, v.decision, v.rationale])).toEqual([
      ['m1', 'approve', 'good'],
      ['m2', null, 'former director of the offtaker'],
      ['m3', 'approve', 'sound structure'],
      ['m4', 'approve', 'sound structure'],
    ]);
  });
});

describe('no information request while a round is open', () => {
  it('refuses with COMMITTEE.ROUND_OPEN (defer first); allows it otherwise', () => {
    expect(() => assertNoOpenRound('committee', open())).toThrow(
      expect.objectContaining({ code: 'COMMITTEE.ROUND_OPEN' }),
    );
    const closed = closeRound(votes(open(['m1']), [['m1', approve()]]), {
      quorum: 1,
      residualBand: 'low',
      now: at(1),
    }).round;
    expect(() => assertNoOpenRound('committee', closed)).not.toThrow();
    expect(() => assertNoOpenRound('financing', null)).not.toThrow();
  });
});

describe('committee rounds: ended without a tally', () => {
  it('a defer, rejection or withdrawal ends an open round without an outcome; a closed round stays as it was', () => {
    const r = open();
    const ended = endRound(r, 'deferred', at(2));
    expect(ended).toMatchObject({ closedAt: at(2), closeReason: 'deferred', outcome: null });
    expect(roundView(ended, null).status).toBe('closed');
    expect(endRound(ended, 'withdrawn', at(3))).toBe(ended);
    expect(closeDue(ended, at(30))).toBeNull();
  });
});
