import { IdempotencyKeysSweeper } from '../../../apps/worker/src/maintenance/idempotency-keys-sweeper.js';
import { IdempotencyKeys } from '../../../libs/application/src/index.js';
import { UnitOfWork } from '../../../libs/persistence/src/index.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('expired idempotency keys are swept', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('deletes every expired key, in batches, and keeps the live ones', async () => {
    const user = '00000000-0000-4000-8000-000000000001';
    await db.dataSource.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, state, expires_at)
       SELECT $1, 'expired-' || g, 'POST', '/x', repeat('0', 64), 'completed', now() - interval '1 minute'
         FROM generate_series(1, 2500) AS g`,
      [user],
    );
    await db.dataSource.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, state, expires_at)
       VALUES ($1, 'live', 'POST', '/x', repeat('0', 64), 'completed', now() + interval '1 hour')`,
      [user],
    );
    const sweeper = new IdempotencyKeysSweeper(new IdempotencyKeys(new UnitOfWork(db.dataSource)));
    expect(await sweeper.sweep()).toBe(2500);
    const rows: Array<{ key: string }> = await db.dataSource.query(`SELECT key FROM idempotency_keys`);
    expect(rows).toEqual([{ key: 'live' }]);
    expect(await sweeper.sweep()).toBe(0);
  });
});
