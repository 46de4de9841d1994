import { randomUUID } from 'node:crypto';
import { type ApprovalItem } from '../../../libs/domain/src/index.js';
import {
  findApproval,
  insertPendingApproval,
  listPendingApprovalsOf,
} from '../../../libs/persistence/src/approvals/approval.repository.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/**
 * The approvals store (pipeline.md "Maker-checker"): a pending item read back as the typed item it was written
 * as, and the partial unique index as the last line of defence when two makers race past the domain's check.
 */
describe('approval store (PostgreSQL)', () => {
  let db: TestDatabase;
  let applicationId: string;
  let makerId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const [org]: Array<{ id: string }> = await db.dataSource.query(
      `INSERT INTO organizations (id, name, country, registration_number)
       VALUES (gen_random_uuid(), 'Approvals Co', 'CL', 'APR-1') RETURNING id`,
    );
    const [user]: Array<{ id: string }> = await db.dataSource.query(
      `INSERT INTO users (id, email, password_hash, display_name, roles)
       VALUES (gen_random_uuid(), 'officer@approvals.test', 'x', 'Officer', '{officer}') RETURNING id`,
    );
    makerId = user!.id;
    applicationId = randomUUID();
    await db.dataSource.query(
      `INSERT INTO applications (id, reference, organization_id, created_by, stage, input)
       VALUES ($1, 'FORGE-2027-900001', $2, $3, 'esg_review', '{}')`,
      [applicationId, org!.id, makerId],
    );
  });
  afterAll(async () => {
    await db?.drop();
  });

  const item = (subject: string): ApprovalItem => ({
    id: randomUUID(),
    applicationId,
    action: 'check.waive',
    subject,
    payload: { note: 'registry extract on file' },
    makerId,
    createdAt: '2027-03-01T09:30:00.000Z',
    status: 'pending',
    checkerId: null,
    decidedAt: null,
    note: null,
  });

  it('reads a pending item back as the item it stored', async () => {
    const stored = item('KYC.REGISTRY');
    await db.dataSource.transaction((manager) => insertPendingApproval(manager, stored, null));
    const [found, pending] = await db.dataSource.transaction(async (manager) => [
      await findApproval(manager, stored.id),
      await listPendingApprovalsOf(manager, applicationId),
    ]);
    expect(found).toEqual(stored);
    expect(pending).toContainEqual(stored);
  });

  it('refuses a second pending item for the same subject with APPROVAL.DUPLICATE, and the transaction goes on', async () => {
    const first = item('ESG.TAILINGS');
    const second = item('ESG.TAILINGS');
    const pending = await db.dataSource.transaction(async (manager) => {
      await insertPendingApproval(manager, first, null);
      await expect(insertPendingApproval(manager, second, null)).rejects.toMatchObject({
        code: 'APPROVAL.DUPLICATE',
      });
      // The savepoint kept the caller's transaction usable: it still reads, and commits the first item.
      return listPendingApprovalsOf(manager, applicationId);
    });
    expect(pending.filter((p) => p.subject === 'ESG.TAILINGS').map((p) => p.id)).toEqual([first.id]);
  });

  it('passes on any other database error unchanged', async () => {
    const orphan = { ...item('KYC.UBO'), applicationId: randomUUID() };
    await expect(
      db.dataSource.transaction((manager) => insertPendingApproval(manager, orphan, null)),
    ).rejects.toMatchObject({ code: '23503' });
  });
});
