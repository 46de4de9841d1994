import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { auditCount, createSubmitted, simulateScreening, stageOf, type Officers } from './support.js';

describe('applications: maker-checker', () => {
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

  async function screenedWithReviewCheck() {
    const app = await createSubmitted(t, sponsor);
    await simulateScreening(t, app.id, { checkOutcome: 'needs_review' });
    return app.id;
  }

  async function proposeWaiver(id: string, code = 'ELIG.TICKET') {
    const { version } = await stageOf(t, id);
    return t.request('POST', `/api/v1/applications/${id}/checks/${code}/resolve`, {
      token: officers.officer.token,
      body: { outcome: 'waived', note: 'ticket size accepted by the board', expectedVersion: version },
    });
  }

  it('a waiver is pending (blocks moves), the maker cannot approve it (403), a duplicate is 409', async () => {
    const id = await screenedWithReviewCheck();
    const proposed = await proposeWaiver(id);
    expect(proposed.status).toBe(200);
    expect(proposed.body.pendingApprovals).toHaveLength(1);
    const item = proposed.body.pendingApprovals[0];
    expect(item).toMatchObject({
      action: 'check.waive',
      subject: 'ELIG.TICKET',
      makerId: officers.officer.id,
    });
    expect(proposed.body.checks.find((c: { code: string }) => c.code === 'ELIG.TICKET').outcome).toBe(
      'needs_review',
    );

    const duplicate = await proposeWaiver(id);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('APPROVAL.DUPLICATE');

    const self = await t.request('POST', `/api/v1/approvals/${item.id}/approve`, {
      token: officers.officer.token,
      body: { note: 'mine' },
    });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('APPROVAL.SELF_APPROVAL');

    const { version } = await stageOf(t, id);
    const blocked = await t.request('POST', `/api/v1/applications/${id}/transitions`, {
      token: officers.officer.token,
      body: { to: 'esg_review', expectedVersion: version },
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.errors.map((e: { guard: string }) => e.guard)).toContain('approval.none_pending');

    const inbox = await t.request('GET', '/api/v1/approvals?status=pending', {
      token: officers.checker.token,
    });
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(item.id);
    const sponsorInbox = await t.request('GET', '/api/v1/approvals', { token: sponsor.token });
    expect(sponsorInbox.status).toBe(403);
  });

  it('approval applies the effect in the approving transaction, with one approval.granted event', async () => {
    const id = await screenedWithReviewCheck();
    const item = (await proposeWaiver(id)).body.pendingApprovals[0];
    const before = await auditCount(t, id);
    const approved = await t.request('POST', `/api/v1/approvals/${item.id}/approve`, {
      token: officers.checker.token,
      body: { note: 'agreed' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', checkerId: officers.checker.id });
    const [check]: Array<{ outcome: string; resolved_by: string }> = await t.db.dataSource.query(
      `SELECT outcome, resolved_by FROM checks WHERE application_id = $1 AND code = 'ELIG.TICKET'`,
      [id],
    );
    expect(check).toEqual({ outcome: 'waived', resolved_by: officers.officer.id });
    expect(await auditCount(t, id)).toBe(before + 1);
    expect(await auditCount(t, id, 'approval.granted')).toBe(1);
    const again = await t.request('POST', `/api/v1/approvals/${item.id}/reject`, {
      token: officers.checker.token,
      body: { note: 'changed my mind' },
    });
    expect(again.status).toBe(409);
  });

  it('a rejected item is kept and shown; the check stays unresolved; a new proposal is allowed', async () => {
    const id = await screenedWithReviewCheck();
    const item = (await proposeWaiver(id)).body.pendingApprovals[0];
    const rejected = await t.request('POST', `/api/v1/approvals/${item.id}/reject`, {
      token: officers.checker.token,
      body: { note: 'not convinced' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    const listed = await t.request('GET', `/api/v1/approvals?status=rejected&applicationId=${id}`, {
      token: officers.officer.token,
    });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ id: item.id, note: 'not convinced' });
    const [check]: Array<{ outcome: string }> = await t.db.dataSource.query(
      `SELECT outcome FROM checks WHERE application_id = $1 AND code = 'ELIG.TICKET'`,
      [id],
    );
    expect(check?.outcome).toBe('needs_review');
    expect((await proposeWaiver(id)).status).toBe(200);
  });

  it('pass/fail only from needs_review; a fail never becomes pass (409)', async () => {
    const id = await screenedWithReviewCheck();
    let { version } = await stageOf(t, id);
    const failed = await t.request('POST', `/api/v1/applications/${id}/checks/ELIG.COUNTRY/resolve`, {
      token: officers.officer.token,
      body: { outcome: 'fail', note: 'embargoed', expectedVersion: version },
    });
    expect(failed.status).toBe(200);
    ({ version } = await stageOf(t, id));
    const pass = await t.request('POST', `/api/v1/applications/${id}/checks/ELIG.COUNTRY/resolve`, {
      token: officers.officer.token,
      body: { outcome: 'pass', note: 'oops', expectedVersion: version },
    });
    expect(pass.status).toBe(409);
    const unknown = await t.request('POST', `/api/v1/applications/${id}/checks/NOPE/resolve`, {
      token: officers.officer.token,
      body: { outcome: 'pass', note: 'x', expectedVersion: version },
    });
    // Not a check code of checks.md: refused at the edge.
    expect([unknown.status, unknown.body.code]).toEqual([400, 'VALIDATION.FAILED']);
  });

  it('a true match is recorded at once; a false positive goes through maker-checker', async () => {
    const app = await createSubmitted(t, sponsor);
    const parties = [
      {
        name: 'Tomas Ibarra Wolff',
        path: ['Tomas Ibarra Wolff'],
        effectivePct: 40,
        result: 'potential_match',
        matchedName: 'TOMAS IBARRA',
        similarity: 0.93,
        disposition: null,
      },
    ];
    await simulateScreening(t, app.id, { parties, result: 'review' });
    const fp = await t.request('POST', `/api/v1/applications/${app.id}/screening/dispositions`, {
      token: officers.officer.token,
      body: { partyName: 'Tomas Ibarra Wolff', disposition: 'false_positive', note: 'different person' },
    });
    expect(fp.status).toBe(200);
    expect(fp.body.pendingApprovals[0]).toMatchObject({
      action: 'screening.false_positive',
      subject: 'Tomas Ibarra Wolff',
    });
    const unknownParty = await t.request('POST', `/api/v1/applications/${app.id}/screening/dispositions`, {
      token: officers.officer.token,
      body: { partyName: 'Nobody', disposition: 'true_match', note: 'x' },
    });
    expect(unknownParty.status).toBe(404);
    const approved = await t.request('POST', `/api/v1/approvals/${fp.body.pendingApprovals[0].id}/approve`, {
      token: officers.checker.token,
      body: { note: 'agreed' },
    });
    expect(approved.status).toBe(200);
    const [row]: Array<{ disposition: string }> = await t.db.dataSource.query(
      `SELECT disposition FROM screening_dispositions WHERE application_id = $1`,
      [app.id],
    );
    expect(row?.disposition).toBe('false_positive');
  });
});
