import { dueAt } from '@forge/domain';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { createSubmitted, simulateScreening, stageOf } from '../applications/support.js';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/**
 * Issue 13, item 4: a check whose outcome was set through four eyes changes only through four eyes. A document
 * upload that re-evaluates a waived check keeps the waiver and opens a pending `check.reevaluate` item; its maker
 * is the officer who proposed the waiver, and two other officers must approve it (the first endorses, the second
 * applies the new outcome).
 */
describe('four eyes that one person cannot undo', () => {
  let t: TestApp;
  let sponsor: TestUser;
  let maker: TestUser;
  let checker: TestUser;
  let third: TestUser;
  let fourth: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ queueBackend: 'postgres' });
    sponsor = await t.createUser(['sponsor']);
    [maker, checker, third, fourth] = await Promise.all([
      t.createUser(['officer']),
      t.createUser(['officer']),
      t.createUser(['officer']),
      t.createUser(['officer']),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  const check = async (id: string, code: string) => {
    const [row]: Array<{ outcome: string; resolved_by: string | null; detail: Record<string, unknown> }> =
      await t.db.dataSource.query(
        `SELECT outcome, resolved_by, detail FROM checks WHERE application_id = $1 AND code = $2`,
        [id, code],
      );
    return row!;
  };
  const items = (id: string, action: string) =>
    t.db.dataSource.query(
      `SELECT id, status, maker_id, checker_id, payload FROM approvals
        WHERE application_id = $1 AND action = $2 ORDER BY created_at`,
      [id, action],
    ) as Promise<
      Array<{
        id: string;
        status: string;
        maker_id: string;
        checker_id: string | null;
        payload: Record<string, unknown>;
      }>
    >;
  const decide = (approvalId: string, officer: TestUser, decision: 'approve' | 'reject', note: string) =>
    t.request('POST', `/api/v1/approvals/${approvalId}/${decision}`, {
      token: officer.token,
      body: { note },
    });

  it('keeps a waiver a document upload re-evaluates, opens a pending item, and applies it only with two other officers', async () => {
    // S01: Indigenous Peoples present, FPIC in progress; category B, where ESG.FPIC may be waived.
    const app = await createSubmitted(t, sponsor);
    await simulateScreening(t, app.id, { proposedCategory: 'B' });
    let { version } = await stageOf(t, app.id);
    const moved = await t.request('POST', `/api/v1/applications/${app.id}/transitions`, {
      token: maker.token,
      body: { to: 'esg_review', expectedVersion: version },
    });
    expect(moved.status).toBe(200);
    ({ version } = await stageOf(t, app.id));
    const confirmed = await t.request('POST', `/api/v1/applications/${app.id}/category`, {
      token: maker.token,
      body: { category: 'B', expectedVersion: version },
    });
    expect(confirmed.status).toBe(200);
    expect((await check(app.id, 'ESG.FPIC')).outcome).toBe('needs_review');

    // The waiver, approved by two officers.
    ({ version } = await stageOf(t, app.id));
    const proposed = await t.request('POST', `/api/v1/applications/${app.id}/checks/ESG.FPIC/resolve`, {
      token: maker.token,
      body: {
        outcome: 'waived',
        note: 'FPIC process under way; condition precedent',
        expectedVersion: version,
      },
    });
    expect(proposed.status).toBe(200);
    const [waiver] = await items(app.id, 'check.waive');
    expect((await decide(waiver!.id, checker, 'approve', 'agreed')).status).toBe(200);
    expect(await check(app.id, 'ESG.FPIC')).toMatchObject({ outcome: 'waived', resolved_by: maker.id });
    const inputsBefore = (await check(app.id, 'ESG.FPIC')).detail['inputsHash'];

    // The sponsor uploads FPIC evidence: the check's inputs change (evidence attached, status still in progress).
    const upload = t.supertest('POST', `/api/v1/applications/${app.id}/documents`, { token: sponsor.token });
    void upload.field('kind', 'fpic_evidence');
    void upload.attach('file', PDF, { filename: 'fpic.pdf', contentType: 'application/pdf' });
    const uploaded = await upload;
    expect(uploaded.status).toBe(201);
    const [added]: Array<{ context: Record<string, unknown> }> = await t.db.dataSource.query(
      `SELECT context FROM audit_events WHERE action = 'document.added' AND subject_id = $1`,
      [uploaded.body.id],
    );
    expect(added!.context).toMatchObject({ checksReevaluationPending: ['ESG.FPIC'] });

    // The waiver stands; a pending item proposes the recomputed outcome, made in the waiver maker's name.
    const kept = await check(app.id, 'ESG.FPIC');
    expect(kept).toMatchObject({ outcome: 'waived', resolved_by: maker.id });
    expect(kept.detail['inputsHash']).not.toBe(inputsBefore);
    const [pending] = await items(app.id, 'check.reevaluate');
    expect(pending).toMatchObject({
      status: 'pending',
      maker_id: maker.id,
      payload: { proposedOutcome: 'needs_review', keptOutcome: 'waived', endorsedBy: null },
    });
    // Due when created, like every maker-checker item (the approval budget from the upload's clock), not
    // left for the deadline sweep to stamp.
    const [timing]: Array<{ created_at: Date; due_at: Date | null }> = await t.db.dataSource.query(
      `SELECT created_at, due_at FROM approvals WHERE id = $1`,
      [pending!.id],
    );
    expect(timing!.due_at?.toISOString()).toBe(
      dueAt(
        { kind: 'approval', createdAt: timing!.created_at.toISOString() },
        t.runtime.config.deadlines.policy,
      ),
    );
    const view = await t.request('GET', `/api/v1/applications/${app.id}`, { token: third.token });
    expect(view.body.pendingApprovals).toEqual([
      expect.objectContaining({
        id: pending!.id,
        action: 'check.reevaluate',
        subject: 'ESG.FPIC',
        makerId: maker.id,
      }),
    ]);
    // Nobody passes the check alone meanwhile: it is not `needs_review`, and the pending item blocks moves.
    ({ version } = await stageOf(t, app.id));
    const alone = await t.request('POST', `/api/v1/applications/${app.id}/checks/ESG.FPIC/resolve`, {
      token: third.token,
      body: { outcome: 'pass', note: 'looks fine', expectedVersion: version },
    });
    expect(alone.status).toBe(409);

    // The waiver's maker cannot decide it; a first officer endorses (nothing applies yet) and cannot approve twice.
    expect((await decide(pending!.id, maker, 'approve', 'mine')).status).toBe(403);
    const endorsed = await decide(pending!.id, third, 'approve', 'new evidence reviewed');
    expect(endorsed.status).toBe(200);
    expect((await items(app.id, 'check.reevaluate'))[0]).toMatchObject({
      status: 'pending',
      payload: { endorsedBy: third.id },
    });
    expect((await check(app.id, 'ESG.FPIC')).outcome).toBe('waived');
    const twice = await decide(pending!.id, third, 'approve', 'again');
    expect(twice.status).toBe(403);
    expect(twice.body.code).toBe('APPROVAL.SELF_APPROVAL');

    // A second, different officer applies the re-evaluation: the automated outcome, to be worked on again.
    const applied = await decide(pending!.id, fourth, 'approve', 'agreed: re-evaluate');
    expect(applied.status).toBe(200);
    expect((await items(app.id, 'check.reevaluate'))[0]).toMatchObject({
      status: 'approved',
      checker_id: fourth.id,
    });
    expect(await check(app.id, 'ESG.FPIC')).toMatchObject({ outcome: 'needs_review', resolved_by: null });
    const events: Array<{ action: string; actor_id: string }> = await t.db.dataSource.query(
      `SELECT action, actor_id FROM audit_events WHERE subject_id = $1 ORDER BY seq`,
      [pending!.id],
    );
    expect(events).toEqual([
      { action: 'approval.endorsed', actor_id: third.id },
      { action: 'approval.granted', actor_id: fourth.id },
    ]);
  });
});
