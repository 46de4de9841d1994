import {
  appendAuditEvent,
  AUDIT_EVENT_COLUMNS_WITH_BYTES,
  type AuditEventRowWithBytes,
  auditRecordFromRow,
  canonicalEvent,
  hashOfEventBytes,
  verifyStoredChain,
} from '../../../libs/audit/src/index.js';
import { AuditCanonicalBytes1795984233328 } from '../../../migrations/1795984233328-audit-canonical-bytes.js';
import { AuditSequencer1795990954821 } from '../../../migrations/1795990954821-audit-sequencer.js';
import { auditCaughtUp } from '../../support/audit.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/** Issue 18.2: every event keeps the bytes its hash covers; the verifier hashes them, and checks the columns apart. */
describe('audit events keep their canonical bytes (PostgreSQL)', () => {
  let db: TestDatabase;

  async function rows(): Promise<AuditEventRowWithBytes[]> {
    return db.dataSource.query(`SELECT ${AUDIT_EVENT_COLUMNS_WITH_BYTES} FROM audit_events ORDER BY seq`);
  }

  async function append(n: number): Promise<void> {
    for (let i = 0; i < n; i += 1) {
      await db.dataSource.transaction((manager) =>
        appendAuditEvent(manager, {
          actor: { id: 'system', role: 'system' },
          action: 'test.appended',
          subject: { type: 'test', id: String(i) },
          reason: i % 2 === 0 ? `Révision ${i} — “quoted”` : null,
          after: { i, amountUsd: 1.5e9, tags: ['a', 'ü'] },
          context: { nested: { z: 1, a: [null, true] } },
        }),
      );
    }
    await auditCaughtUp(db.dataSource);
  }

  async function asSuperuser(sql: string, params: unknown[] = []): Promise<void> {
    await db.dataSource.transaction(async (manager) => {
      await manager.query(`ALTER TABLE audit_events DISABLE TRIGGER USER`);
      await manager.query(sql, params);
      await manager.query(`ALTER TABLE audit_events ENABLE TRIGGER USER`);
    });
  }

  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await db.drop();
  });

  it('stores the RFC 8785 bytes the hash covers, equal to the columns’ serialisation', async () => {
    await append(5);
    for (const row of await rows()) {
      const record = auditRecordFromRow(row);
      expect(row.canonical.toString('utf8')).toBe(canonicalEvent(record));
      expect(hashOfEventBytes(row.prev_hash, row.canonical)).toBe(row.hash);
    }
    expect((await verifyStoredChain(db.dataSource)).valid).toBe(true);
  });

  it('names an edited column whose bytes were left alone, and edited bytes whose columns were left alone', async () => {
    await append(6);
    await asSuperuser(`UPDATE audit_events SET reason = 'softened' WHERE seq = 2`);
    const columns = await verifyStoredChain(db.dataSource);
    expect(columns).toMatchObject({ valid: false, firstInvalidSeq: 2 });
    expect(columns.reason).toMatch(/JSON columns differ from the hashed bytes/);

    await db.drop();
    db = await createTestDatabase();
    await append(6);
    const [row] = (await rows()).filter((r) => Number(r.seq) === 4);
    const forged = Buffer.from(
      (row as AuditEventRowWithBytes).canonical.toString('utf8').replace('"i":4', '"i":5'),
    );
    await asSuperuser(`UPDATE audit_events SET canonical = $1 WHERE seq = 4`, [forged]);
    const bytes = await verifyStoredChain(db.dataSource);
    expect(bytes).toMatchObject({ valid: false, firstInvalidSeq: 4 });
    expect(bytes.reason).toMatch(/stored bytes do not hash/);
  });

  it('the migration backfills the bytes of existing events, and launders no edit made before it', async () => {
    await append(7);
    const before = await rows();
    const migration = new AuditCanonicalBytes1795984233328();
    const sequencing = new AuditSequencer1795990954821();
    const runner = db.dataSource.createQueryRunner();
    try {
      // Back to the schema the backfill ran on (before the sequencer's columns), and forward again.
      await sequencing.down(runner);
      await migration.down(runner);
      // An edit made before the migration (columns only, as a superuser could): the backfill must not absorb it.
      await asSuperuser(`UPDATE audit_events SET after = '{"i":99}' WHERE seq = 5`);
      await migration.up(runner);
      await sequencing.up(runner);
    } finally {
      await runner.release();
    }
    const after = await rows();
    expect(after.map((r) => Number(r.seq))).toEqual(before.map((r) => Number(r.seq)));
    for (const [i, row] of after.entries()) {
      if (i === 5) expect(row.canonical.equals((before[5] as AuditEventRowWithBytes).canonical)).toBe(false);
      else expect(row.canonical.equals((before[i] as AuditEventRowWithBytes).canonical)).toBe(true);
    }
    const verdict = await verifyStoredChain(db.dataSource);
    expect(verdict).toMatchObject({ valid: false, firstInvalidSeq: 5 });
    expect(verdict.reason).toMatch(/stored bytes do not hash/);
    // The trigger is back: the application still cannot change an event.
    await expect(db.dataSource.query(`UPDATE audit_events SET reason = 'x' WHERE seq = 0`)).rejects.toThrow(
      /append-only/,
    );
    // Every sequenced event has its bytes (only a pending one has none yet).
    const [{ missing }] = await db.dataSource.query(
      `SELECT count(*)::int AS missing FROM audit_events WHERE seq IS NOT NULL AND canonical IS NULL`,
    );
    expect(missing).toBe(0);
  });
});
