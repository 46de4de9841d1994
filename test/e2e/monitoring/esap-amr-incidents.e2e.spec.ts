import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { financed } from './support.js';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

const FIGURES = {
  year: 2026,
  dscrActual: 135,
  fatalities: 0,
  lostTimeInjuryFrequency: 45,
  waterWithdrawalM3: 1_200_000,
  ghgScope12Tonnes: 80_000,
  grievancesReceived: 12,
  grievancesResolved: 11,
  localEmploymentPct: 72.5,
  localProcurementPct: 31,
};

describe('after close: ESAP, annual reports and covenants, incidents, watchlist (API, PostgreSQL)', () => {
  let t: TestApp;
  let sponsor: TestUser;
  let stranger: TestUser;
  let officer: TestUser;
  let auditor: TestUser;
  let committee: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    sponsor = await t.createUser(['sponsor']);
    stranger = await t.createUser(['sponsor']);
    officer = await t.createUser(['officer']);
    auditor = await t.createUser(['auditor']);
    committee = await t.createUser(['committee']);
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
  const version = async (id: string) =>
    (
      (await t.db.dataSource.query(`SELECT version FROM applications WHERE id = $1`, [id])) as {
        version: number;
      }[]
    )[0]!.version;
  const upload = async (id: string, token: string): Promise<string> => {
    const response = await t
      .supertest('POST', `/api/v1/applications/${id}/documents`, { token })
      .field('kind', 'other')
      .attach('file', PDF, { filename: 'report.pdf', contentType: 'application/pdf' });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  it('ESAP: an officer creates, the sponsor attaches evidence and marks done, an officer returns then verifies', async () => {
    const { id } = await financed(t, sponsor);
    const base = `/api/v1/applications/${id}/esap`;
    const dueDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

    expect(
      (
        await t.request('POST', base, {
          token: sponsor.token,
          body: { description: 'x', standard: 'PS3', dueDate },
        })
      ).status,
    ).toBe(403);
    const bad = await t.request('POST', base, {
      token: officer.token,
      body: { description: 'Seepage wells', standard: 'PS9', dueDate: '2001-01-01' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION.FAILED');
    const past = await t.request('POST', base, {
      token: officer.token,
      body: { description: 'Seepage wells', standard: 'PS3', dueDate: '2001-01-01' },
    });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([{ field: 'dueDate', message: 'must not be in the past' }]);
    const stale = await t.request('POST', base, {
      token: officer.token,
      body: { description: 'Seepage wells', standard: 'PS3', dueDate, expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('APPLICATION.VERSION_CONFLICT');
    expect(await t.db.dataSource.query(`SELECT 1 FROM esap_items WHERE application_id = $1`, [id])).toEqual(
      [],
    );

    const before = (await events(id)).length;
    const created = await t.request('POST', base, {
      token: officer.token,
      headers: { 'idempotency-key': `esap-${id}` },
      body: { description: 'Install tailings seepage monitoring wells', standard: 'PS3', dueDate },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'open', standard: 'PS3', dueDate, overdue: false });
    const replay = await t.request('POST', base, {
      token: officer.token,
      headers: { 'idempotency-key': `esap-${id}` },
      body: { description: 'Install tailings seepage monitoring wells', standard: 'PS3', dueDate },
    });
    expect(replay.body.id).toBe(created.body.id);
    expect((await events(id)).slice(before)).toEqual(['esap.item_created']);

    const item = `${base}/${created.body.id}`;
    expect((await t.request('GET', base, { token: stranger.token })).status).toBe(404);
    expect(
      (await t.request('PATCH', item, { token: stranger.token, body: { status: 'in_progress' } })).status,
    ).toBe(404);
    expect(
      (await t.request('PATCH', item, { token: auditor.token, body: { status: 'in_progress' } })).status,
    ).toBe(403);
    const noEvidence = await t.request('PATCH', item, { token: sponsor.token, body: { status: 'done' } });
    expect(noEvidence.status).toBe(400);
    const foreignDoc = await t.request('PATCH', item, {
      token: sponsor.token,
      body: { status: 'done', evidenceDocumentIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(foreignDoc.status).toBe(400);
    expect(foreignDoc.body.errors[0].field).toBe('evidenceDocumentIds');
    const verifyEarly = await t.request('POST', `${item}/review`, {
      token: officer.token,
      body: { decision: 'verify', note: 'ok' },
    });
    expect(verifyEarly.status).toBe(409);
    expect(verifyEarly.body.code).toBe('ESAP.STATE_CONFLICT');

    const evidence = await upload(id, sponsor.token);
    const done = await t.request('PATCH', item, {
      token: sponsor.token,
      body: { status: 'done', evidenceDocumentIds: [evidence], note: 'Wells installed in March' },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', evidenceDocumentIds: [evidence] });
    expect(done.body).not.toHaveProperty('createdBy');
    const returned = await t.request('POST', `${item}/review`, {
      token: officer.token,
      body: { decision: 'return', note: 'Attach the first quarterly readings' },
    });
    expect(returned.body.status).toBe('in_progress');
    const second = await upload(id, sponsor.token);
    await t.request('PATCH', item, {
      token: sponsor.token,
      body: { status: 'done', evidenceDocumentIds: [second] },
    });
    const verified = await t.request('POST', `${item}/review`, {
      token: officer.token,
      body: { decision: 'verify', note: 'Readings on file' },
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      status: 'verified',
      verifiedBy: officer.id,
      createdBy: officer.id,
    });
    expect(verified.body.evidenceDocumentIds).toEqual([evidence, second]);
    const closed = await t.request('PATCH', item, { token: sponsor.token, body: { note: 'more' } });
    expect(closed.status).toBe(409);

    // Overdue from the clock: an item whose due date has passed and is not verified.
    await t.db.dataSource.query(
      `INSERT INTO esap_items (id, application_id, description, standard, due_date, status, created_by, created_at,
         updated_at) VALUES (gen_random_uuid(), $1, 'Resettlement action plan', 'PS5', '2020-01-31', 'open', $2, now(), now())`,
      [id, officer.id],
    );
    const list = await t.request('GET', base, { token: committee.token });
    expect(list.status).toBe(200);
    expect(list.body.map((i: any) => [i.standard, i.status, i.overdue, i.dueAt])).toEqual([
      ['PS5', 'open', true, '2020-02-01T00:00:00.000Z'],
      ['PS3', 'verified', false, expect.any(String)],
    ]);
    expect((await events(id)).filter((a) => a.startsWith('esap.'))).toEqual([
      'esap.item_created',
      'esap.item_updated',
      'esap.item_reviewed',
      'esap.item_updated',
      'esap.item_reviewed',
    ]);
  });

  it('an AMR below the DSCR covenant and filed late: breaches recorded, the project on the watchlist, cleared by an officer', async () => {
    const { id } = await financed(t, sponsor);
    const base = `/api/v1/applications/${id}`;
    // Closed in 2024: the 2024 report was due 2025-04-30, so filing it now is late.
    await t.db.dataSource.query(
      `UPDATE applications SET financed_at = '2024-06-30T00:00:00Z' WHERE id = $1`,
      [id],
    );
    const covenants = await t.request('GET', `${base}/covenants`, { token: sponsor.token });
    expect(covenants.body).toMatchObject({ source: 'default' });
    expect(covenants.body.covenants.map((c: any) => c.code)).toEqual([
      'DSCR_MIN',
      'ZERO_FATALITIES',
      'AMR_ON_TIME',
    ]);
    const badCovenants = await t.request('PUT', `${base}/covenants`, {
      token: officer.token,
      body: { covenants: [{ code: 'DSCR_MIN', kind: 'es', rule: { type: 'min_dscr', min: 120 } }] },
    });
    expect(badCovenants.status).toBe(400);
    expect(badCovenants.body.errors[0].field).toBe('covenants[0].kind');
    const set = await t.request('PUT', `${base}/covenants`, {
      token: officer.token,
      body: {
        covenants: [
          { code: 'DSCR_MIN', kind: 'financial', rule: { type: 'min_dscr', min: 120 } },
          { code: 'ZERO_FATALITIES', kind: 'es', rule: { type: 'max_fatalities', max: 0 } },
          { code: 'AMR_ON_TIME', kind: 'reporting', rule: { type: 'amr_on_time', graceDays: 30 } },
        ],
      },
    });
    expect(set.status).toBe(200);
    expect(set.body.source).toBe('financing');

    const doc = await upload(id, sponsor.token);
    const badFigures = await t.request('POST', `${base}/monitoring-reports`, {
      token: sponsor.token,
      body: { documentId: doc, figures: { ...FIGURES, year: 2024, dscrActual: 1.05, revenue: 3 } },
    });
    expect(badFigures.status).toBe(400);
    expect(badFigures.body.errors.map((e: any) => e.field).sort()).toEqual(['dscrActual', 'revenue']);
    expect(
      (
        await t.request('POST', `${base}/monitoring-reports`, {
          token: auditor.token,
          body: { documentId: doc, figures: FIGURES },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.request('POST', `${base}/monitoring-reports`, {
          token: stranger.token,
          body: { documentId: doc, figures: FIGURES },
        })
      ).status,
    ).toBe(404);

    const before = (await events(id)).length;
    const filed = await t.request('POST', `${base}/monitoring-reports`, {
      token: sponsor.token,
      body: { documentId: doc, figures: { ...FIGURES, year: 2024, dscrActual: 105 } },
    });
    expect(filed.status).toBe(201);
    expect(filed.body.breaches.map((b: any) => b.code)).toEqual(['DSCR_MIN', 'AMR_ON_TIME']);
    expect(filed.body).not.toHaveProperty('watchlistAdded');
    expect(filed.body.report).not.toHaveProperty('submittedBy');
    expect(filed.body.report.dueDate).toBe('2025-04-30');
    expect((await events(id)).slice(before)).toEqual(['amr.submitted']);
    const [event] = await t.db.dataSource.query(
      `SELECT after, context FROM audit_events WHERE application_id = $1 AND action = 'amr.submitted'`,
      [id],
    );
    expect(event.after.breaches.map((b: any) => b.code)).toEqual(['DSCR_MIN', 'AMR_ON_TIME']);
    expect(event.context.watchlistAdded.map((r: any) => r.id)).toEqual([
      'covenant_breach:2024:DSCR_MIN#1',
      'covenant_breach:2024:AMR_ON_TIME#1',
    ]);

    const again = await t.request('POST', `${base}/monitoring-reports`, {
      token: sponsor.token,
      body: { documentId: doc, figures: { ...FIGURES, year: 2024 } },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('AMR.YEAR_CONFLICT');

    const reports = await t.request('GET', `${base}/monitoring-reports`, { token: auditor.token });
    expect(reports.body).toHaveLength(1);
    expect(reports.body[0]).toMatchObject({ year: 2024, submittedBy: sponsor.id });
    expect(reports.body[0].covenantResults.map((r: any) => [r.code, r.met])).toEqual([
      ['DSCR_MIN', false],
      ['ZERO_FATALITIES', true],
      ['AMR_ON_TIME', false],
    ]);

    // The watchlist: staff read it, the sponsor does not; an officer clears one reason with a note.
    expect((await t.request('GET', `${base}/watchlist`, { token: sponsor.token })).status).toBe(403);
    const watch = await t.request('GET', `${base}/watchlist`, { token: auditor.token });
    expect(watch.body.onWatchlist).toBe(true);
    expect(watch.body.reasons.map((r: any) => r.kind)).toEqual(['covenant_breach', 'covenant_breach']);
    const noNote = await t.request('POST', `${base}/watchlist/clear`, {
      token: officer.token,
      body: { reasonId: 'covenant_breach:2024:DSCR_MIN#1', note: ' ' },
    });
    expect(noNote.status).toBe(400);
    const unknown = await t.request('POST', `${base}/watchlist/clear`, {
      token: officer.token,
      body: { reasonId: 'covenant_breach:1999:X#1', note: 'n' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('WATCHLIST.NOT_FOUND');
    await t.request('POST', `${base}/watchlist/clear`, {
      token: officer.token,
      body: { reasonId: 'covenant_breach:2024:AMR_ON_TIME#1', note: 'Late by agreement' },
    });
    const cleared = await t.request('POST', `${base}/watchlist/clear`, {
      token: officer.token,
      body: {
        reasonId: 'covenant_breach:2024:DSCR_MIN#1',
        note: 'Waiver granted; DSCR back above 1.20x',
        expectedVersion: await version(id),
      },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.onWatchlist).toBe(false);
    const [row] = await t.db.dataSource.query(`SELECT on_watchlist FROM applications WHERE id = $1`, [id]);
    expect(row.on_watchlist).toBe(false);
    expect((await events(id)).filter((a) => a === 'watchlist.cleared')).toHaveLength(2);
  });

  it('incidents: a serious one reported late goes on the watchlist; updates, then an officer closes it', async () => {
    const { id } = await financed(t, sponsor);
    const base = `/api/v1/applications/${id}/incidents`;
    const fiveDaysAgo = new Date(Date.now() - 5 * 86_400_000).toISOString();
    const minor = await t.request('POST', base, {
      token: sponsor.token,
      body: {
        occurredAt: fiveDaysAgo,
        kind: 'spill',
        severity: 1,
        description: 'Diesel spill, 20 l, contained',
      },
    });
    expect(minor.status).toBe(201);
    expect(minor.body.incident).toMatchObject({ serious: false, late: false });
    const future = await t.request('POST', base, {
      token: sponsor.token,
      body: { occurredAt: '2999-01-01T00:00:00Z', kind: 'spill', severity: 1, description: 'x' },
    });
    expect(future.status).toBe(400);
    expect(
      (
        await t.request('POST', base, {
          token: stranger.token,
          body: { occurredAt: fiveDaysAgo, kind: 'spill', severity: 1, description: 'x' },
        })
      ).status,
    ).toBe(404);

    const serious = await t.request('POST', base, {
      token: sponsor.token,
      body: {
        occurredAt: fiveDaysAgo,
        kind: 'tailings',
        severity: 2,
        description: 'Seepage from the tailings storage facility reached the creek',
      },
    });
    expect(serious.status).toBe(201);
    expect(serious.body.incident).toMatchObject({ serious: true, late: true, status: 'open' });
    const incident = serious.body.incident.id as string;
    const [event] = await t.db.dataSource.query(
      `SELECT after, context FROM audit_events WHERE subject_id = $1 AND action = 'incident.reported'`,
      [incident],
    );
    expect(event.after).toMatchObject({ kind: 'tailings', serious: true, late: true });
    expect(event.context.watchlistAdded).toEqual([
      expect.objectContaining({ id: `incident:${incident}#1`, kind: 'incident' }),
    ]);
    const watch = await t.request('GET', `/api/v1/applications/${id}/watchlist`, { token: officer.token });
    expect(watch.body.onWatchlist).toBe(true);

    const update = await t.request('POST', `${base}/${incident}/updates`, {
      token: sponsor.token,
      body: { kind: 'root_cause', text: 'Liner tear at the north cell' },
    });
    expect(update.status).toBe(201);
    expect(update.body.updates).toEqual([
      { kind: 'root_cause', text: 'Liner tear at the north cell', at: expect.any(String) },
    ]);
    expect(
      (await t.request('POST', `${base}/${incident}/close`, { token: sponsor.token, body: { note: 'x' } }))
        .status,
    ).toBe(403);
    const closed = await t.request('POST', `${base}/${incident}/close`, {
      token: officer.token,
      body: { note: 'Liner repaired; creek water back to baseline' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: officer.id });
    const again = await t.request('POST', `${base}/${incident}/close`, {
      token: officer.token,
      body: { note: 'x' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INCIDENT.STATE_CONFLICT');
    const late = await t.request('POST', `${base}/${incident}/updates`, {
      token: sponsor.token,
      body: { kind: 'note', text: 'after closure' },
    });
    expect(late.status).toBe(409);

    const list = await t.request('GET', base, { token: sponsor.token });
    expect(list.body.map((i: any) => i.kind).sort()).toEqual(['spill', 'tailings']);
    expect(JSON.stringify(list.body)).not.toContain(officer.id);
    expect((await events(id)).filter((a) => a.startsWith('incident.'))).toEqual([
      'incident.reported',
      'incident.reported',
      'incident.updated',
      'incident.closed',
    ]);
  });

  it('refuses incidents before financial close', async () => {
    const { id } = await financed(t, sponsor);
    await t.db.dataSource.query(
      `UPDATE applications SET stage = 'approved', financed_at = NULL WHERE id = $1`,
      [id],
    );
    const incident = await t.request('POST', `/api/v1/applications/${id}/incidents`, {
      token: sponsor.token,
      body: { occurredAt: new Date().toISOString(), kind: 'other', severity: 1, description: 'x' },
    });
    expect(incident.status).toBe(409);
    expect(incident.body.code).toBe('APPLICATION.INVALID_TRANSITION');
  });
});
