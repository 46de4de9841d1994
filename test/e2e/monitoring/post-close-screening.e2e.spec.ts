import { waitFor } from '../../integration/screening/screening-fixtures.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { auditCount } from '../applications/support.js';
import { screenedIn as screenedInStage, sdnRow } from './support.js';

const UPLOAD = '/api/v1/admin/reference/sanctions-lists';

interface CheckView {
  code: string;
  stage: string;
  outcome: string;
}

/**
 * docs/monitoring.md "A sanctions hit after close", through the API, the outbox and the worker: a new list's
 * potential match on a project in monitoring is a failed SANCTIONS.PARTIES check and a watchlist reason; the
 * officers dispose of it as before close: a false positive under four eyes (the check passes again, the
 * screening is clear; the watchlist reason stays until an officer clears it with a note), a true match at once
 * (the check stays failed). A waiver is still refused after close: a concern on a carried project is disposed
 * of, not waived.
 */
describe('a sanctions hit after close is disposed of by the officers', () => {
  let t: TestApp;
  let admin: TestUser;
  let maker: TestUser;
  let checker: TestUser;
  let sponsor: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: true });
    admin = await t.createUser(['admin']);
    maker = await t.createUser(['officer']);
    checker = await t.createUser(['officer']);
    sponsor = await t.createUser(['sponsor']);
  });
  afterAll(async () => {
    await t.close();
  });

  const screenedIn = (stage: string) => screenedInStage(t, sponsor, stage);

  const view = async (id: string) => {
    const response = await t.request('GET', `/api/v1/applications/${id}`, { token: maker.token });
    expect(response.status).toBe(200);
    return response.body;
  };
  const sanctionsCheck = async (id: string): Promise<CheckView | undefined> =>
    ((await view(id)).checks as CheckView[]).find((c) => c.code === 'SANCTIONS.PARTIES');
  const partyOf = async (id: string) =>
    (
      (await view(id)).screening.parties as Array<{
        name: string;
        result: string;
        disposition: string | null;
      }>
    ).find((p) => p.name === 'Tomas Ibarra Wolff');

  it('a false positive through four eyes passes the check again; a true match keeps it failed; no waiver', async () => {
    const monitoring = await screenedIn('monitoring');
    const disbursing = await screenedIn('disbursing');

    // TOMAS IBARRA is a near match of Tomas Ibarra Wolff (40% of S01): a potential match, not an exact one.
    const upload = await t.request('POST', UPLOAD, {
      token: admin.token,
      body: { name: 'near match', sdnCsv: `${sdnRow(9200, 'IBARRA, Tomas')}\n` },
    });
    expect(upload.status).toBe(201);
    for (const [id, stage] of [
      [monitoring, 'monitoring'],
      [disbursing, 'disbursing'],
    ] as const) {
      const check = await waitFor(async () => {
        const c = await sanctionsCheck(id);
        return c?.stage === stage ? c : null;
      }, 25_000);
      expect(check.outcome).toBe('fail');
      expect(await partyOf(id)).toMatchObject({ result: 'potential_match', disposition: null });
    }

    // A waiver stays refused after close (the stage has no review to waive in).
    let { version } = await view(monitoring);
    const waive = await t.request(
      'POST',
      `/api/v1/applications/${monitoring}/checks/SANCTIONS.PARTIES/resolve`,
      {
        token: maker.token,
        body: { outcome: 'waived', note: 'not material', expectedVersion: version },
      },
    );
    expect([waive.status, waive.body.code]).toEqual([409, 'APPLICATION.INVALID_TRANSITION']);

    // The sponsor may not dispose of anything.
    const bySponsor = await t.request('POST', `/api/v1/applications/${monitoring}/screening/dispositions`, {
      token: sponsor.token,
      body: { partyName: 'Tomas Ibarra Wolff', disposition: 'false_positive', note: 'not us' },
    });
    expect(bySponsor.status).toBe(403);

    // A false positive: proposed by one officer, approved by another; the check passes, the screening is clear.
    const proposed = await t.request('POST', `/api/v1/applications/${monitoring}/screening/dispositions`, {
      token: maker.token,
      body: {
        partyName: 'Tomas Ibarra Wolff',
        disposition: 'false_positive',
        note: 'Different date of birth and nationality',
        expectedVersion: version,
      },
    });
    expect(proposed.status).toBe(200);
    const item = (proposed.body.pendingApprovals as Array<{ id: string; action: string }>).find(
      (i) => i.action === 'screening.false_positive',
    );
    expect(item).toBeDefined();
    const own = await t.request('POST', `/api/v1/approvals/${item!.id}/approve`, {
      token: maker.token,
      body: { note: 'mine' },
    });
    expect(own.status).toBe(403);
    const approved = await t.request('POST', `/api/v1/approvals/${item!.id}/approve`, {
      token: checker.token,
      body: { note: 'Checked against the OFAC entry' },
    });
    expect(approved.status).toBe(200);
    const after = await view(monitoring);
    expect(after.stage).toBe('monitoring');
    expect(after.screening.result).toBe('clear');
    expect(await partyOf(monitoring)).toMatchObject({ disposition: 'false_positive' });
    expect(await sanctionsCheck(monitoring)).toMatchObject({ stage: 'monitoring', outcome: 'pass' });

    // The watchlist reason stays until an officer clears it with a note (monitoring.md "Watchlist").
    const watchlist = await t.request('GET', `/api/v1/applications/${monitoring}/watchlist`, {
      token: maker.token,
    });
    const reason = (
      watchlist.body.reasons as Array<{ id: string; kind: string; clearedAt: string | null }>
    ).find((r) => r.kind === 'sanctions_match' && r.clearedAt === null);
    expect(watchlist.body.onWatchlist).toBe(true);
    expect(reason).toBeDefined();
    ({ version } = await view(monitoring));
    const cleared = await t.request('POST', `/api/v1/applications/${monitoring}/watchlist/clear`, {
      token: maker.token,
      body: {
        reasonId: reason!.id,
        note: 'False positive approved under four eyes',
        expectedVersion: version,
      },
    });
    expect(cleared.status).toBe(200);
    expect(
      (await t.request('GET', `/api/v1/applications/${monitoring}/watchlist`, { token: maker.token })).body,
    ).toMatchObject({ onWatchlist: false });

    // A true match is recorded at once, one audit event; the check stays failed and the project on the watchlist.
    const events = await auditCount(t, disbursing, 'screening.disposition_recorded');
    const match = await t.request('POST', `/api/v1/applications/${disbursing}/screening/dispositions`, {
      token: maker.token,
      body: {
        partyName: 'Tomas Ibarra Wolff',
        disposition: 'true_match',
        note: 'Same person: passport matches',
      },
    });
    expect(match.status).toBe(200);
    expect(await auditCount(t, disbursing, 'screening.disposition_recorded')).toBe(events + 1);
    expect(await partyOf(disbursing)).toMatchObject({ disposition: 'true_match' });
    expect(await sanctionsCheck(disbursing)).toMatchObject({ stage: 'disbursing', outcome: 'fail' });
    expect(
      (await t.request('GET', `/api/v1/applications/${disbursing}/watchlist`, { token: maker.token })).body
        .onWatchlist,
    ).toBe(true);

    // Closed projects stay closed: nothing is disposed of on a repaid one.
    await t.db.dataSource.query(
      `UPDATE applications SET stage = 'repaid', version = version + 1 WHERE id = $1`,
      [disbursing],
    );
    const closed = await t.request('POST', `/api/v1/applications/${disbursing}/screening/dispositions`, {
      token: maker.token,
      body: { partyName: 'Tomas Ibarra Wolff', disposition: 'true_match', note: 'again' },
    });
    expect([closed.status, closed.body.code]).toEqual([409, 'APPLICATION.INVALID_TRANSITION']);
  });
});
