import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FORGE_PP_1_0_0 } from '../../../libs/domain/src/index.js';
import { NotificationDispatcher } from '../../../libs/messaging/src/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import {
  auditCount,
  driveToFinancing,
  insertAssessment,
  publishDisclosure,
  stageOf,
  type Officers,
} from '../applications/support.js';

/**
 * Co-financing through the API (portfolio.md "Co-financing and mobilisation"): cofinancier organisations and
 * partner accounts made by an admin, lines recorded with the financing structure, the partner reading only what
 * its organisation co-finances from committee on (404 elsewhere) and committing its own line (audited), private
 * direct mobilisation and the ratio per application and in the portfolio view. Then the portfolio policy's four
 * eyes: one admin proposes FORGE-PP 1.1.0, the same admin cannot approve it, a second admin does; both audited
 * with the version's hash, and the next evaluation runs under it.
 */
describe('co-financing, partners and the portfolio policy (e2e)', () => {
  let t: TestApp;
  let officers: Officers;
  let admin: TestUser;
  let secondAdmin: TestUser;
  let privateBank: string;
  let publicDfi: string;
  let partner: TestUser;
  let applicationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officers = { officer: await t.createUser(['officer']), checker: await t.createUser(['officer']) };
    admin = await t.createUser(['admin']);
    secondAdmin = await t.createUser(['admin']);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function organization(body: Record<string, unknown>) {
    return t.request('POST', '/api/v1/admin/organizations', {
      token: admin.token,
      body: { country: 'US', registrationNumber: `R-${Math.random().toString(36).slice(2, 10)}`, ...body },
    });
  }

  it('an admin registers cofinanciers (public or private) and partner accounts', async () => {
    const bank = await organization({
      name: 'Andes Commercial Bank',
      kind: 'cofinancier',
      sector: 'private',
    });
    expect(bank.status).toBe(201);
    expect(bank.body).toMatchObject({ kind: 'cofinancier', sector: 'private' });
    privateBank = bank.body.id;
    const dfi = await organization({ name: 'Partner DFI', kind: 'cofinancier', sector: 'public' });
    publicDfi = dfi.body.id;
    const sponsorOrg = await organization({ name: 'Plain sponsor' });
    expect(sponsorOrg.body).toMatchObject({ kind: 'sponsor', sector: null });
    const noSector = await organization({ name: 'No sector', kind: 'cofinancier' });
    expect(noSector.status).toBe(400);
    expect(noSector.body.errors[0].field).toBe('sector');
    const sectorOnSponsor = await organization({ name: 'Odd', kind: 'sponsor', sector: 'private' });
    expect(sectorOnSponsor.status).toBe(400);

    const created = await t.request('POST', '/api/v1/admin/users', {
      token: admin.token,
      body: {
        email: `partner-${Date.now()}@bank.example`,
        password: 'a long partner password 2026',
        displayName: 'Bank partner',
        roles: ['partner'],
        organizationId: privateBank,
      },
    });
    expect(created.status).toBe(201);
    partner = await t.createUser(['partner'], { organizationId: privateBank });
  });

  it('a partner account belongs to a cofinancier: elsewhere 400 VALIDATION.FAILED, nothing written', async () => {
    const sponsorOrg = (await organization({ name: 'Sponsor, not a bank' })).body.id as string;
    const fundOrg = (await organization({ name: 'FORGE itself', kind: 'fund' })).body.id as string;
    for (const organizationId of [sponsorOrg, fundOrg]) {
      const refused = await t.request('POST', '/api/v1/admin/users', {
        token: admin.token,
        body: {
          email: `misplaced-${Math.random().toString(36).slice(2, 10)}@forge.example`,
          password: 'a long partner password 2026',
          displayName: 'Misplaced partner',
          roles: ['partner'],
          organizationId,
        },
      });
      expect(refused.status).toBe(400);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body).toMatchObject({
        code: 'VALIDATION.FAILED',
        errors: [{ field: 'organizationId', message: expect.stringMatching(/cofinancier/) }],
      });
    }
    const written: Array<{ n: string }> = await t.db.dataSource.query(
      `SELECT count(*) AS n FROM users WHERE organization_id = ANY($1::uuid[])`,
      [[sponsorOrg, fundOrg]],
    );
    expect(Number(written[0]!.n)).toBe(0);

    // Nor does a role change turn a sponsor's user into a partner of its own organisation.
    const sponsorUser = await t.createUser(['sponsor'], { organizationId: sponsorOrg });
    const changed = await t.request('PUT', `/api/v1/admin/users/${sponsorUser.id}/roles`, {
      token: admin.token,
      body: { roles: ['partner'], reason: 'reads co-financing' },
    });
    expect(changed.status).toBe(400);
    expect(changed.body.errors).toEqual([{ field: 'organizationId', message: expect.any(String) }]);
  });

  it('the officer records co-financing lines with the financing structure; bad lines are refused whole', async () => {
    const sponsor = await t.createUser(['sponsor']);
    applicationId = await driveToFinancing(t, sponsor, officers, 'S02');
    const put = async (cofinancing: unknown[]) => {
      const { version } = await stageOf(t, applicationId);
      return t.request('PUT', `/api/v1/applications/${applicationId}/financing`, {
        token: officers.officer.token,
        body: {
          instrument: 'senior_loan',
          amountUsd: 500_000_000,
          tenorYears: 12,
          mitigants: [],
          conditionsPrecedent: ['Equity injected'],
          cofinancing,
          expectedVersion: version,
        },
      });
    };
    const sponsorAsCofinancier = await put([
      {
        organizationId: sponsor.organizationId,
        instrument: 'senior_loan',
        amountUsd: 1,
        status: 'indicated',
      },
    ]);
    expect(sponsorAsCofinancier.status).toBe(400);
    expect(sponsorAsCofinancier.body.errors[0].field).toBe('cofinancing[0].organizationId');
    const twice = await put([
      { organizationId: privateBank, instrument: 'senior_loan', amountUsd: 1, status: 'indicated' },
      { organizationId: privateBank, instrument: 'senior_loan', amountUsd: 2, status: 'indicated' },
    ]);
    expect(twice.status).toBe(400);
    const badStatus = await put([
      { organizationId: privateBank, instrument: 'senior_loan', amountUsd: 1, status: 'maybe' },
    ]);
    expect(badStatus.status).toBe(400);
    expect(await auditCount(t, applicationId, 'financing.recorded')).toBe(0);

    const recorded = await put([
      { organizationId: privateBank, instrument: 'senior_loan', amountUsd: 140_000_000, status: 'indicated' },
      { organizationId: publicDfi, instrument: 'guarantee', amountUsd: 60_000_000, status: 'committed' },
    ]);
    expect(recorded.status).toBe(200);
    // The staff view's financing structure lists the lines (the PUT's answer and GET /applications/:id).
    const lines = [
      { organizationId: privateBank, instrument: 'senior_loan', amountUsd: 140_000_000, status: 'indicated' },
      { organizationId: publicDfi, instrument: 'guarantee', amountUsd: 60_000_000, status: 'committed' },
    ].sort((a, b) => (a.organizationId < b.organizationId ? -1 : 1));
    expect(recorded.body.financing.cofinancing).toEqual(lines);
    for (const reader of [officers.officer, admin]) {
      const staffView = await t.request('GET', `/api/v1/applications/${applicationId}`, {
        token: reader.token,
      });
      expect(staffView.body.financing.cofinancing).toEqual(lines);
    }
    const view = await t.request('GET', `/api/v1/applications/${applicationId}/cofinancing`, {
      token: officers.officer.token,
    });
    expect(view.status).toBe(200);
    expect(view.body.lines).toHaveLength(2);
    // A public DFI's commitment is not private mobilisation; the bank's line is only indicated.
    expect(view.body).toMatchObject({ forgeAmountUsd: 500_000_000, privateDirectMobilisationUsd: 0 });

    // The officer picks a cofinancier by name (GET /cofinanciers): every cofinancier, no sponsor; staff only.
    const cofinanciers = await t.request('GET', '/api/v1/cofinanciers', { token: officers.officer.token });
    expect(cofinanciers.status).toBe(200);
    const offered = cofinanciers.body.items.map((o: { id: string }) => o.id);
    expect(offered).toEqual(expect.arrayContaining([privateBank, publicDfi]));
    expect(offered).not.toContain(sponsor.organizationId);
    expect(cofinanciers.body.items.find((o: { id: string }) => o.id === privateBank)).toMatchObject({
      sector: 'private',
    });
    for (const refused of [partner, sponsor]) {
      expect((await t.request('GET', '/api/v1/cofinanciers', { token: refused.token })).status).toBe(403);
    }

    // The partner reads nothing before committee: 404, the same as an absent application.
    const early = await t.request('GET', `/api/v1/applications/${applicationId}/cofinancing`, {
      token: partner.token,
    });
    expect(early.status).toBe(404);
  });

  it('from committee on the partner reads its own lines and commits them (audited); elsewhere 404', async () => {
    await insertAssessment(t, applicationId, { residualBand: 'moderate' });
    await publishDisclosure(t, applicationId, officers.officer);
    const { version } = await stageOf(t, applicationId);
    const moved = await t.request('POST', `/api/v1/applications/${applicationId}/transitions`, {
      token: officers.officer.token,
      body: { to: 'committee', expectedVersion: version },
    });
    expect(moved.status).toBe(200);

    const read = await t.request('GET', `/api/v1/applications/${applicationId}/cofinancing`, {
      token: partner.token,
    });
    expect(read.status).toBe(200);
    expect(read.body.lines.map((l: any) => l.organizationId)).toEqual([privateBank]);
    const list = await t.request('GET', '/api/v1/cofinancing', { token: partner.token });
    expect(list.body.items.map((i: any) => i.applicationId)).toEqual([applicationId]);
    // The partner reads the application as the applicant does (the sponsor view), and nothing through the
    // fund's own routes.
    const view = await t.request('GET', `/api/v1/applications/${applicationId}`, { token: partner.token });
    expect(view.status).toBe(200);
    expect(view.body.audience).toBe('sponsor');
    expect(view.body).not.toHaveProperty('checks');
    expect(
      (
        await t.request('GET', `/api/v1/applications/${applicationId}/risk-assessments`, {
          token: partner.token,
        })
      ).status,
    ).toBe(403);

    const stranger = await t.createUser(['partner']);
    const hidden = await t.request('GET', `/api/v1/applications/${applicationId}/cofinancing`, {
      token: stranger.token,
    });
    expect(hidden.status).toBe(404);
    expect(
      (await t.request('GET', `/api/v1/applications/${applicationId}`, { token: stranger.token })).status,
    ).toBe(404);
    const strangerCommit = await t.request(
      'POST',
      `/api/v1/applications/${applicationId}/cofinancing/commit`,
      {
        token: stranger.token,
        body: { instrument: 'senior_loan' },
      },
    );
    expect(strangerCommit.status).toBe(404);
    const officerCommit = await t.request(
      'POST',
      `/api/v1/applications/${applicationId}/cofinancing/commit`,
      {
        token: officers.officer.token,
        body: { instrument: 'senior_loan' },
      },
    );
    expect(officerCommit.status).toBe(403);
    const noSuchLine = await t.request('POST', `/api/v1/applications/${applicationId}/cofinancing/commit`, {
      token: partner.token,
      body: { instrument: 'equity' },
    });
    expect(noSuchLine.status).toBe(404);
    expect(noSuchLine.body.code).toBe('COFINANCING.NOT_FOUND');

    const committed = await t.request('POST', `/api/v1/applications/${applicationId}/cofinancing/commit`, {
      token: partner.token,
      body: { instrument: 'senior_loan' },
    });
    expect(committed.status).toBe(200);
    expect(committed.body.lines[0].status).toBe('committed');
    // 140m of private money beside 500m of FORGE: 0.28x.
    expect(committed.body).toMatchObject({
      privateDirectMobilisationUsd: 140_000_000,
      mobilisationRatioHundredths: 28,
    });
    const again = await t.request('POST', `/api/v1/applications/${applicationId}/cofinancing/commit`, {
      token: partner.token,
      body: { instrument: 'senior_loan' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('COFINANCING.INVALID_STATUS');
    expect(await auditCount(t, applicationId, 'cofinancing.committed')).toBe(1);

    // The portfolio's mobilisation counts the book only (committed + financed): this one is in committee.
    await t.db.dataSource.query(`UPDATE applications SET stage = 'approved' WHERE id = $1`, [applicationId]);
    const portfolio = await t.request('GET', '/api/v1/portfolio', { token: officers.officer.token });
    expect(portfolio.body.mobilisation).toEqual({
      privateDirectMobilisationUsd: 140_000_000,
      forgeAmountUsd: 500_000_000,
      ratioHundredths: 28,
    });
  });

  it('a new portfolio policy version needs two admins; both steps audited with its hash; it then applies', async () => {
    const params = {
      ...FORGE_PP_1_0_0,
      version: '1.1.0',
      limits: FORGE_PP_1_0_0.limits.map((l) => (l.code === 'COUNTRY' ? { ...l, bp: 3000 } : l)),
    };
    const officerTry = await t.request('POST', '/api/v1/admin/portfolio-policies', {
      token: officers.officer.token,
      body: { params, rationale: 'not mine to change' },
    });
    expect(officerTry.status).toBe(403);
    const invalid = await t.request('POST', '/api/v1/admin/portfolio-policies', {
      token: admin.token,
      body: { params: { ...params, extra: 1 }, rationale: 'unknown field' },
    });
    expect(invalid.status).toBe(400);
    const older = await t.request('POST', '/api/v1/admin/portfolio-policies', {
      token: admin.token,
      body: { params: { ...params, version: '1.0.0' }, rationale: 'same version' },
    });
    expect(older.status).toBe(409);
    expect(older.body.code).toBe('POLICY.VERSION_EXISTS');

    const proposed = await t.request('POST', '/api/v1/admin/portfolio-policies', {
      token: admin.token,
      body: { params, rationale: 'Andean frameworks: 30% per country' },
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ version: '1.1.0', status: 'pending', active: false });
    expect(proposed.body.paramsHash).toMatch(/^[0-9a-f]{64}$/);
    const second = await t.request('POST', '/api/v1/admin/portfolio-policies', {
      token: secondAdmin.token,
      body: { params: { ...params, version: '1.2.0' }, rationale: 'another' },
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('POLICY.PROPOSAL_PENDING');

    // The proposal waits in the other admins' inbox (GET /me/inbox), never in the proposer's, until decided.
    const dispatcher = new NotificationDispatcher(t.db.dataSource, { batchSize: 100, emailEnabled: false });
    const policyItems = async (user: TestUser) => {
      await t.auditCaughtUp();
      await dispatcher.drain();
      const inbox = await t.request('GET', '/api/v1/me/inbox?status=all', { token: user.token });
      expect(inbox.status).toBe(200);
      return (inbox.body.items as any[]).filter((item) => item.target.type === 'portfolio_policy');
    };
    expect(await policyItems(secondAdmin)).toEqual([
      expect.objectContaining({
        kind: 'approval',
        template: 'policy_approval_requested',
        applicationId: null,
        target: expect.objectContaining({ id: proposed.body.id }),
        params: { policy: 'FORGE-PP 1.1.0' },
        awaiting: true,
      }),
    ]);
    expect(await policyItems(admin)).toEqual([]);

    const self = await t.request('POST', `/api/v1/admin/portfolio-policies/${proposed.body.id}/approve`, {
      token: admin.token,
      body: { note: 'my own' },
    });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('APPROVAL.SELF_APPROVAL');
    const before = await t.request('GET', '/api/v1/portfolio', { token: officers.officer.token });
    expect(before.body.policy.version).toBe('1.0.0');

    const approved = await t.request('POST', `/api/v1/admin/portfolio-policies/${proposed.body.id}/approve`, {
      token: secondAdmin.token,
      body: { note: 'Board resolution 2026-11' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', active: true, decidedBy: secondAdmin.id });
    expect((await policyItems(secondAdmin)).map((item) => item.awaiting)).toEqual([false]);
    const twice = await t.request('POST', `/api/v1/admin/portfolio-policies/${proposed.body.id}/reject`, {
      token: secondAdmin.token,
      body: { note: 'too late' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('POLICY.NOT_PENDING');

    const list = await t.request('GET', '/api/v1/admin/portfolio-policies', { token: admin.token });
    expect(list.body.map((p: any) => [p.version, p.active])).toEqual([
      ['1.0.0', false],
      ['1.1.0', true],
    ]);
    const events: Array<{ action: string; after: any }> = await t.db.dataSource.query(
      `SELECT action, after FROM audit_events WHERE subject_type = 'portfolio_policy' ORDER BY entry`,
    );
    expect(events.map((e) => e.action)).toEqual(['portfolio_policy.proposed', 'portfolio_policy.approved']);
    expect(events.every((e) => e.after.paramsHash === proposed.body.paramsHash)).toBe(true);

    const after = await t.request('GET', '/api/v1/portfolio', { token: officers.officer.token });
    expect(after.body.policy).toEqual({
      policy: 'FORGE-PP',
      version: '1.1.0',
      hash: proposed.body.paramsHash,
    });
    expect(after.body.limits.find((l: any) => l.limit === 'COUNTRY').limitBp).toBe(3000);
  });
});
