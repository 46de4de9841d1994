import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { financed } from './support.js';

describe('after close: tranches, disbursements under four eyes, repayment, write-off (API, PostgreSQL)', () => {
  let t: TestApp;
  let sponsor: TestUser;
  let stranger: TestUser;
  let makerOfficer: TestUser;
  let checkerOfficer: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    sponsor = await t.createUser(['sponsor']);
    stranger = await t.createUser(['sponsor']);
    makerOfficer = await t.createUser(['officer']);
    checkerOfficer = await t.createUser(['officer']);
    auditor = await t.createUser(['auditor']);
  });

  afterAll(async () => {
    await t.close();
  });

  const events = async (applicationId: string) =>
    (
      (await t.db.dataSource.query(
        `SELECT action FROM audit_events WHERE application_id = $1 ORDER BY entry`,
        [applicationId],
      )) as { action: string }[]
    ).map((e) => e.action);
  const stage = async (id: string) =>
    (
      (await t.db.dataSource.query(`SELECT stage FROM applications WHERE id = $1`, [id])) as {
        stage: string;
      }[]
    )[0]!.stage;
  const version = async (id: string) =>
    (
      (await t.db.dataSource.query(`SELECT version FROM applications WHERE id = $1`, [id])) as {
        version: number;
      }[]
    )[0]!.version;
  const approve = (approvalId: string, officer: TestUser) =>
    t.request('POST', `/api/v1/approvals/${approvalId}/approve`, {
      token: officer.token,
      body: { note: 'checked' },
    });

  it('disburses two tranches under four eyes, then the project is repaid', async () => {
    const { id, cpId } = await financed(t, sponsor);
    const base = `/api/v1/applications/${id}`;

    const tranches = await t.request('PUT', `${base}/tranches`, {
      token: makerOfficer.token,
      body: {
        tranches: [
          { id: 'T1', amountUsd: 60_000_000, conditionIds: [cpId] },
          { id: 'T2', amountUsd: 40_000_001, conditionIds: [] },
        ],
      },
    });
    expect(tranches.status).toBe(400);
    expect(tranches.body.errors).toEqual([
      { field: 'tranches', message: expect.stringContaining('not the FORGE amount') },
    ]);
    const set = await t.request('PUT', `${base}/tranches`, {
      token: makerOfficer.token,
      body: {
        tranches: [
          { id: 'T1', amountUsd: 60_000_000, conditionIds: [cpId] },
          { id: 'T2', amountUsd: 40_000_000, conditionIds: [] },
        ],
      },
    });
    expect(set.status).toBe(200);
    expect(set.body.tranches.map((x: any) => [x.id, x.availableUsd])).toEqual([
      ['T1', 60_000_000],
      ['T2', 40_000_000],
    ]);

    // Only the sponsor of the project requests; a stranger does not see it; officers cannot request.
    expect(
      (await t.request('POST', `${base}/disbursements`, { token: stranger.token, body: { amountUsd: 1 } }))
        .status,
    ).toBe(404);
    expect(
      (
        await t.request('POST', `${base}/disbursements`, {
          token: makerOfficer.token,
          body: { amountUsd: 1 },
        })
      ).status,
    ).toBe(403);
    expect(
      (await t.request('POST', `${base}/disbursements`, { token: auditor.token, body: { amountUsd: 1 } }))
        .status,
    ).toBe(403);
    const over = await t.request('POST', `${base}/disbursements`, {
      token: sponsor.token,
      body: { trancheId: 'T2', amountUsd: 40_000_001 },
    });
    expect(over.status).toBe(409);
    expect(over.body.errors[0].guard).toBe('disbursement.within_amount');
    const bad = await t.request('POST', `${base}/disbursements`, {
      token: sponsor.token,
      body: { amountUsd: 1.5 },
    });
    expect(bad.status).toBe(400);

    const before = (await events(id)).length;
    const first = await t.request('POST', `${base}/disbursements`, {
      token: sponsor.token,
      body: { amountUsd: 60_000_000 },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ trancheId: 'T1', status: 'requested', amountUsd: 60_000_000 });
    expect(first.body).not.toHaveProperty('approvalId');
    expect((await events(id)).slice(before)).toEqual(['disbursement.requested']);

    const proposed = await t.request('POST', `${base}/disbursements/${first.body.id}/propose`, {
      token: makerOfficer.token,
    });
    expect(proposed.status).toBe(200);
    expect((await approve(proposed.body.approvalId, makerOfficer)).status).toBe(403);
    const approved = await approve(proposed.body.approvalId, checkerOfficer);
    expect(approved.status).toBe(200);
    expect(await stage(id)).toBe('disbursing');
    const granted = await t.db.dataSource.query(
      `SELECT context FROM audit_events WHERE action = 'approval.granted' AND application_id = $1`,
      [id],
    );
    expect(granted[0].context).toMatchObject({ amountUsd: 60_000_000, disbursedUsd: 60_000_000 });

    const second = await t.request('POST', `${base}/disbursements`, {
      token: sponsor.token,
      body: { trancheId: 'T2', amountUsd: 40_000_000 },
    });
    const p2 = await t.request('POST', `${base}/disbursements/${second.body.id}/propose`, {
      token: checkerOfficer.token,
    });
    expect((await approve(p2.body.approvalId, makerOfficer)).status).toBe(200);
    expect(await stage(id)).toBe('monitoring');

    const sponsorView = await t.request('GET', `${base}/disbursements`, { token: sponsor.token });
    expect(sponsorView.status).toBe(200);
    expect(sponsorView.body).toMatchObject({
      disbursedUsd: 100_000_000,
      repaidUsd: 0,
      outstandingUsd: 100_000_000,
    });
    expect(sponsorView.body.disbursements.every((d: any) => d.status === 'disbursed' && d.valueDate)).toBe(
      true,
    );
    expect(JSON.stringify(sponsorView.body)).not.toContain(makerOfficer.id);
    const staffView = await t.request('GET', `${base}/disbursements`, { token: auditor.token });
    expect(staffView.body.disbursements[0].approvalId).toBe(proposed.body.approvalId);

    // Repayment: never more than was disbursed; the stage machine's guard repayment.complete holds `repaid`.
    const today = new Date().toISOString().slice(0, 10);
    const early = await t.request('POST', `/api/v1/applications/${id}/transitions`, {
      token: makerOfficer.token,
      body: { to: 'repaid', expectedVersion: await version(id) },
    });
    expect(early.status).toBe(409);
    expect(early.body.errors.map((e: any) => e.guard)).toContain('repayment.complete');
    const tooMuch = await t.request('POST', `${base}/repayments`, {
      token: makerOfficer.token,
      body: { amountUsd: 100_000_001, valueDate: today },
    });
    expect(tooMuch.status).toBe(409);
    const repaid = await t.request('POST', `${base}/repayments`, {
      token: makerOfficer.token,
      body: { amountUsd: 100_000_000, valueDate: today },
    });
    expect(repaid.status).toBe(201);
    expect(repaid.body).toMatchObject({ repaidUsd: 100_000_000, outstandingUsd: 0 });
    const closed = await t.request('POST', `/api/v1/applications/${id}/transitions`, {
      token: makerOfficer.token,
      body: { to: 'repaid', expectedVersion: await version(id) },
    });
    expect(closed.status).toBe(200);
    expect(await stage(id)).toBe('repaid');
    expect(
      (await t.request('POST', `${base}/disbursements`, { token: sponsor.token, body: { amountUsd: 1 } }))
        .status,
    ).toBe(409);
  });

  it('checks the tranche conditions at proposal and refuses a second proposal of the same request', async () => {
    const { id, cpId } = await financed(t, sponsor);
    await t.db.dataSource.query(`UPDATE conditions_precedent SET satisfied = false WHERE id = $1`, [cpId]);
    const base = `/api/v1/applications/${id}`;
    const requested = await t.request('POST', `${base}/disbursements`, {
      token: sponsor.token,
      body: { amountUsd: 5_000_000 },
    });
    const blocked = await t.request('POST', `${base}/disbursements/${requested.body.id}/propose`, {
      token: makerOfficer.token,
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.errors[0]).toMatchObject({ guard: 'disbursement.conditions' });
    await t.db.dataSource.query(`UPDATE conditions_precedent SET satisfied = true WHERE id = $1`, [cpId]);
    const proposed = await t.request('POST', `${base}/disbursements/${requested.body.id}/propose`, {
      token: makerOfficer.token,
    });
    expect(proposed.status).toBe(200);
    const again = await t.request('POST', `${base}/disbursements/${requested.body.id}/propose`, {
      token: checkerOfficer.token,
    });
    expect(again.status).toBe(409);
    // The checker refuses: the proposal ends rejected, nothing is disbursed.
    const refused = await t.request('POST', `/api/v1/approvals/${proposed.body.approvalId}/reject`, {
      token: checkerOfficer.token,
      body: { note: 'wrong account' },
    });
    expect(refused.status).toBe(200);
    const view = await t.request('GET', `${base}/disbursements`, { token: makerOfficer.token });
    expect(view.body).toMatchObject({ disbursedUsd: 0, disbursements: [{ status: 'rejected' }] });
    expect(await stage(id)).toBe('financed');
  });

  it('writes a project off through maker-checker, cancelling open requests', async () => {
    const { id } = await financed(t, sponsor);
    const base = `/api/v1/applications/${id}`;
    await t.request('POST', `${base}/disbursements`, {
      token: sponsor.token,
      body: { amountUsd: 5_000_000 },
    });
    const noReason = await t.request('POST', `${base}/write-off`, {
      token: makerOfficer.token,
      body: { reason: '' },
    });
    expect(noReason.status).toBe(400);
    const proposed = await t.request('POST', `${base}/write-off`, {
      token: makerOfficer.token,
      body: { reason: 'insolvency' },
    });
    expect(proposed.status).toBe(201);
    expect(await stage(id)).toBe('financed');
    expect((await approve(proposed.body.approvalId, makerOfficer)).status).toBe(403);
    expect((await approve(proposed.body.approvalId, checkerOfficer)).status).toBe(200);
    expect(await stage(id)).toBe('written_off');
    const view = await t.request('GET', `${base}/disbursements`, { token: makerOfficer.token });
    expect(view.body.disbursements.map((d: any) => d.status)).toEqual(['cancelled']);
    const after = await t.request('POST', `${base}/write-off`, {
      token: makerOfficer.token,
      body: { reason: 'again' },
    });
    expect(after.status).toBe(409);
  });
});
