import { createTestApp, type TestApp } from '../../support/test-app.js';
import { generateSanctionsList } from '../../integration/screening/screening-fixtures.js';

const UPLOAD = '/api/v1/admin/reference/sanctions-lists';
const PREVIEW = `${UPLOAD}/preview`;
const ROW = (ent: number, name: string, program = 'DEMO-1') =>
  `${ent},"${name}","-0-","${program}","-0-","-0-","-0-","-0-","-0-","-0-","-0-","-0-"`;

/**
 * POST /admin/reference/sanctions-lists/preview: what a list would change against the active one, for admins
 * only, parsed like the upload, writing nothing (no snapshot, no audit event, no re-screening).
 */
describe('sanctions list preview (HTTP)', () => {
  let t: TestApp;
  let admin: { token: string };

  const state = async () => {
    const [row] = await t.db.dataSource.query(
      `SELECT (SELECT count(*) FROM reference_snapshots WHERE kind = 'sanctions')::int AS snapshots,
              (SELECT sha256 FROM reference_snapshots WHERE kind = 'sanctions' AND active) AS active,
              (SELECT count(*) FROM audit_events)::int AS events,
              (SELECT count(*) FROM outbox WHERE queue = 'screening')::int AS queued`,
    );
    return row;
  };

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    admin = await t.createUser(['admin']);
    const loaded = await t.request('POST', UPLOAD, {
      token: admin.token,
      body: {
        name: 'base',
        sdnCsv: [ROW(1, 'ALPHA MINING LTD'), ROW(2, 'BETA METALS SA'), ROW(3, 'GAMMA SA')].join('\n'),
      },
    });
    expect(loaded.status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the entries added, removed and changed against the active list, and writes nothing', async () => {
    const before = await state();
    const sdnCsv = [
      ROW(1, 'ALPHA MINING LTD'),
      ROW(3, 'GAMMA SA', 'DEMO-2'),
      ROW(4, 'DELTA TRADING FZE'),
    ].join('\n');
    const response = await t.request('POST', PREVIEW, {
      token: admin.token,
      body: { name: 'next', sdnCsv },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      current: { name: 'base', entries: 3, sha256: before.active.trim() },
      proposed: { name: 'next', entries: 3, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      identical: false,
      counts: { added: 1, removed: 1, changed: 1, unchanged: 1 },
      added: [{ entNum: 4, name: 'DELTA TRADING FZE', type: 'entity', programs: ['DEMO-1'] }],
      removed: [{ entNum: 2, name: 'BETA METALS SA' }],
      changed: [{ entNum: 3, name: 'GAMMA SA', programs: ['DEMO-2'] }],
      truncated: false,
    });
    expect(await state()).toEqual(before);

    // The preview's hash is the one the upload records.
    const loaded = await t.request('POST', UPLOAD, { token: admin.token, body: { name: 'next', sdnCsv } });
    expect(loaded.body.sha256).toBe(response.body.proposed.sha256);
    const again = await t.request('POST', PREVIEW, { token: admin.token, body: { name: 'again', sdnCsv } });
    expect(again.body).toMatchObject({
      identical: true,
      counts: { added: 0, removed: 0, changed: 0, unchanged: 3 },
    });
  });

  it('only admins preview (officers, auditors, committee, sponsors: 403; no token: 401)', async () => {
    const body = { name: 'x', sdnCsv: `${ROW(1, 'SOME NAME LTD')}\n` };
    for (const role of ['officer', 'auditor', 'committee', 'sponsor'] as const) {
      const user = await t.createUser([role]);
      expect((await t.request('POST', PREVIEW, { token: user.token, body })).status).toBe(403);
    }
    expect((await t.request('POST', PREVIEW, { body })).status).toBe(401);
  });

  it('refuses a malformed list as the upload does (400 SANCTIONS.MALFORMED_LIST naming the line)', async () => {
    const before = await state();
    const sdnCsv = `${ROW(1, 'ALPHA LTD')}\n2,"BETA LTD","-0-"\n`;
    const response = await t.request('POST', PREVIEW, { token: admin.token, body: { name: 'bad', sdnCsv } });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('SANCTIONS.MALFORMED_LIST');
    expect(response.body.detail).toContain('sdn.csv line 2');
    const missing = await t.request('POST', PREVIEW, { token: admin.token, body: { name: 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('VALIDATION.FAILED');
    expect(await state()).toEqual(before);
  });

  it('takes a full-size list above MAX_BODY_BYTES and cuts each list of entries at 500 (counts complete)', async () => {
    const { sdnCsv, altCsv } = generateSanctionsList(18_000, 2_000);
    const body = JSON.stringify({ name: 'full size', sdnCsv, altCsv });
    expect(Buffer.byteLength(body)).toBeGreaterThan(t.runtime.config.http.maxBodyBytes);
    const response = await t.request('POST', PREVIEW, { token: admin.token, body });
    expect(response.status).toBe(200);
    expect(response.body.proposed.entries).toBe(18_000);
    expect(response.body.counts.added + response.body.counts.changed + response.body.counts.unchanged).toBe(
      18_000,
    );
    expect(response.body.added.length).toBeLessThanOrEqual(500);
    expect(response.body.truncated).toBe(true);
  }, 60_000);
});
