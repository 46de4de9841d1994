import { appendAuditEvent, verifyCheckpoint } from '../../../libs/audit/src/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('checkpoint worker (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Only the event count can trigger within the test: the time trigger is an hour away.
    t = await createTestApp({
      withWorker: true,
      env: { AUDIT_CHECKPOINT_INTERVAL: '5', AUDIT_CHECKPOINT_SECONDS: '3600' },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  async function logSize(): Promise<number> {
    const [{ seq }] = await t.db.dataSource.query(`SELECT seq FROM audit_head WHERE id = 1`);
    return Number(seq) + 1;
  }

  async function waitForCheckpoint(size: number): Promise<{ treeSize: number } | null> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const [row] = await t.db.dataSource.query(
        `SELECT tree_size FROM audit_checkpoints WHERE tree_size >= $1 ORDER BY tree_size DESC LIMIT 1`,
        [size],
      );
      if (row) return { treeSize: Number(row.tree_size) };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return null;
  }

  it('signs a checkpoint once AUDIT_CHECKPOINT_INTERVAL events are uncovered, with the key the API publishes', async () => {
    const before = await logSize();
    for (let i = 0; i < 5; i += 1) {
      await t.db.dataSource.transaction((manager) =>
        appendAuditEvent(manager, {
          actor: { id: 'officer-1', role: 'officer' },
          action: 'application.stage_changed',
          subject: { type: 'application', id: `app-${i}` },
        }),
      );
    }
    const target = before + 5;
    expect(await waitForCheckpoint(target)).not.toBeNull();

    const auditor = await t.createUser(['auditor']);
    const latest = await t.request('GET', '/api/v1/audit/checkpoints/latest', { token: auditor.token });
    expect(latest.status).toBe(200);
    expect(latest.body.treeSize).toBeGreaterThanOrEqual(target);
    const key = await t.request('GET', '/api/v1/audit/public-key', { token: auditor.token });
    expect(verifyCheckpoint(latest.body, key.body.publicKeyPem)).toBe(true);
    const verify = await t.request('GET', '/api/v1/audit/verify', { token: auditor.token });
    expect(verify.body).toMatchObject({ valid: true, checkpointRootMatched: true });
  });
});
