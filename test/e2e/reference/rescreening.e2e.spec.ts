import { waitFor } from '../../integration/screening/screening-fixtures.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { auditCount } from '../applications/support.js';
import { screenedIn as screenedInStage, sdnRow } from '../monitoring/support.js';

const UPLOAD = '/api/v1/admin/reference/sanctions-lists';

interface CheckView {
  code: string;
  stage: string;
  outcome: string;
  detail: Record<string, any>;
}

/**
 * Issue 13 item 6 through the API, the outbox and the worker on PostgreSQL: a new sanctions list re-screens
 * every application that is not terminal, financed projects and the carried post-close stages included; a new
 * hit on a financed project is a failed check on its current stage and an event in the trail officers read.
 */
describe('a new sanctions list re-screens financed projects', () => {
  let t: TestApp;
  let admin: TestUser;
  let officer: TestUser;
  let sponsor: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: true });
    admin = await t.createUser(['admin']);
    officer = await t.createUser(['officer']);
    sponsor = await t.createUser(['sponsor']);
  });
  afterAll(async () => {
    await t.close();
  });

  const screenedIn = (stage: string) => screenedInStage(t, sponsor, stage);

  const checkOf = async (id: string, token = officer.token): Promise<CheckView | undefined> => {
    const view = await t.request('GET', `/api/v1/applications/${id}`, { token });
    expect(view.status).toBe(200);
    return (view.body.checks as CheckView[]).find((c) => c.code === 'SANCTIONS.PARTIES');
  };

  it('records a failed check on the current stage of financed, disbursing and monitoring projects, and leaves repaid ones alone', async () => {
    const financed = await screenedIn('financed');
    const disbursing = await screenedIn('disbursing');
    const monitoring = await screenedIn('monitoring');
    const repaid = await screenedIn('repaid');
    const financing = await screenedIn('financing');
    expect(await checkOf(financed)).toMatchObject({ stage: 'screening', outcome: 'pass' });

    // Tomas Ibarra Wolff holds 40% of S01: a match that does not block.
    const sdnCsv = `${sdnRow(9001, 'KRASNOV-ARDILES, Ignacio Tadeo')}\n${sdnRow(9100, 'IBARRA WOLFF, Tomas')}\n`;
    const upload = await t.request('POST', UPLOAD, { token: admin.token, body: { name: 'new hit', sdnCsv } });
    expect(upload.status).toBe(201);

    for (const [id, stage] of [
      [financed, 'financed'],
      [disbursing, 'disbursing'],
      [monitoring, 'monitoring'],
    ] as const) {
      const check = await waitFor(async () => {
        const c = await checkOf(id);
        return c?.stage === stage ? c : null;
      }, 25_000).catch(async (error: Error) => {
        const [row] = await t.db.dataSource.query(
          `SELECT a.stage, a.version, a.screening_version, a.screening->>'listSha256' AS list,
                  (SELECT json_agg(json_build_object('q', o.queue, 'p', o.payload, 'sent', o.sent_at, 'err', o.last_error)) FROM outbox o WHERE o.payload->>'applicationId' = a.id::text) AS outbox
             FROM applications a WHERE a.id = $1`,
          [id],
        );
        throw new Error(`${error.message}: ${JSON.stringify(row)}`);
      });
      expect(check.outcome).toBe('fail');
      const [app] = await t.db.dataSource.query(
        `SELECT stage, screening, screening_version, version FROM applications WHERE id = $1`,
        [id],
      );
      expect(app.stage).toBe(stage); // re-screening never moves a project
      expect(app.screening).toMatchObject({ listSha256: upload.body.sha256, result: 'review' });
      expect(app.screening_version).toBe(app.version); // written through the versioned command path

      // The event officers read in the application's trail.
      const trail = await t.request('GET', `/api/v1/applications/${id}/audit-trail`, {
        token: officer.token,
      });
      expect(trail.status).toBe(200);
      const rescreened = (trail.body.items as Array<Record<string, any>>).filter(
        (e) => e.action === 'screening.completed',
      );
      expect(rescreened).toHaveLength(2);
      expect(rescreened[1]).toMatchObject({
        reason: 'list_loaded',
        before: { stage },
        after: { stage },
        context: { newHitOnStage: stage, postClose: true, result: 'review' },
      });
      expect(rescreened[1]!.context.hits).toEqual([
        expect.objectContaining({ name: 'Tomas Ibarra Wolff', result: 'match' }),
      ]);
      // monitoring.md: the new concern puts the project on the watchlist, and the event says so (officers are told).
      expect(rescreened[1]!.context.watchlistAdded).toEqual([
        expect.objectContaining({
          kind: 'sanctions_match',
          detail: expect.stringContaining('Tomas Ibarra Wolff'),
        }),
      ]);
      const [listed] = await t.db.dataSource.query(
        `SELECT a.on_watchlist, (SELECT count(*)::int FROM watchlist_reasons w WHERE w.application_id = a.id
            AND w.kind = 'sanctions_match' AND w.cleared_at IS NULL) AS reasons FROM applications a WHERE a.id = $1`,
        [id],
      );
      expect(listed).toEqual({ on_watchlist: true, reasons: 1 });
    }

    // An open application past screening: needs review on its stage (checks.md), as before.
    const open = await waitFor(async () => {
      const c = await checkOf(financing);
      return c?.stage === 'financing' ? c : null;
    });
    expect(open.outcome).toBe('needs_review');

    // Repaid is closed: not queued, not screened again.
    const queued: Array<{ app: string }> = await t.db.dataSource.query(
      `SELECT payload->>'applicationId' AS app FROM outbox WHERE queue = 'screening' AND payload->>'sanctionsListSha256' = $1`,
      [upload.body.sha256],
    );
    expect(queued.map((q) => q.app)).toEqual(
      expect.arrayContaining([financed, disbursing, monitoring, financing]),
    );
    expect(queued.map((q) => q.app)).not.toContain(repaid);
    expect(await auditCount(t, repaid, 'screening.completed')).toBe(1);
  });
});
