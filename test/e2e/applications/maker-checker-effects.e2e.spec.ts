import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import {
  auditCount,
  createSubmitted,
  driveToFinancing,
  insertAssessment,
  simulateScreening,
  stageOf,
  type Officers,
} from './support.js';

/**
 * The effects of the two maker-checker actions not covered by maker-checker.e2e.spec.ts: a downgrade of the
 * proposed E&S category and a risk band override. The screening and scoring jobs are SIMULATED
 * (support.ts simulateScreening / insertAssessment); everything else goes through the API.
 */
describe('applications: maker-checker effects (category downgrade, risk band override)', () => {
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

  async function view(id: string) {
    const response = await t.request('GET', `/api/v1/applications/${id}`, { token: officers.officer.token });
    expect(response.status).toBe(200);
    return response.body;
  }

  function checkCodes(body: { checks: Array<{ code: string }> }): string[] {
    return body.checks.map((c) => c.code);
  }

  async function categoryRow(id: string) {
    const [row]: Array<{ category: string | null; category_rationale: string | null }> =
      await t.db.dataSource.query(`SELECT category, category_rationale FROM applications WHERE id = $1`, [
        id,
      ]);
    return row!;
  }

  describe('category.downgrade', () => {
    /** Proposed A by the (simulated) screening, moved to esg_review, category A confirmed. */
    async function inEsgReviewConfirmedA(): Promise<string> {
      const app = await createSubmitted(t, sponsor);
      await simulateScreening(t, app.id, { proposedCategory: 'A' });
      let { version } = await stageOf(t, app.id);
      const moved = await t.request('POST', `/api/v1/applications/${app.id}/transitions`, {
        token: officers.officer.token,
        body: { to: 'esg_review', expectedVersion: version },
      });
      expect(moved.status).toBe(200);
      ({ version } = await stageOf(t, app.id));
      const confirmed = await t.request('POST', `/api/v1/applications/${app.id}/category`, {
        token: officers.officer.token,
        body: { category: 'A', expectedVersion: version },
      });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.category).toBe('A');
      expect(checkCodes(confirmed.body)).toContain('ESG.INDEPENDENT_REVIEW');
      return app.id;
    }

    async function proposeDowngrade(id: string, rationale: string | null = 'No sensitive receptors') {
      const { version } = await stageOf(t, id);
      return t.request('POST', `/api/v1/applications/${id}/category`, {
        token: officers.officer.token,
        body: { category: 'B', expectedVersion: version, ...(rationale === null ? {} : { rationale }) },
      });
    }

    it('a downgrade without a rationale is refused (400) and creates nothing', async () => {
      const id = await inEsgReviewConfirmedA();
      const refused = await proposeDowngrade(id, null);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION.FAILED');
      const after = await view(id);
      expect(after.category).toBe('A');
      expect(after.pendingApprovals).toEqual([]);
    });

    it('A → B is pending (category unchanged); the maker cannot approve it; a second officer applies it', async () => {
      const id = await inEsgReviewConfirmedA();
      const proposed = await proposeDowngrade(id);
      expect(proposed.status).toBe(200);
      expect(proposed.body.proposedCategory).toBe('A');
      expect(proposed.body.category).toBe('A');
      expect(checkCodes(proposed.body)).toContain('ESG.INDEPENDENT_REVIEW');
      expect(proposed.body.pendingApprovals).toHaveLength(1);
      const item = proposed.body.pendingApprovals[0];
      expect(item).toMatchObject({
        action: 'category.downgrade',
        subject: 'category',
        makerId: officers.officer.id,
      });
      expect(await categoryRow(id)).toEqual({ category: 'A', category_rationale: null });

      const inbox = await t.request('GET', '/api/v1/approvals?status=pending', {
        token: officers.checker.token,
      });
      expect(inbox.status).toBe(200);
      const listed = inbox.body.items.find((i: { id: string }) => i.id === item.id);
      expect(listed).toMatchObject({
        applicationId: id,
        action: 'category.downgrade',
        subject: 'category',
        status: 'pending',
        makerId: officers.officer.id,
        payload: { category: 'B', rationale: 'No sensitive receptors' },
      });

      const duplicate = await proposeDowngrade(id);
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('APPROVAL.DUPLICATE');

      const self = await t.request('POST', `/api/v1/approvals/${item.id}/approve`, {
        token: officers.officer.token,
        body: { note: 'mine' },
      });
      expect(self.status).toBe(403);
      expect(self.body.code).toBe('APPROVAL.SELF_APPROVAL');
      expect((await categoryRow(id)).category).toBe('A');

      const eventsBefore = await auditCount(t, id);
      const approved = await t.request('POST', `/api/v1/approvals/${item.id}/approve`, {
        token: officers.checker.token,
        body: { note: 'Screening over-classified it' },
      });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        id: item.id,
        status: 'approved',
        checkerId: officers.checker.id,
        note: 'Screening over-classified it',
      });

      expect(await categoryRow(id)).toEqual({ category: 'B', category_rationale: 'No sensitive receptors' });
      const after = await view(id);
      expect(after.category).toBe('B');
      expect(after.proposedCategory).toBe('A');
      expect(after.pendingApprovals).toEqual([]);
      // The ESG checks were recomputed for B: the A-only check is gone, the A/B ones remain.
      const codes = checkCodes(after);
      expect(codes).not.toContain('ESG.INDEPENDENT_REVIEW');
      expect(codes).toEqual(
        expect.arrayContaining(['ESG.CATEGORY_CONFIRMED', 'ESG.ESIA', 'TRANS.CONTRACTS']),
      );
      const [dbCheck]: Array<{ n: string }> = await t.db.dataSource.query(
        `SELECT count(*) AS n FROM checks WHERE application_id = $1 AND code = 'ESG.INDEPENDENT_REVIEW'`,
        [id],
      );
      expect(Number(dbCheck?.n)).toBe(0);

      // One command, one event: the approval.granted event (with the effect), nothing else.
      expect(await auditCount(t, id)).toBe(eventsBefore + 1);
      expect(await auditCount(t, id, 'approval.granted')).toBe(1);
      const [granted]: Array<{ actor_id: string; context: Record<string, any> }> =
        await t.db.dataSource.query(
          `SELECT actor_id, context FROM audit_events WHERE application_id = $1 AND action = 'approval.granted'`,
          [id],
        );
      expect(granted?.actor_id).toBe(officers.checker.id);
      expect(granted?.context.makerId).toBe(officers.officer.id);
      expect(granted?.context.effect).toMatchObject({ category: 'B' });
      expect(granted?.context.effect.checksDropped).toContain('ESG.INDEPENDENT_REVIEW');

      const again = await t.request('POST', `/api/v1/approvals/${item.id}/approve`, {
        token: officers.checker.token,
        body: { note: 'twice' },
      });
      expect(again.status).toBe(409);
    });

    it('a rejected downgrade is kept (status rejected) and leaves the category unchanged', async () => {
      const id = await inEsgReviewConfirmedA();
      const item = (await proposeDowngrade(id)).body.pendingApprovals[0];
      const eventsBefore = await auditCount(t, id);
      const rejected = await t.request('POST', `/api/v1/approvals/${item.id}/reject`, {
        token: officers.checker.token,
        body: { note: 'Indigenous land nearby: stays A' },
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({
        id: item.id,
        status: 'rejected',
        checkerId: officers.checker.id,
        note: 'Indigenous land nearby: stays A',
      });
      expect(await auditCount(t, id)).toBe(eventsBefore + 1);
      expect(await auditCount(t, id, 'approval.rejected')).toBe(1);
      expect(await auditCount(t, id, 'approval.granted')).toBe(0);

      const listed = await t.request('GET', `/api/v1/approvals?status=rejected&applicationId=${id}`, {
        token: officers.officer.token,
      });
      expect(listed.status).toBe(200);
      expect(listed.body.items).toHaveLength(1);
      expect(listed.body.items[0]).toMatchObject({
        id: item.id,
        action: 'category.downgrade',
        status: 'rejected',
      });
      const pending = await t.request('GET', `/api/v1/approvals?status=pending&applicationId=${id}`, {
        token: officers.officer.token,
      });
      expect(pending.body.items).toEqual([]);

      expect((await categoryRow(id)).category).toBe('A');
      const after = await view(id);
      expect(after.category).toBe('A');
      expect(after.pendingApprovals).toEqual([]);
      expect(checkCodes(after)).toContain('ESG.INDEPENDENT_REVIEW');
    });
  });

  describe('risk.override', () => {
    /** In financing with a financing structure and one (simulated) assessment whose residual band is moderate. */
    async function inFinancingWithAssessment(): Promise<{ id: string; assessmentId: string }> {
      const id = await driveToFinancing(t, sponsor, officers);
      const { version } = await stageOf(t, id);
      const financing = await t.request('PUT', `/api/v1/applications/${id}/financing`, {
        token: officers.officer.token,
        body: {
          instrument: 'senior_loan',
          amountUsd: 250_000_000,
          tenorYears: 12,
          mitigants: [{ type: 'offtake', coveragePct: 70, buyerInvestmentGrade: true, floorPrice: false }],
          conditionsPrecedent: ['Signed offtake agreement'],
          expectedVersion: version,
        },
      });
      expect(financing.status).toBe(200);
      const assessmentId = await insertAssessment(t, id, { residualBand: 'moderate' });
      return { id, assessmentId };
    }

    async function assessmentRow(assessmentId: string) {
      const [row]: Array<{ residual_band: string; residual_score: number; result: Record<string, any> }> =
        await t.db.dataSource.query(
          `SELECT residual_band, residual_score, result FROM risk_assessments WHERE id = $1`,
          [assessmentId],
        );
      return row!;
    }

    async function proposeOverride(assessmentId: string, band = 'high') {
      return t.request('POST', `/api/v1/risk-assessments/${assessmentId}/override`, {
        token: officers.officer.token,
        body: { band, rationale: 'Political risk in the province has risen' },
      });
    }

    it('an override is pending; once a second officer approves it the effective band changes, the record does not', async () => {
      const { id, assessmentId } = await inFinancingWithAssessment();
      const recordBefore = await assessmentRow(assessmentId);
      expect(recordBefore.residual_band).toBe('moderate');

      const proposed = await proposeOverride(assessmentId);
      expect(proposed.status).toBe(201);
      const item = proposed.body;
      expect(item).toMatchObject({
        applicationId: id,
        action: 'risk.override',
        subject: assessmentId,
        status: 'pending',
        makerId: officers.officer.id,
        payload: { band: 'high', rationale: 'Political risk in the province has risen' },
      });

      const pendingView = await view(id);
      expect(pendingView.pendingApprovals).toEqual([
        expect.objectContaining({ id: item.id, action: 'risk.override', subject: assessmentId }),
      ]);
      expect(pendingView.latestRiskAssessment).toMatchObject({
        id: assessmentId,
        residual: { band: 'moderate' },
        override: null,
      });
      const inbox = await t.request('GET', '/api/v1/approvals?status=pending', {
        token: officers.checker.token,
      });
      expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(item.id);

      const duplicate = await proposeOverride(assessmentId, 'substantial');
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('APPROVAL.DUPLICATE');

      const self = await t.request('POST', `/api/v1/approvals/${item.id}/approve`, {
        token: officers.officer.token,
        body: { note: 'mine' },
      });
      expect(self.status).toBe(403);
      expect(self.body.code).toBe('APPROVAL.SELF_APPROVAL');

      const eventsBefore = await auditCount(t, id);
      const approved = await t.request('POST', `/api/v1/approvals/${item.id}/approve`, {
        token: officers.checker.token,
        body: { note: 'Agreed, see the country memo' },
      });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', checkerId: officers.checker.id });
      expect(await auditCount(t, id)).toBe(eventsBefore + 1);
      expect(await auditCount(t, id, 'approval.granted')).toBe(1);
      const [granted]: Array<{ context: Record<string, any> }> = await t.db.dataSource.query(
        `SELECT context FROM audit_events WHERE application_id = $1 AND action = 'approval.granted'`,
        [id],
      );
      expect(granted?.context.effect).toEqual({ assessmentId, band: 'high' });

      // The application shows the approved override next to the unchanged record.
      const after = await view(id);
      expect(after.pendingApprovals).toEqual([]);
      expect(after.latestRiskAssessment).toMatchObject({
        id: assessmentId,
        residual: { band: 'moderate' },
        override: {
          band: 'high',
          rationale: 'Political risk in the province has risen',
          approvalId: item.id,
        },
      });
      const single = await t.request('GET', `/api/v1/risk-assessments/${assessmentId}`, {
        token: officers.officer.token,
      });
      expect(single.status).toBe(200);
      expect(single.body.residual.band).toBe('moderate');
      expect(single.body.override).toMatchObject({ band: 'high', approvalId: item.id });

      // The list shows the effective residual band (the override wins) and filters by it.
      const byBand = await t.request('GET', '/api/v1/applications?residualBand=high', {
        token: officers.officer.token,
      });
      expect(byBand.status).toBe(200);
      const summary = byBand.body.items.find((i: { id: string }) => i.id === id);
      expect(summary?.residualBand).toBe('high');

      // The assessment record itself is never edited; the override is its own row, tied to the approval.
      const recordAfter = await assessmentRow(assessmentId);
      expect(recordAfter).toEqual(recordBefore);
      const overrides: Array<{
        assessment_id: string;
        band: string;
        rationale: string;
        approval_id: string;
      }> = await t.db.dataSource.query(
        `SELECT assessment_id, band, rationale, approval_id FROM risk_band_overrides WHERE application_id = $1`,
        [id],
      );
      expect(overrides).toEqual([
        {
          assessment_id: assessmentId,
          band: 'high',
          rationale: 'Political risk in the province has risen',
          approval_id: item.id,
        },
      ]);
    });

    it('a rejected override writes no override row and changes no band', async () => {
      const { id, assessmentId } = await inFinancingWithAssessment();
      const item = (await proposeOverride(assessmentId)).body;
      const rejected = await t.request('POST', `/api/v1/approvals/${item.id}/reject`, {
        token: officers.checker.token,
        body: { note: 'Not supported by the memo' },
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body.status).toBe('rejected');
      const after = await view(id);
      expect(after.latestRiskAssessment).toMatchObject({ residual: { band: 'moderate' }, override: null });
      const [count]: Array<{ n: string }> = await t.db.dataSource.query(
        `SELECT count(*) AS n FROM risk_band_overrides WHERE application_id = $1`,
        [id],
      );
      expect(Number(count?.n)).toBe(0);
      expect((await assessmentRow(assessmentId)).residual_band).toBe('moderate');
    });

    it('an unknown assessment answers 404', async () => {
      const response = await proposeOverride('00000000-0000-4000-8000-000000000000');
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('RISK_ASSESSMENT.NOT_FOUND');
    });
  });
});
