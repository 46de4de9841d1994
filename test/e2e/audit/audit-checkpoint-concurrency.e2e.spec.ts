import { randomUUID } from 'node:crypto';
import { appendAuditEvent, verifyProofBundle } from '../../../libs/audit/src/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';

/**
 * Concurrent checkpoints on a small pool. A checkpoint run holds its advisory lock on one pooled connection and
 * records its outcome on others; when every caller waited for that lock on a pooled connection of its own, twenty
 * proof bundles at once on a pool of ten took the whole pool and the holder never got its second connection (the
 * access matrix hung in CI). Callers of one process now queue in the process, holding no connection.
 */
describe('audit checkpoints under concurrent requests (e2e)', () => {
  let t: TestApp;
  let auditor: TestUser;
  let officer: TestUser;
  let applicationId: string;

  beforeAll(async () => {
    // The smallest pool the configuration accepts: a run needs its lock's connection and one more.
    t = await createTestApp({ env: { DATABASE_POOL_SIZE: '2' } });
    [auditor, officer] = await Promise.all([t.createUser(['auditor']), t.createUser(['officer'])]);
    const sponsor = await t.createUser(['sponsor']);
    applicationId = randomUUID();
    await t.db.dataSource.query(
      `INSERT INTO applications (id, reference, organization_id, created_by, stage, input)
       VALUES ($1, $2, $3, $4, 'draft', '{}'::jsonb)`,
      [applicationId, `FORGE-2025-${applicationId.slice(0, 6)}`, sponsor.organizationId, sponsor.id],
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  async function append(reason: string): Promise<void> {
    await t.db.dataSource.transaction((manager) =>
      appendAuditEvent(manager, {
        actor: { id: officer.id, role: 'officer' },
        action: 'application.stage_changed',
        subject: { type: 'application', id: applicationId },
        applicationId,
        reason,
        before: { stage: 'submitted' },
        after: { stage: 'screening' },
        context: { requestId: randomUUID() },
      }),
    );
  }

  it('serves twenty-four proof bundles at once on a pool of two, each signed over every event', async () => {
    const key = (await t.request('GET', '/api/v1/audit/public-key', { token: auditor.token })).body
      .publicKeyPem as string;
    for (let round = 0; round < 3; round += 1) {
      await append(`round ${round}`);
      const responses = await Promise.all(
        Array.from({ length: 24 }, () =>
          t.request('GET', `/api/v1/applications/${applicationId}/proof-bundle`, { token: auditor.token }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(24).fill(200));
      for (const { body } of responses) {
        expect(body.events).toHaveLength(round + 1);
        expect(verifyProofBundle(body, { publicKeyPem: key }).failures).toEqual([]);
      }
    }
  });
});
