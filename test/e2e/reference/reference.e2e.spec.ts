import { createTestApp, type TestApp } from '../../support/test-app.js';
import {
  generateSanctionsList,
  insertApplication,
  sample,
} from '../../integration/screening/screening-fixtures.js';

const UPLOAD = '/api/v1/admin/reference/sanctions-lists';
const ROW = (ent: number, name: string) =>
  `${ent},"${name}","-0-","DEMO-1","-0-","-0-","-0-","-0-","-0-","-0-","-0-","-0-"`;

describe('reference data and sanctions-list upload (HTTP)', () => {
  let t: TestApp;
  let admin: { token: string };
  let officer: { token: string };
  let auditor: { token: string };

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    admin = await t.createUser(['admin']);
    officer = await t.createUser(['officer']);
    auditor = await t.createUser(['auditor']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /reference/countries and /reference/minerals answer the active data with its hash (any role)', async () => {
    const sponsor = await t.createUser(['sponsor']);
    const countries = await t.request('GET', '/api/v1/reference/countries', { token: sponsor.token });
    expect(countries.status).toBe(200);
    expect(countries.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(countries.body.loadedAt)).not.toBeNaN();
    expect(countries.body.countries.find((c: { code: string }) => c.code === 'AR')).toMatchObject({
      name: 'Argentina',
      fundEligible: true,
    });
    const minerals = await t.request('GET', '/api/v1/reference/minerals', { token: auditor.token });
    expect(minerals.status).toBe(200);
    expect(minerals.body.minerals).toContain('lithium');
    expect(minerals.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.request('GET', '/api/v1/reference/minerals')).status).toBe(401);
  });

  it('only an admin uploads a list', async () => {
    const body = { name: 'x', sdnCsv: `${ROW(1, 'SOME NAME LTD')}\n` };
    expect((await t.request('POST', UPLOAD, { token: officer.token, body })).status).toBe(403);
    expect((await t.request('POST', UPLOAD, { token: auditor.token, body })).status).toBe(403);
  });

  it('a malformed list answers 400 SANCTIONS.MALFORMED_LIST naming the file and line, and changes nothing', async () => {
    const [before] = await t.db.dataSource.query(
      `SELECT sha256 FROM reference_snapshots WHERE kind = 'sanctions' AND active`,
    );
    const sdnCsv = `${ROW(1, 'ALPHA LTD')}\n${ROW(2, 'BETA LTD')}\n3,"GAMMA LTD","-0-"\n`;
    const response = await t.request('POST', UPLOAD, { token: admin.token, body: { name: 'bad', sdnCsv } });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('SANCTIONS.MALFORMED_LIST');
    expect(response.body.detail).toContain('sdn.csv line 3');
    const [after] = await t.db.dataSource.query(
      `SELECT sha256 FROM reference_snapshots WHERE kind = 'sanctions' AND active`,
    );
    expect(after.sha256).toBe(before.sha256);
  });

  it('rejects unknown fields and a missing sdnCsv (400)', async () => {
    const extra = await t.request('POST', UPLOAD, {
      token: admin.token,
      body: { name: 'x', sdnCsv: `${ROW(1, 'A LTD')}\n`, active: false },
    });
    expect(extra.status).toBe(400);
    const missing = await t.request('POST', UPLOAD, { token: admin.token, body: { name: 'x' } });
    expect(missing.status).toBe(400);
  });

  it('an accepted list becomes active, is audited and queues re-screening of every open submitted application', async () => {
    const open = await insertApplication(t.db.dataSource, sample('S02').input, {
      stage: 'financing',
      version: 7,
    });
    const draft = await insertApplication(t.db.dataSource, sample('S02').input, {
      stage: 'draft',
      version: 1,
    });
    const closed = await insertApplication(t.db.dataSource, sample('S02').input, {
      stage: 'rejected',
      version: 4,
    });
    const sdnCsv = `${ROW(1, 'ALPHA MINING LTD')}\r\n${ROW(2, 'BETA METALS SA')}\r\n`;
    const altCsv = `1,10,"aka","ALPHA MINERIA","-0-"\r\n`;
    const response = await t.request('POST', UPLOAD, {
      token: admin.token,
      body: { name: 'two', sdnCsv, altCsv },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      entries: 2,
      loadedAt: expect.any(String),
    });
    const active = await t.db.dataSource.query(
      `SELECT id, entries, loaded_by FROM reference_snapshots WHERE kind = 'sanctions' AND active`,
    );
    expect(active).toHaveLength(1);
    expect(active[0].id).toBe(response.body.id);
    const queued: Array<{ app: string; reason: string }> = await t.db.dataSource.query(
      `SELECT payload->>'applicationId' AS app, payload->>'reason' AS reason FROM outbox
        WHERE queue = 'screening' AND payload->>'sanctionsListSha256' = $1`,
      [response.body.sha256],
    );
    expect(queued.map((q) => q.app)).toContain(open.id);
    expect(queued.map((q) => q.app)).not.toContain(draft.id);
    expect(queued.map((q) => q.app)).not.toContain(closed.id);
    expect(queued.every((q) => q.reason === 'list_loaded')).toBe(true);
    const requested = await t.db.dataSource.query(
      `SELECT id, screening_requested_version AS r FROM applications WHERE id = ANY($1::uuid[])`,
      [[open.id, draft.id, closed.id]],
    );
    expect(Object.fromEntries(requested.map((x: { id: string; r: number | null }) => [x.id, x.r]))).toEqual({
      [open.id]: 7,
      [draft.id]: null,
      [closed.id]: null,
    });
    const [event] = await t.db.dataSource.query(
      `SELECT actor_role, subject_id, after, context FROM audit_events WHERE action = 'reference.loaded' ORDER BY entry DESC LIMIT 1`,
    );
    expect(event).toMatchObject({ actor_role: 'admin', subject_id: response.body.id });
    expect(event.after).toMatchObject({ kind: 'sanctions', sha256: response.body.sha256, entries: 2 });
    expect(event.context.rescreeningQueued).toBe(queued.length);
  });

  it('accepts a full-size list (18,000 entries, 20,000 aliases) above MAX_BODY_BYTES', async () => {
    const { sdnCsv, altCsv } = generateSanctionsList(18_000, 20_000);
    const body = JSON.stringify({ name: 'full size', sdnCsv, altCsv });
    expect(Buffer.byteLength(body)).toBeGreaterThan(t.runtime.config.http.maxBodyBytes);
    const response = await t.request('POST', UPLOAD, { token: admin.token, body });
    expect(response.status).toBe(201);
    expect(response.body.entries).toBe(18_000);
    const [row] = await t.db.dataSource.query(
      `SELECT jsonb_array_length(content) AS n, (SELECT sum(jsonb_array_length(e->'aliases')) FROM jsonb_array_elements(content) e) AS aliases
         FROM reference_snapshots WHERE id = $1`,
      [response.body.id],
    );
    expect([Number(row.n), Number(row.aliases)]).toEqual([18_000, 20_000]);
  }, 60_000);

  it('other routes keep MAX_BODY_BYTES (413)', async () => {
    const big = 'x'.repeat(t.runtime.config.http.maxBodyBytes + 10);
    const response = await t.request('GET', '/api/v1/reference/countries', { token: admin.token });
    expect(response.status).toBe(200);
    const tooLarge = await t.request('POST', '/api/v1/admin/organizations', {
      token: admin.token,
      body: { name: big, country: 'AR', registrationNumber: '1' },
    });
    expect(tooLarge.status).toBe(413);
  });
});
