import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { createSubmitted, simulateScreening, stageOf, type Officers } from '../applications/support.js';

/**
 * Issue 13, item 4: checks that may never be waived refuse a waiver with 409 CHECK.NOT_WAIVABLE naming the
 * rule, when it is proposed and again when it is approved (nothing is written either time).
 */
describe('non-waivable checks through the API', () => {
  let t: TestApp;
  let sponsor: TestUser;
  let officers: Officers;

  beforeAll(async () => {
    t = await createTestApp({ queueBackend: 'postgres' });
    sponsor = await t.createUser(['sponsor']);
    officers = { officer: await t.createUser(['officer']), checker: await t.createUser(['officer']) };
  });
  afterAll(async () => {
    await t.close();
  });

  async function waive(id: string, code: string) {
    const { version } = await stageOf(t, id);
    return t.request('POST', `/api/v1/applications/${id}/checks/${code}/resolve`, {
      token: officers.officer.token,
      body: { outcome: 'waived', note: 'accept the risk', expectedVersion: version },
    });
  }
  const pendingCount = async (id: string) =>
    Number(
      (
        (await t.db.dataSource.query(
          `SELECT count(*) AS n FROM approvals WHERE application_id = $1 AND status = 'pending'`,
          [id],
        )) as Array<{ n: string }>
      )[0]?.n,
    );

  it('a blocked sanctions result: 409 CHECK.NOT_WAIVABLE (waiver.sanctions_blocked), no item opened', async () => {
    const app = await createSubmitted(t, sponsor);
    await simulateScreening(t, app.id, { result: 'blocked', checkOutcome: 'fail' });
    const before = await stageOf(t, app.id);
    const response = await waive(app.id, 'SANCTIONS.PARTIES');
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CHECK.NOT_WAIVABLE');
    expect(response.body.errors[0].guard).toBe('waiver.sanctions_blocked');
    expect(response.body.detail).toMatch(/OFAC 50% rule/);
    expect(await pendingCount(app.id)).toBe(0);
    expect(await stageOf(t, app.id)).toEqual(before);
  });

  it('ESG.FPIC for category A with Indigenous Peoples present (IFC PS7): 409 waiver.fpic_category_a', async () => {
    // S01: Indigenous Peoples present, FPIC in progress → ESG.FPIC needs_review once category A is confirmed.
    const app = await createSubmitted(t, sponsor);
    await simulateScreening(t, app.id, { proposedCategory: 'A' });
    let { version } = await stageOf(t, app.id);
    expect(
      (
        await t.request('POST', `/api/v1/applications/${app.id}/transitions`, {
          token: officers.officer.token,
          body: { to: 'esg_review', expectedVersion: version },
        })
      ).status,
    ).toBe(200);
    ({ version } = await stageOf(t, app.id));
    const confirmed = await t.request('POST', `/api/v1/applications/${app.id}/category`, {
      token: officers.officer.token,
      body: { category: 'A', expectedVersion: version },
    });
    expect(confirmed.status).toBe(200);
    const fpic = confirmed.body.checks.find((c: { code: string }) => c.code === 'ESG.FPIC');
    expect(fpic.outcome).toBe('needs_review');
    const response = await waive(app.id, 'ESG.FPIC');
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CHECK.NOT_WAIVABLE');
    expect(response.body.errors[0].guard).toBe('waiver.fpic_category_a');
    expect(response.body.detail).toMatch(/Performance Standard 7/);
    expect(await pendingCount(app.id)).toBe(0);
  });

  it('checked again on approval: a screening blocked since the proposal refuses it; the item stays pending', async () => {
    const app = await createSubmitted(t, sponsor);
    await simulateScreening(t, app.id, { result: 'review', checkOutcome: 'needs_review' });
    const proposed = await waive(app.id, 'SANCTIONS.PARTIES');
    expect(proposed.status).toBe(200);
    const [item]: Array<{ id: string }> = await t.db.dataSource.query(
      `SELECT id FROM approvals WHERE application_id = $1 AND status = 'pending'`,
      [app.id],
    );
    // A re-screening found the owner blocked in the meantime.
    await t.db.dataSource.query(
      `UPDATE applications SET screening = jsonb_set(screening, '{result}', '"blocked"') WHERE id = $1`,
      [app.id],
    );
    const approval = await t.request('POST', `/api/v1/approvals/${item!.id}/approve`, {
      token: officers.checker.token,
      body: { note: 'agreed' },
    });
    expect(approval.status).toBe(409);
    expect(approval.body.code).toBe('CHECK.NOT_WAIVABLE');
    expect(await pendingCount(app.id)).toBe(1);
    const [check]: Array<{ outcome: string }> = await t.db.dataSource.query(
      `SELECT outcome FROM checks WHERE application_id = $1 AND code = 'SANCTIONS.PARTIES'`,
      [app.id],
    );
    expect(check?.outcome).toBe('needs_review');
  });
});
