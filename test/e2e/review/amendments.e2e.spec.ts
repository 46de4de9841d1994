import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import {
  auditCount,
  driveToCommittee,
  driveToFinancing,
  insertAssessment,
  stageOf,
  type Officers,
} from '../applications/support.js';

/**
 * Issue 13, item 9: amendments that outran the decision. An answer with amendments is accepted only before
 * `committee`; in committee it is 409 APPLICATION.AMENDMENT_NOT_ALLOWED (defer to financing first), from
 * approval on 409 APPLICATION.INPUT_FROZEN, and nothing is written. An accepted amendment re-evaluates every
 * automated check at once (ELIG.TICKET included), queues screening and a new assessment, and makes the
 * previous assessment stale. Sample S01: capex US$780 m, requested US$250 m.
 */
describe('amendments through information-request answers', () => {
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

  /** An open request as one opened before the committee rule existed would be (the scenario). */
  async function openRequestDirectly(id: string, stage: string): Promise<string> {
    const requestId = randomUUID();
    await t.db.dataSource.query(
      `INSERT INTO information_requests (id, application_id, stage, question, asked_by)
       VALUES ($1, $2, $3, 'Please confirm the amount', $4)`,
      [requestId, id, stage, officers.officer.id],
    );
    return requestId;
  }

  const answer = (id: string, rid: string, amendments?: Record<string, unknown>) =>
    t.request('POST', `/api/v1/applications/${id}/information-requests/${rid}/answer`, {
      token: sponsor.token,
      body: { answer: 'The amount changed', ...(amendments ? { amendments } : {}) },
    });

  async function unchanged(id: string, rid: string, before: { stage: string; version: number }) {
    expect(await stageOf(t, id)).toEqual(before);
    const [row]: Array<{ requested: string; status: string }> = await t.db.dataSource.query(
      `SELECT a.input->>'requestedAmountUsd' AS requested, r.status
         FROM applications a JOIN information_requests r ON r.application_id = a.id WHERE r.id = $1`,
      [rid],
    );
    expect(row).toEqual({ requested: '250000000', status: 'open' });
    expect(await auditCount(t, id, 'information_request.answered')).toBe(0);
  }

  it('before the committee: 409 APPLICATION.AMENDMENT_NOT_ALLOWED, nothing written (the issue scenario)', async () => {
    const id = await driveToCommittee(t, sponsor, officers);
    const rid = await openRequestDirectly(id, 'committee');
    const before = await stageOf(t, id);
    const response = await answer(id, rid, { requestedAmountUsd: 900_000_000 });
    expect(response.status).toBe(409);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('APPLICATION.AMENDMENT_NOT_ALLOWED');
    expect(response.body.errors[0].guard).toBe('amendment.before_committee');
    await unchanged(id, rid, before);
  });

  it('after approval: 409 APPLICATION.INPUT_FROZEN, nothing written', async () => {
    const id = await driveToCommittee(t, sponsor, officers);
    for (const member of members) {
      const vote = await t.request('POST', `/api/v1/applications/${id}/committee/votes`, {
        token: member.token,
        body: { decision: 'approve', rationale: 'sound project' },
      });
      expect(vote.status).toBe(201);
    }
    expect((await stageOf(t, id)).stage).toBe('approved');
    const rid = await openRequestDirectly(id, 'approved');
    const before = await stageOf(t, id);
    const response = await answer(id, rid, { requestedAmountUsd: 200_000_000 });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('APPLICATION.INPUT_FROZEN');
    await unchanged(id, rid, before);
  });

  it('in financing: the amendment re-runs ELIG.TICKET at once, queues screening and scoring, the assessment is stale', async () => {
    const id = await driveToFinancing(t, sponsor, officers);
    await insertAssessment(t, id);
    const asked = await t.request('POST', `/api/v1/applications/${id}/information-requests`, {
      token: officers.officer.token,
      body: { question: 'Has the requested amount changed?' },
    });
    expect(asked.status).toBe(201);
    const before = await stageOf(t, id);
    const response = await answer(id, asked.body.id, {
      requestedAmountUsd: 900_000_000,
      fxExposure: 'active_controls',
    });
    expect(response.status).toBe(200);
    expect(response.body.audience).toBe('sponsor');
    expect(response.body.requestedAmountUsd).toBe(900_000_000);
    expect(response.body.version).toBe(before.version + 1);

    const staff = (await t.request('GET', `/api/v1/applications/${id}`, { token: officers.officer.token }))
      .body;
    const ticket = staff.checks.find((c: { code: string }) => c.code === 'ELIG.TICKET');
    expect(ticket.outcome).toBe('fail');
    expect(ticket.detail.problems).toContain('above_capex');
    expect(staff.latestRiskAssessment.current).toBe(false);
    const outbox: Array<{ queue: string }> = await t.db.dataSource.query(
      `SELECT queue FROM outbox WHERE payload->>'applicationId' = $1 AND payload->>'reason' = 'amended' ORDER BY queue`,
      [id],
    );
    expect(outbox.map((o) => o.queue)).toEqual(['risk-scoring', 'screening']);
    const [event]: Array<{ after: { amendedFields: string[] }; context: Record<string, any> }> =
      await t.db.dataSource.query(
        `SELECT after, context FROM audit_events WHERE application_id = $1 AND action = 'information_request.answered'`,
        [id],
      );
    expect(event?.after.amendedFields).toEqual(['requestedAmountUsd', 'fxExposure']);
    expect(event?.context.checksReevaluated.updated).toContain('ELIG.TICKET');

    // The committee cannot be reached on the amended input: the failed ticket check and the stale assessment refuse it.
    const move = await t.request('POST', `/api/v1/applications/${id}/transitions`, {
      token: officers.officer.token,
      body: { to: 'committee', expectedVersion: before.version + 1 },
    });
    expect(move.status).toBe(409);
    expect(move.body.errors.map((e: { guard: string }) => e.guard)).toContain('checks.no_fail');
  });
});
