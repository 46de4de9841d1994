import { CommitteeCommands } from '../../../libs/application/src/index.js';
import { canonicalHash } from '../../../libs/domain/src/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import {
  auditCount,
  createDraft,
  driveToFinancing,
  publishDisclosure,
  stageOf,
  type Officers,
} from './support.js';

/** Whole journeys through the API on a shared, loaded machine: more than the default per test. */
const SLOW = 240_000;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * The investment committee end to end (pipeline.md "Investment committee", issue 13.3) on PostgreSQL and Redis
 * with a real worker: rounds that close when every eligible member has voted or recused, or at their deadline
 * through the worker's job; blind voting; the frozen IC pack; conditions; no information request during a round.
 */
describe('investment committee: rounds, blind votes, the frozen pack', () => {
  let t: TestApp;
  let sponsor: TestUser;
  let officers: Officers;
  let auditor: TestUser;
  /** Every committee member of the database, by id: the round lists all of them (minus the mover). */
  const members = new Map<string, TestUser>();
  let m: TestUser[];

  beforeAll(async () => {
    t = await createTestApp({
      queueBackend: 'redis',
      withWorker: true,
      env: { COMMITTEE_QUORUM: '3', COMMITTEE_DEADLINE_EVERY_MS: '200' },
    });
    sponsor = await t.createUser(['sponsor']);
    officers = { officer: await t.createUser(['officer']), checker: await t.createUser(['officer']) };
    auditor = await t.createUser(['auditor']);
    m = [];
    for (let i = 0; i < 5; i += 1) {
      const member = await t.createUser(['committee']);
      members.set(member.id, member);
      m.push(member);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  function vote(id: string, member: TestUser, body: Record<string, unknown>) {
    return t.request('POST', `/api/v1/applications/${id}/committee/votes`, { token: member.token, body });
  }

  function view(id: string, user: TestUser) {
    return t.request('GET', `/api/v1/applications/${id}`, { token: user.token });
  }

  async function events(id: string, action: string): Promise<Array<Record<string, any>>> {
    return t.db.dataSource.query(
      `SELECT actor_id, actor_role, reason, before, after, context FROM audit_events
        WHERE application_id = $1 AND action = $2 ORDER BY entry`,
      [id, action],
    );
  }

  /** Polls until `probe` answers truthy: waits for an observable effect, never for a fixed time. */
  async function waitFor<T>(
    probe: () => Promise<T | null | undefined | false>,
    timeoutMs = 20_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * … → financing → committee with the worker's own risk assessment (the worker runs here, for the deadline job,
   * so the scoring job computes the current assessment: waiting for it instead of simulating one).
   */
  async function driveToCommittee(by: Officers): Promise<string> {
    // A sponsor (obligor) per application: the portfolio's obligor limit (FORGE-PP 1.0.0, 5% of the envelope)
    // would otherwise refuse the later ones, since the earlier tests approve theirs. `sponsor` is the latest one.
    sponsor = await t.createUser(['sponsor']);
    const id = await driveToFinancing(t, sponsor, by);
    let { version } = await stageOf(t, id);
    const financing = await t.request('PUT', `/api/v1/applications/${id}/financing`, {
      token: by.officer.token,
      body: {
        instrument: 'senior_loan',
        amountUsd: 250_000_000,
        tenorYears: 12,
        mitigants: [{ type: 'offtake', coveragePct: 70, buyerInvestmentGrade: true, floorPrice: false }],
        conditionsPrecedent: ['Signed offtake agreement', 'Equity injected'],
        expectedVersion: version,
      },
    });
    expect(financing.status).toBe(200);
    await waitFor(async () => (await view(id, by.officer)).body.latestRiskAssessment?.current === true);
    // The tallies below assume the majority rule: pin the computed residual band to moderate (as the pipeline
    // tests' simulated assessment does), whatever the active model says of this structure.
    await t.db.dataSource.query(
      `UPDATE risk_assessments SET residual_band = 'moderate',
              result = jsonb_set(result, '{residual,band}', '"moderate"') WHERE application_id = $1`,
      [id],
    );
    // portfolio.md: the disclosure package published long enough before the decision (the clock moved back).
    await publishDisclosure(t, id, by.officer);
    ({ version } = await stageOf(t, id));
    const entered = await t.request('POST', `/api/v1/applications/${id}/transitions`, {
      token: by.officer.token,
      body: { to: 'committee', expectedVersion: version },
    });
    expect({ status: entered.status, errors: entered.body.errors }).toEqual({
      status: 200,
      errors: undefined,
    });
    return id;
  }

  /** Moves the round's deadline into the past: what the passing of COMMITTEE_VOTING_DAYS does. */
  async function passDeadline(id: string): Promise<void> {
    await t.db.dataSource.query(
      `UPDATE committee_rounds SET deadline = now() - interval '1 second'
        WHERE application_id = $1 AND closed_at IS NULL`,
      [id],
    );
  }

  it(
    'a round lists every committee member but the mover and closes only when all have voted or recused',
    async () => {
      const id = await driveToCommittee(officers);
      const opened = (await view(id, m[0]!)).body.committee;
      expect(opened).toMatchObject({ round: 1, status: 'open', outcome: null });
      expect([...opened.eligibleMemberIds].sort()).toEqual([...members.keys()].sort());
      expect(Date.parse(opened.deadline) - Date.parse(opened.openedAt)).toBe(10 * 86_400_000);

      // Three approving votes reach quorum but decide nothing while two members may still vote.
      for (const member of m.slice(0, 3)) {
        const cast = await vote(id, member, { decision: 'approve', rationale: `approve by ${member.id}` });
        expect(cast.status).toBe(201);
        expect(cast.body.stage).toBe('committee');
      }
      const twice = await vote(id, m[0]!, { decision: 'reject', rationale: 'second thoughts' });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('COMMITTEE.ALREADY_VOTED');
      expect((await view(id, m[3]!)).body.committee.awaiting.sort()).toEqual([m[3]!.id, m[4]!.id].sort());

      // A recusal with a conflict declaration is recorded; that member cannot vote afterwards.
      const recusal = await vote(id, m[3]!, {
        conflictOfInterest: true,
        rationale: 'former director of the offtaker',
      });
      expect(recusal.status).toBe(201);
      expect(recusal.body.committee.votes.find((v: any) => v.userId === m[3]!.id)).toMatchObject({
        status: 'recused',
        conflictOfInterest: true,
        decision: null,
      });
      const afterRecusal = await vote(id, m[3]!, { decision: 'approve', rationale: 'now' });
      expect(afterRecusal.status).toBe(403);
      expect(afterRecusal.body.code).toBe('COMMITTEE.NOT_ELIGIBLE');
      expect((await vote(id, officers.checker, { decision: 'approve', rationale: 'x' })).status).toBe(403);
      expect((await vote(id, m[4]!, { rationale: 'no decision' })).status).toBe(400);

      const last = await vote(id, m[4]!, { decision: 'reject', rationale: 'water stress' });
      expect(last.status).toBe(201);
      expect(last.body.stage).toBe('approved');
      expect(last.body.committee).toMatchObject({
        status: 'closed',
        outcome: 'approved',
        closeReason: 'all_voted',
        decision: 'approved',
        awaiting: [],
      });
      const [decided] = await events(id, 'committee.decided');
      expect(decided?.actor_id).toBe(m[4]!.id);
      expect(decided?.context).toMatchObject({ decision: 'approved', round: 1, closeReason: 'all_voted' });
      expect(decided?.context.tally).toMatchObject({ approve: 3, reject: 1, recused: 1, notVoted: 0 });
      expect(decided?.context.votes).toHaveLength(5);
      expect(await auditCount(t, id, 'committee.vote_cast')).toBe(4);
      const late = await vote(id, m[0]!, { decision: 'approve', rationale: 'late' });
      expect(late.status).toBe(409);
    },
    SLOW,
  );

  it(
    'the mover never votes, even with the committee role, and is not on the list',
    async () => {
      const mover = await t.createUser(['officer', 'committee']);
      members.set(mover.id, mover);
      const id = await driveToCommittee({ officer: mover, checker: officers.checker });
      const byMover = await vote(id, mover, { decision: 'approve', rationale: 'mine' });
      expect(byMover.status).toBe(403);
      expect(byMover.body.code).toBe('COMMITTEE.NOT_ELIGIBLE');
      expect((await view(id, m[0]!)).body.committee.eligibleMemberIds).not.toContain(mover.id);
    },
    SLOW,
  );

  it(
    'blind until close: others see that a member voted, not how, in every route; after close, the tally',
    async () => {
      const id = await driveToCommittee(officers);
      const eligible: string[] = (await view(id, m[0]!)).body.committee.eligibleMemberIds;
      const secret = 'Rationale that nobody else may read before the round closes';
      expect((await vote(id, m[0]!, { decision: 'reject', rationale: secret })).status).toBe(201);

      const own = (await view(id, m[0]!)).body.committee.votes;
      expect(own).toEqual([
        expect.objectContaining({ userId: m[0]!.id, decision: 'reject', rationale: secret }),
      ]);
      for (const reader of [m[1]!, officers.officer, auditor]) {
        const response = await view(id, reader);
        expect(response.status).toBe(200);
        expect(response.body.committee.votes).toEqual([
          { userId: m[0]!.id, status: 'voted', castAt: expect.any(String) },
        ]);
        expect(JSON.stringify(response.body)).not.toContain(secret);
        const trail = await t.request('GET', `/api/v1/applications/${id}/audit-trail`, {
          token: reader.token,
        });
        if (trail.status === 200) expect(JSON.stringify(trail.body)).not.toContain(secret);
      }
      const officerTrail = await t.request('GET', `/api/v1/applications/${id}/audit-trail`, {
        token: officers.officer.token,
      });
      expect(officerTrail.status).toBe(200);
      expect(JSON.stringify(officerTrail.body)).not.toContain('"reject"');
      const [cast] = await events(id, 'committee.vote_cast');
      expect(cast?.after).toEqual({
        userId: m[0]!.id,
        status: 'voted',
        voteCommitment: expect.stringMatching(/^[0-9a-f]{64}$/),
      });

      for (const memberId of eligible.filter((x) => x !== m[0]!.id)) {
        expect((await vote(id, members.get(memberId)!, { decision: 'reject', rationale: 'no' })).status).toBe(
          201,
        );
      }
      const closed = (await view(id, officers.officer)).body;
      expect(closed.stage).toBe('rejected');
      expect(closed.committee.votes.find((v: any) => v.userId === m[0]!.id)).toMatchObject({
        decision: 'reject',
        rationale: secret,
      });
      // The close reveals every vote with its id, and each vote_cast commitment checks against it.
      const [decided] = await events(id, 'committee.decided');
      const revealed = (decided?.context.votes as any[]).find((v) => v.userId === m[0]!.id);
      expect(
        canonicalHash({
          voteId: revealed.voteId,
          userId: revealed.userId,
          decision: revealed.decision,
          rationale: revealed.rationale,
          conflictOfInterest: revealed.conflictOfInterest,
          conditions: revealed.conditions,
        }),
      ).toBe(cast?.after.voteCommitment);
    },
    SLOW,
  );

  it(
    'the frozen IC pack: what the round opened with, hash equal to the recorded one, later documents absent',
    async () => {
      const id = await driveToCommittee(officers);
      const [row]: Array<{ ic_pack_hash: string }> = await t.db.dataSource.query(
        `SELECT ic_pack_hash FROM applications WHERE id = $1`,
        [id],
      );
      const [entered] = (await events(id, 'application.stage_changed')).filter(
        (e) => e.after.stage === 'committee',
      );
      const upload = await t
        .supertest('POST', `/api/v1/applications/${id}/documents`, { token: sponsor.token })
        .field('kind', 'other')
        .attach('file', PDF, { filename: 'late.pdf', contentType: 'application/pdf' });
      expect(upload.status).toBe(201);

      for (const reader of [m[0]!, officers.officer, auditor]) {
        const pack = await t.request('GET', `/api/v1/applications/${id}/committee/pack`, {
          token: reader.token,
        });
        expect(pack.status).toBe(200);
        // pipeline.md: the body is exactly the frozen snapshot, whose RFC 8785 hash is the one recorded.
        expect(canonicalHash(pack.body)).toBe(row?.ic_pack_hash);
        expect(canonicalHash(pack.body)).toBe(entered?.context.icPackHash);
        expect(pack.headers['x-ic-pack-hash']).toBe(row?.ic_pack_hash);
        expect(pack.headers['x-committee-round']).toBe('1');
        expect(Date.parse(pack.headers['x-ic-pack-frozen-at'] as string)).not.toBeNaN();
        expect(pack.body.schema).toBe('forge.ic-pack/2');
        expect(pack.body.application.id).toBe(id);
        expect(pack.body.input.title).toEqual(expect.any(String));
        expect(pack.body.checks.length).toBeGreaterThan(0);
        expect(pack.body.financing.instrument).toEqual(expect.any(String));
        expect(pack.body.assessmentId).toBe(entered?.context.assessmentId);
        expect(pack.body.assessment?.id).toBe(entered?.context.assessmentId);
        expect(pack.body.documents.map((d: any) => d.id)).not.toContain(upload.body.id);
      }
      const current = (await view(id, officers.officer)).body;
      expect(current.documents.map((d: any) => d.id)).toContain(upload.body.id);

      // Sponsors never read the pack (not even their own application's); a committee member reads nothing of an
      // application back in financing, and an application never put to the committee has no pack.
      const bySponsor = await t.request('GET', `/api/v1/applications/${id}/committee/pack`, {
        token: sponsor.token,
      });
      expect(bySponsor.status).toBe(403);
      const { version } = await stageOf(t, id);
      const deferred = await t.request('POST', `/api/v1/applications/${id}/transitions`, {
        token: officers.officer.token,
        body: { to: 'financing', reason: 'restructure', expectedVersion: version },
      });
      expect(deferred.status).toBe(200);
      expect(
        (await t.request('GET', `/api/v1/applications/${id}/committee/pack`, { token: m[0]!.token })).status,
      ).toBe(404);
      const kept = await t.request('GET', `/api/v1/applications/${id}/committee/pack`, {
        token: auditor.token,
      });
      expect(canonicalHash(kept.body)).toBe(row?.ic_pack_hash);
      const fresh = { body: await createDraft(t, sponsor) };
      const none = await t.request('GET', `/api/v1/applications/${fresh.body.id}/committee/pack`, {
        token: officers.officer.token,
      });
      expect(none.status).toBe(404);
      expect(none.body.code).toBe('COMMITTEE.PACK_NOT_FOUND');
    },
    SLOW,
  );

  it(
    'conditions proposed with approving votes are carried into the conditions precedent on approval',
    async () => {
      const id = await driveToCommittee(officers);
      const eligible: string[] = (await view(id, m[0]!)).body.committee.eligibleMemberIds;
      const refused = await vote(id, m[0]!, { decision: 'reject', rationale: 'no', conditions: ['x'] });
      expect(refused.status).toBe(400);
      const conditions = [
        'Hedge 50% of the lithium price exposure for three years',
        'Independent water audit',
      ];
      expect(
        (await vote(id, m[0]!, { decision: 'approve', rationale: 'with hedges', conditions })).status,
      ).toBe(201);
      expect(
        (await vote(id, m[1]!, { decision: 'approve', rationale: 'agree', conditions: [conditions[1]!] }))
          .status,
      ).toBe(201);
      for (const memberId of eligible.filter((x) => x !== m[0]!.id && x !== m[1]!.id)) {
        expect(
          (await vote(id, members.get(memberId)!, { decision: 'approve', rationale: 'yes' })).status,
        ).toBe(201);
      }
      const approved = (await view(id, officers.officer)).body;
      expect(approved.stage).toBe('approved');
      const texts = approved.conditionsPrecedent.map((c: any) => c.text);
      expect(texts).toEqual(['Signed offtake agreement', 'Equity injected', ...conditions]);
      const [decided] = await events(id, 'committee.decided');
      expect(decided?.context.conditions).toEqual(conditions);
    },
    SLOW,
  );

  it(
    'no information request while a round is open (409); after a deferral, yes, and a new round and pack next time',
    async () => {
      const id = await driveToCommittee(officers);
      expect((await vote(id, m[0]!, { conflictOfInterest: true, rationale: 'conflicted' })).status).toBe(201);
      const asked = await t.request('POST', `/api/v1/applications/${id}/information-requests`, {
        token: officers.officer.token,
        body: { question: 'Please send the updated water balance' },
      });
      expect(asked.status).toBe(409);
      expect(asked.body.code).toBe('COMMITTEE.ROUND_OPEN');
      expect(await auditCount(t, id, 'information_request.opened')).toBe(0);
      const firstPack = await t.request('GET', `/api/v1/applications/${id}/committee/pack`, {
        token: officers.officer.token,
      });

      let { version } = await stageOf(t, id);
      const deferred = await t.request('POST', `/api/v1/applications/${id}/transitions`, {
        token: officers.officer.token,
        body: { to: 'financing', reason: 'need a hedge', expectedVersion: version },
      });
      expect(deferred.status).toBe(200);
      expect(deferred.body.committee).toMatchObject({
        status: 'closed',
        closeReason: 'deferred',
        outcome: null,
      });
      const later = await t.request('POST', `/api/v1/applications/${id}/information-requests`, {
        token: officers.officer.token,
        body: { question: 'Please send the hedge term sheet' },
      });
      expect(later.status).toBe(201);
      const answered = await t.request(
        'POST',
        `/api/v1/applications/${id}/information-requests/${later.body.id}/answer`,
        {
          token: sponsor.token,
          body: { answer: 'Attached' },
        },
      );
      expect(answered.status).toBe(200);

      ({ version } = await stageOf(t, id));
      const back = await t.request('POST', `/api/v1/applications/${id}/transitions`, {
        token: officers.officer.token,
        body: { to: 'committee', expectedVersion: version },
      });
      expect(back.status).toBe(200);
      expect(back.body.committee).toMatchObject({ round: 2, status: 'open', votes: [] });
      // The recusal holds for the application: that member is not eligible in the new round.
      expect(back.body.committee.eligibleMemberIds).not.toContain(m[0]!.id);
      const secondPack = await t.request('GET', `/api/v1/applications/${id}/committee/pack`, {
        token: officers.officer.token,
      });
      expect(secondPack.headers['x-committee-round']).toBe('2');
      expect(canonicalHash(secondPack.body)).not.toBe(canonicalHash(firstPack.body));
      expect(canonicalHash(secondPack.body)).toBe(back.body.committee.icPackHash);
      expect(secondPack.headers['x-ic-pack-hash']).toBe(back.body.committee.icPackHash);
    },
    SLOW,
  );

  it(
    'at the deadline the worker job closes the round: without quorum it lapses back to financing',
    async () => {
      const id = await driveToCommittee(officers);
      expect((await vote(id, m[0]!, { decision: 'approve', rationale: 'alone' })).status).toBe(201);
      await passDeadline(id);
      const lapsed = await waitFor(async () => ((await stageOf(t, id)).stage === 'financing' ? true : null));
      expect(lapsed).toBe(true);
      const [move] = (await events(id, 'application.stage_changed')).filter(
        (e) => e.before.stage === 'committee',
      );
      expect(move).toMatchObject({ actor_id: 'system', actor_role: 'system' });
      expect(move?.context).toMatchObject({
        transition: 'committee_lapse',
        decision: 'lapsed',
        closeReason: 'deadline',
      });
      expect(move?.reason).toMatch(/lapsed without quorum: 1 of 3/);
      expect(await auditCount(t, id, 'committee.decided')).toBe(0);
      // Back in financing, the application is out of a committee member's sight.
      const late = await vote(id, m[1]!, { decision: 'approve', rationale: 'too late' });
      expect(late.status).toBe(404);
    },
    SLOW,
  );

  it(
    'at the deadline with quorum the worker job decides on the votes cast',
    async () => {
      const id = await driveToCommittee(officers);
      for (const member of m.slice(0, 3)) {
        expect((await vote(id, member, { decision: 'approve', rationale: 'fine' })).status).toBe(201);
      }
      await passDeadline(id);
      await waitFor(async () => ((await stageOf(t, id)).stage === 'approved' ? true : null));
      const [decided] = await events(id, 'committee.decided');
      expect(decided).toMatchObject({ actor_id: 'system' });
      expect(decided?.context).toMatchObject({ decision: 'approved', closeReason: 'deadline' });
      expect(decided?.context.tally).toMatchObject({
        approve: 3,
        notVoted: (await view(id, m[0]!)).body.committee.eligibleMemberIds.length - 3,
      });
    },
    SLOW,
  );

  it(
    'an approval a pending four-eyes item holds back: the vote stands, the round stays due, the job closes it once the item is decided',
    async () => {
      const id = await driveToCommittee(officers);
      const assessmentId = (await view(id, officers.officer)).body.latestRiskAssessment.id as string;
      const proposed = await t.request('POST', `/api/v1/risk-assessments/${assessmentId}/override`, {
        token: officers.officer.token,
        body: { band: 'low', rationale: 'Sovereign support letter lowers transfer risk' },
      });
      expect(proposed.status).toBe(201);
      const eligible: string[] = (await view(id, m[0]!)).body.committee.eligibleMemberIds;
      for (const memberId of eligible) {
        const cast = await vote(id, members.get(memberId)!, { decision: 'approve', rationale: 'fine' });
        expect(cast.status).toBe(201);
        expect(cast.body.stage).toBe('committee');
      }
      const held = (await view(id, officers.officer)).body.committee;
      expect(held).toMatchObject({ status: 'open', awaiting: [] });
      const casts = await events(id, 'committee.vote_cast');
      expect(casts).toHaveLength(eligible.length);
      expect(casts.at(-1)?.context.closeHeldBack).toEqual([
        expect.objectContaining({ guard: 'approval.none_pending' }),
      ]);
      expect(await auditCount(t, id, 'committee.decided')).toBe(0);

      const granted = await t.request('POST', `/api/v1/approvals/${proposed.body.id}/approve`, {
        token: officers.checker.token,
        body: { note: 'Letter checked' },
      });
      expect(granted.status).toBe(200);
      await waitFor(async () => ((await stageOf(t, id)).stage === 'approved' ? true : null));
      const [decided] = await events(id, 'committee.decided');
      expect(decided).toMatchObject({ actor_id: 'system' });
      expect(decided?.context).toMatchObject({ decision: 'approved', closeReason: 'all_voted' });
    },
    SLOW,
  );

  it(
    'closing is idempotent: a close racing the last vote, or a second close, yields one decision',
    async () => {
      const committee = t.app.get(CommitteeCommands);
      const id = await driveToCommittee(officers);
      const eligible: string[] = (await view(id, m[0]!)).body.committee.eligibleMemberIds;
      const [lastId, ...others] = eligible;
      for (const memberId of others) {
        expect(
          (await vote(id, members.get(memberId)!, { decision: 'approve', rationale: 'ok' })).status,
        ).toBe(201);
      }
      // The last vote and two closes race; the application row lock serialises them: the vote closes the round,
      // the closes find nothing due (before it: not everyone voted; after it: closed).
      const [lastVote, a, b] = await Promise.all([
        vote(id, members.get(lastId!)!, { decision: 'approve', rationale: 'last' }),
        committee.closeIfDue(id),
        committee.closeIfDue(id),
      ]);
      expect(lastVote.status).toBe(201);
      expect(lastVote.body.stage).toBe('approved');
      expect([a, b]).toEqual(['not_due', 'not_due']);
      expect(await committee.closeIfDue(id)).toBe('not_due');
      expect(await committee.closeDueRounds()).toEqual({ closed: 0, heldBack: 0 });
      expect(await auditCount(t, id, 'committee.decided')).toBe(1);
    },
    SLOW,
  );

  it(
    'at the deadline, two closes and a late vote race: exactly one decision',
    async () => {
      const committee = t.app.get(CommitteeCommands);
      const id = await driveToCommittee(officers);
      const eligible: string[] = (await view(id, m[0]!)).body.committee.eligibleMemberIds;
      const [lastId, ...others] = eligible;
      for (const memberId of others) {
        expect(
          (await vote(id, members.get(memberId)!, { decision: 'approve', rationale: 'ok' })).status,
        ).toBe(201);
      }
      await passDeadline(id);
      const [lastVote, a, b] = await Promise.all([
        vote(id, members.get(lastId!)!, { decision: 'reject', rationale: 'late' }),
        committee.closeIfDue(id),
        committee.closeIfDue(id),
      ]);
      // The worker's job may also have closed it first: then both closes find nothing due.
      expect([a, b].filter((r) => r === 'closed').length).toBeLessThanOrEqual(1);
      expect(lastVote.status).toBe(409);
      expect(['COMMITTEE.ROUND_CLOSED', 'APPLICATION.INVALID_TRANSITION']).toContain(lastVote.body.code);
      await waitFor(async () => ((await stageOf(t, id)).stage === 'approved' ? true : null));
      expect(await committee.closeIfDue(id)).toBe('not_due');
      expect(await auditCount(t, id, 'committee.decided')).toBe(1);
      const rounds: Array<{ n: string }> = await t.db.dataSource.query(
        `SELECT count(*) AS n FROM committee_rounds WHERE application_id = $1 AND closed_at IS NOT NULL`,
        [id],
      );
      expect(Number(rounds[0]?.n)).toBe(1);
    },
    SLOW,
  );

  it(
    "votes are append-only and a round's pack, members and closure never change (database triggers)",
    async () => {
      const id = await driveToCommittee(officers);
      expect((await vote(id, m[0]!, { decision: 'approve', rationale: 'fine' })).status).toBe(201);
      await expect(
        t.db.dataSource.query(`UPDATE committee_rounds SET ic_pack = '{}'::jsonb WHERE application_id = $1`, [
          id,
        ]),
      ).rejects.toThrow(/frozen/);
      await expect(
        t.db.dataSource.query(`UPDATE committee_votes SET decision = 'reject' WHERE application_id = $1`, [
          id,
        ]),
      ).rejects.toThrow(/append-only/);
      await expect(
        t.db.dataSource.query(`DELETE FROM committee_votes WHERE application_id = $1`, [id]),
      ).rejects.toThrow(/append-only/);
    },
    SLOW,
  );
});
