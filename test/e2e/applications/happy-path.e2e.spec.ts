import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import {
  auditCount,
  createSubmitted,
  driveToCommittee,
  stageOf,
  simulateScreening,
  type Officers,
} from './support.js';

/**
 * The whole pipeline through HTTP. The screening and scoring jobs belong to other engineers and are not
 * needed here: their results are SIMULATED by writing the rows they would write (support.ts
 * simulateScreening / insertAssessment); everything else goes through the API.
 */
describe('applications: the full happy path draft → financed, and the terminal stages', () => {
  let t: TestApp;
  let sponsor: TestUser;
  let officers: Officers;
  let members: TestUser[];

  beforeAll(async () => {
    t = await createTestApp({ queueBackend: 'postgres' });
    sponsor = await t.createUser(['sponsor']);
    officers = { officer: await t.createUser(['officer']), checker: await t.createUser(['officer']) };
    members = [
      await t.createUser(['committee']),
      await t.createUser(['committee']),
      await t.createUser(['committee']),
    ];
  });
  afterAll(async () => {
    await t.close();
  });

  it('draft → submitted → screening → esg_review → financing → committee → approved → financed', async () => {
    const id = await driveToCommittee(t, sponsor, officers);
    const [row]: Array<{ ic_pack_hash: string; ic_assessment_id: string; moved_to_committee_by: string }> =
      await t.db.dataSource.query(
        `SELECT ic_pack_hash, ic_assessment_id, moved_to_committee_by FROM applications WHERE id = $1`,
        [id],
      );
    expect(row?.ic_pack_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.moved_to_committee_by).toBe(officers.officer.id);
    const [entered]: Array<{ context: Record<string, unknown> }> = await t.db.dataSource.query(
      `SELECT context FROM audit_events WHERE application_id = $1 AND action = 'application.stage_changed'
        AND after->>'stage' = 'committee'`,
      [id],
    );
    expect(entered?.context.icPackHash).toBe(row?.ic_pack_hash);
    expect(entered?.context.assessmentId).toBe(row?.ic_assessment_id);

    // Committee members now see it; the round closes when every eligible member has voted (the third here).
    const listed = await t.request('GET', '/api/v1/applications?stage=committee', {
      token: members[0]!.token,
    });
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(id);
    for (const [index, member] of members.entries()) {
      const vote = await t.request('POST', `/api/v1/applications/${id}/committee/votes`, {
        token: member.token,
        body: { decision: 'approve', rationale: `approve ${index}` },
      });
      expect(vote.status).toBe(201);
      expect(vote.body.stage).toBe(index < 2 ? 'committee' : 'approved');
    }
    const [decided]: Array<{ context: Record<string, any> }> = await t.db.dataSource.query(
      `SELECT context FROM audit_events WHERE application_id = $1 AND action = 'committee.decided'`,
      [id],
    );
    expect(decided?.context.decision).toBe('approved');
    expect(decided?.context.tally.approve).toBe(3);
    expect(decided?.context.icPackHash).toBe(row?.ic_pack_hash);

    // Close is blocked until every condition precedent is satisfied through maker-checker.
    let { version } = await stageOf(t, id);
    const early = await t.request('POST', `/api/v1/applications/${id}/transitions`, {
      token: officers.officer.token,
      body: { to: 'financed', expectedVersion: version },
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('APPLICATION.GUARD_FAILED');
    expect(early.body.errors.map((e: { guard: string }) => e.guard)).toContain('conditions.all_satisfied');

    const view = (await t.request('GET', `/api/v1/applications/${id}`, { token: officers.officer.token }))
      .body;
    expect(view.conditionsPrecedent).toHaveLength(2);
    for (const cp of view.conditionsPrecedent as Array<{ id: string }>) {
      const proposed = await t.request('POST', `/api/v1/applications/${id}/conditions/${cp.id}/satisfy`, {
        token: officers.officer.token,
        body: { evidence: 'Signed copy received' },
      });
      expect(proposed.status).toBe(201);
      const approved = await t.request('POST', `/api/v1/approvals/${proposed.body.id}/approve`, {
        token: officers.checker.token,
        body: { note: 'Checked the signed copy' },
      });
      expect(approved.status).toBe(200);
    }
    ({ version } = await stageOf(t, id));
    const close = await t.request('POST', `/api/v1/applications/${id}/transitions`, {
      token: officers.officer.token,
      body: { to: 'financed', reason: 'Financial close', expectedVersion: version },
    });
    expect(close.status).toBe(200);
    expect(close.body.stage).toBe('financed');
    expect(close.body.conditionsPrecedent.every((c: { satisfied: boolean }) => c.satisfied)).toBe(true);
    expect(close.body.latestRiskAssessment).not.toBeNull();
    // Financial close is when the annual monitoring reports start (monitoring.md).
    const [closed] = await t.db.dataSource.query(`SELECT financed_at FROM applications WHERE id = $1`, [id]);
    expect(closed.financed_at).not.toBeNull();

    // The sponsor sees its financed application; the chain has one event per command.
    const own = await t.request('GET', `/api/v1/applications/${id}`, { token: sponsor.token });
    expect(own.status).toBe(200);
    expect(own.body.stage).toBe('financed');
    expect(await auditCount(t, id, 'application.submitted')).toBe(1);
    expect(await auditCount(t, id, 'committee.decided')).toBe(1);
    expect(await auditCount(t, id, 'committee.vote_cast')).toBe(2);
  });

  it('an officer rejects with a mandatory reason (terminal)', async () => {
    const app = await createSubmitted(t, sponsor);
    await simulateScreening(t, app.id);
    const { version } = await stageOf(t, app.id);
    const noReason = await t.request('POST', `/api/v1/applications/${app.id}/transitions`, {
      token: officers.officer.token,
      body: { to: 'rejected', expectedVersion: version },
    });
    expect(noReason.status).toBe(400);
    const rejected = await t.request('POST', `/api/v1/applications/${app.id}/transitions`, {
      token: officers.officer.token,
      body: { to: 'rejected', reason: 'Outside the mandate', expectedVersion: version },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.stage).toBe('rejected');
    expect(await auditCount(t, app.id, 'application.rejected')).toBe(1);
    const again = await t.request('POST', `/api/v1/applications/${app.id}/transitions`, {
      token: officers.officer.token,
      body: { to: 'esg_review', expectedVersion: version + 1 },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('APPLICATION.INVALID_TRANSITION');
  });

  it('a sponsor withdraws a screened application; unmet guards are listed by name', async () => {
    const app = await createSubmitted(t, sponsor);
    await simulateScreening(t, app.id, { checkOutcome: 'needs_review' });
    let { version } = await stageOf(t, app.id);
    const blocked = await t.request('POST', `/api/v1/applications/${app.id}/transitions`, {
      token: officers.officer.token,
      body: { to: 'esg_review', expectedVersion: version },
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.errors.map((e: { guard: string }) => e.guard)).toContain('checks.stage_resolved');
    ({ version } = await stageOf(t, app.id));
    const withdrawn = await t.request('POST', `/api/v1/applications/${app.id}/withdraw`, {
      token: sponsor.token,
      body: { reason: 'Project cancelled', expectedVersion: version },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.stage).toBe('withdrawn');
  });
});
