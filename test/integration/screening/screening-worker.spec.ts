import { QueueBackend } from '../../../libs/queue/src/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import {
  applicationRow,
  auditCount,
  checksOf,
  insertApplication,
  sample,
  submitForScreening,
  waitFor,
} from './screening-fixtures.js';

const SDN_BASE =
  '9001,"KRASNOV-ARDILES, Ignacio Tadeo","individual","DEMO-1","-0-","-0-","-0-","-0-","-0-","-0-","-0-","-0-"\n';

describe.each(['postgres', 'redis'] as const)('screening job through the worker on %s', (queueBackend) => {
  let t: TestApp;
  let admin: { token: string };

  beforeAll(async () => {
    t = await createTestApp({ queueBackend, withWorker: true });
    admin = await t.createUser(['admin']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('screens a submitted application: stage screening, checks and screening stored, one event', async () => {
    const id = await submitForScreening(t.db.dataSource, sample('S01').input);
    const app = await waitFor(async () => {
      const row = await applicationRow(t.db.dataSource, id);
      return row.stage === 'screening' ? row : null;
    });
    expect(app.proposed_category).toBe('A');
    expect(app.screening).toMatchObject({ result: 'clear', blockedOwnershipPct: 0 });
    expect(app.screening.listSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(app.screening.parties.map((p: { name: string }) => p.name)).toEqual([
      sample('S01').input.title,
      'Altiplano Resources Holdings S.A.',
      'Mariela Quispe Condori',
      'Tomas Ibarra Wolff',
    ]);
    const checks = await checksOf(t.db.dataSource, id);
    expect([...checks.keys()]).toEqual(
      expect.arrayContaining([
        'ELIG.COUNTRY',
        'ELIG.MINERAL',
        'ELIG.TICKET',
        'ELIG.EQUATOR',
        'SANCTIONS.PARTIES',
      ]),
    );
    expect(checks.get('ELIG.EQUATOR')?.detail).toMatchObject({ applies: true });
    expect(await auditCount(t.db.dataSource, id, 'screening.completed')).toBe(1);
    const [event] = await t.db.dataSource.query(
      `SELECT actor_id, before, after, context FROM audit_events WHERE application_id = $1 AND action = 'screening.completed'`,
      [id],
    );
    expect(event.actor_id).toBe('system');
    expect(event.before.stage).toBe('submitted');
    expect(event.after.stage).toBe('screening');
    expect(event.context).toMatchObject({
      listSha256: app.screening.listSha256,
      result: 'clear',
      blockedOwnershipPct: 0,
    });
    expect(Object.keys(event.context.referenceSnapshots).sort()).toEqual([
      'countries',
      'minerals',
      'sanctions',
    ]);
  });

  it('is idempotent on re-delivery: the same job added again changes nothing', async () => {
    const id = await submitForScreening(t.db.dataSource, sample('S03').input);
    await waitFor(async () => (await applicationRow(t.db.dataSource, id)).stage === 'screening');
    const before = await applicationRow(t.db.dataSource, id);
    const [outbox] = await t.db.dataSource.query(
      `SELECT payload FROM outbox WHERE queue = 'screening' AND payload->>'applicationId' = $1`,
      [id],
    );
    const queue = t.worker!.get(QueueBackend).queue('screening');
    const job = await queue.add('screen-application', outbox.payload, { jobId: `redelivery-${id}` });
    const result = await waitFor(async () =>
      (await job.getState()) === 'completed' ? (await queue.getJob(job.id!))! : null,
    );
    expect(result.returnvalue).toEqual({ status: 'skipped', reason: 'already_screened' });
    expect(await applicationRow(t.db.dataSource, id)).toEqual(before);
    expect(await auditCount(t.db.dataSource, id, 'screening.completed')).toBe(1);
  });

  it('re-screens open applications after a list upload: a new hit opens a needs_review check on esg_review', async () => {
    const id = await submitForScreening(t.db.dataSource, sample('S01').input);
    await waitFor(async () => (await applicationRow(t.db.dataSource, id)).stage === 'screening');
    await t.db.dataSource.query(
      `UPDATE applications SET stage = 'esg_review', version = version + 1 WHERE id = $1`,
      [id],
    );
    const closed = await insertApplication(t.db.dataSource, sample('S01').input, { stage: 'withdrawn' });
    // Tomas Ibarra Wolff holds 40% of S01: a match that does not block, so the fund must review it.
    const sdnCsv = `${SDN_BASE}9100,"IBARRA WOLFF, Tomas","individual","DEMO-9","-0-","-0-","-0-","-0-","-0-","-0-","-0-","-0-"\n`;

    const response = await t.request('POST', '/api/v1/admin/reference/sanctions-lists', {
      token: admin.token,
      body: { name: 'list with a new hit', sdnCsv },
    });
    expect(response.status).toBe(201);

    const check = await waitFor(async () => {
      const c = (await checksOf(t.db.dataSource, id)).get('SANCTIONS.PARTIES');
      return c?.stage === 'esg_review' ? c : null;
    });
    expect(check.outcome).toBe('needs_review');
    const app = await applicationRow(t.db.dataSource, id);
    expect(app.stage).toBe('esg_review');
    expect(app.screening.listSha256).toBe(response.body.sha256);
    expect(app.screening.result).toBe('review');
    expect(
      app.screening.parties.find((p: { name: string }) => p.name === 'Tomas Ibarra Wolff'),
    ).toMatchObject({
      result: 'match',
      matchedName: 'IBARRA WOLFF, Tomas',
      effectivePct: 40,
    });
    expect(await auditCount(t.db.dataSource, id, 'screening.completed')).toBe(2);
    const [versions] = await t.db.dataSource.query(
      `SELECT version, screening_version, screening_requested_version FROM applications WHERE id = $1`,
      [id],
    );
    expect(versions.screening_requested_version).toBe(versions.version - 1); // requested at upload time
    expect(versions.screening_version).toBe(versions.version); // the job ran: the guard is met again
    expect(await auditCount(t.db.dataSource, closed.id, 'screening.completed')).toBe(0);
  });
});
