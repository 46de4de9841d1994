import { STORED_EVENT_ROWS_BATCH_SQL, streamStoredEventRows } from '../../../libs/audit/src/index.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

interface PlanNode {
  'Node Type': string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * The verifier and the checkpoint builder read the trail in keyset batches. Each batch must cost one batch of
 * rows wherever it starts, also before PostgreSQL has statistics for the table (a restore, a bulk load): a
 * two-sided range was planned as a bitmap scan of everything up to the head, sorted, for every batch.
 */
describe('the stored-rows stream reads one batch per statement (PostgreSQL)', () => {
  let db: TestDatabase;
  const rows = 20_000;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Sequenced rows as the sequencer leaves them (the chain itself is not under test: any bytes will do), loaded
    // with the guard off in this transaction, and never analysed.
    await db.dataSource.transaction(async (manager) => {
      await manager.query(`ALTER TABLE audit_events DISABLE TRIGGER USER`);
      await manager.query(
        `INSERT INTO audit_events (seq, id, occurred_at, actor_id, actor_role, action, subject_type, subject_id,
           prev_hash, hash, canonical)
         SELECT g, gen_random_uuid(), now(), 'system', 'system', 'test.loaded', 'test', g::text,
           md5(g::text) || md5(g::text), md5((g + 1)::text) || md5(g::text), convert_to(repeat('x', 600), 'UTF8')
         FROM generate_series(0, $1 - 1) AS g`,
        [rows],
      );
      await manager.query(`ALTER TABLE audit_events ENABLE TRIGGER USER`);
    });
  });
  afterAll(async () => {
    await db.drop();
  });

  it('plans a batch deep into an unanalysed table as an index range of the batch, not the rest of the table', async () => {
    const batch = 100;
    const [
      {
        'QUERY PLAN': [explained],
      },
    ] = (await db.dataSource.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${STORED_EVENT_ROWS_BATCH_SQL}`, [
      1000,
      batch,
    ])) as Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>;
    const plan = nodes((explained as { Plan: PlanNode }).Plan);
    const widest = Math.max(...plan.map((node) => node['Actual Rows'] * node['Actual Loops']));
    expect(widest).toBeLessThanOrEqual(batch);
    expect(plan.map((node) => node['Node Type'])).not.toContain('Sort');
  });

  it('yields exactly the rows after afterSeq up to toSeq, in seq order, across batches', async () => {
    const seqs: number[] = [];
    for await (const row of streamStoredEventRows(db.dataSource, { afterSeq: 4_321, toSeq: 9_876 }, 500)) {
      seqs.push(Number(row.seq));
    }
    expect(seqs).toHaveLength(9_876 - 4_321);
    expect(seqs[0]).toBe(4_322);
    expect(seqs.at(-1)).toBe(9_876);
    expect(seqs.every((seq, i) => i === 0 || seq === (seqs[i - 1] as number) + 1)).toBe(true);
  });
});
