import { appendAuditEvent } from '../../../libs/audit/src/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';

/** Issue 13, item 10 through the API: a shrinking checkpoint series is an alarm in /audit/verify and /health/ready. */
describe('decision trail alarms (e2e)', () => {
  let t: TestApp;
  let auditor: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    auditor = await t.createUser(['auditor']);
    for (let i = 0; i < 5; i += 1) {
      await t.db.dataSource.transaction((manager) =>
        appendAuditEvent(manager, {
          actor: { id: auditor.id, role: 'auditor' },
          action: 'test.appended',
          subject: { type: 'test', id: String(i) },
        }),
      );
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports a healthy trail, then every checkpoint deleted by a superuser as an alarm and a refusal', async () => {
    const signed = await t.request('POST', '/api/v1/audit/checkpoints', { token: auditor.token });
    expect(signed.status).toBe(201);
    // The app's own start-up events (reference data, scoring models) come first.
    const size = signed.body.treeSize as number;
    expect(size).toBeGreaterThanOrEqual(5);
    const healthy = await t.request('GET', '/api/v1/audit/verify', { token: auditor.token });
    expect(healthy.status).toBe(200);
    expect(healthy.body).toMatchObject({
      valid: true,
      alarms: [],
      checkpoints: { count: 1, latestTreeSize: size, rootsChecked: 1, firstMismatchTreeSize: null },
      checkpointLog: { configured: true, exists: true, count: 1, latestTreeSize: size, missingTreeSizes: [] },
    });
    const ready = await t.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details.auditTrail).toMatchObject({
      status: 'up',
      alarm: false,
      alarms: [],
      latestCheckpoint: { treeSize: size },
    });

    await t.db.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(`DELETE FROM audit_checkpoints`);
    });

    const alarmed = await t.request('GET', '/api/v1/audit/verify', { token: auditor.token });
    expect(alarmed.status).toBe(200);
    expect(alarmed.body.valid).toBe(false);
    expect(alarmed.body.alarms.map((a: { code: string }) => a.code)).toEqual([
      'CHECKPOINT_MISSING',
      'CHECKPOINT_SERIES_SHRANK',
    ]);
    expect(alarmed.body.checkpointLog.missingTreeSizes).toEqual([size]);

    const refused = await t.request('POST', '/api/v1/audit/checkpoints', { token: auditor.token });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('AUDIT.CHECKPOINT_REFUSED');

    const stillReady = await t.request('GET', '/health/ready');
    expect(stillReady.status).toBe(200);
    expect(stillReady.body.details.auditTrail.alarm).toBe(true);
    expect(stillReady.body.details.auditTrail.alarms.map((a: { code: string }) => a.code)).toEqual(
      expect.arrayContaining([
        'CHECKPOINT_MISSING',
        'CHECKPOINT_SERIES_SHRANK',
        'CHECKPOINT_REFUSED',
        'LAST_VERIFICATION_FAILED',
      ]),
    );
    const events = await t.request('GET', '/api/v1/audit/events?action=audit.checkpoint_refused', {
      token: auditor.token,
    });
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0]).toMatchObject({
      actor: { id: 'system', role: 'system' },
      context: { code: 'CHECKPOINT_MISSING' },
    });
  });
});
