import { type DataSource } from 'typeorm';
import {
  appendAuditEvent,
  AuditSequencer,
  contentBytes,
  GENESIS_PREV_HASH,
  hashOfEventBytes,
  positionedBytes,
  sequenceAuditBatch,
  sequencePendingAuditEvents,
  verifyStoredChain,
} from '../../../libs/audit/src/index.js';
import { createDataSource } from '../../../libs/persistence/src/data-source.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const actor = { id: 'officer-1', role: 'officer' };

/** Issue 18.1: events are recorded without a position and placed after COMMIT by one sequencer at a time. */
describe('audit sequencer (PostgreSQL)', () => {
  let db: TestDatabase;
  const extra: DataSource[] = [];

  async function dataSource(): Promise<DataSource> {
    const ds = createDataSource({ url: db.url, poolSize: 2 });
    await ds.initialize();
    extra.push(ds);
    return ds;
  }

  async function append(id: string): Promise<string> {
    const event = await db.dataSource.transaction((manager) =>
      appendAuditEvent(manager, { actor, action: 'test.appended', subject: { type: 'test', id } }),
    );
    return event.id;
  }

  async function positions(): Promise<Map<string, number>> {
    const rows: Array<{ id: string; seq: string }> = await db.dataSource.query(
      `SELECT id, seq FROM audit_events WHERE seq IS NOT NULL`,
    );
    return new Map(rows.map((row) => [row.id, Number(row.seq)]));
  }

  async function counts(): Promise<{ placed: number; pending: number; head: number }> {
    const [row]: Array<{ placed: number; pending: number; head: string }> = await db.dataSource.query(
      `SELECT count(seq)::int AS placed, count(*) FILTER (WHERE seq IS NULL)::int AS pending,
              (SELECT seq FROM audit_head WHERE id = 1) AS head
         FROM audit_events`,
    );
    return { placed: row!.placed, pending: row!.pending, head: Number(row!.head) };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const ds of extra) if (ds.isInitialized) await ds.destroy();
    await db.drop();
  });

  it('records an event with no position and no chain-head lock', async () => {
    const id = await append('pending');
    const [row] = await db.dataSource.query(
      `SELECT seq, prev_hash, hash, canonical, content, content_hash FROM audit_events WHERE id = $1`,
      [id],
    );
    expect(row).toMatchObject({ seq: null, prev_hash: null, hash: null, canonical: null });
    expect(row.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await counts()).head).toBe(-1);
    expect(await sequencePendingAuditEvents(db.dataSource)).toBe(1);
    expect(await counts()).toEqual({ placed: 1, pending: 0, head: 0 });
  });

  it('gives 16 concurrent writers with 3 racing sequencers a gap-free valid chain in commit order', async () => {
    const sequencers = await Promise.all(
      [0, 1, 2].map(async () => {
        const placed: string[] = [];
        const sequencer = new AuditSequencer(await dataSource(), {
          intervalMs: 5,
          batchSize: 16,
          onBatch: (batch) => placed.push(...batch.ids),
        });
        sequencer.start();
        return { sequencer, placed };
      }),
    );
    const start = (await counts()).placed;
    const commits: Array<{ id: string; began: bigint; committed: bigint }> = [];
    await Promise.all(
      Array.from({ length: 16 }, async (_, writer) => {
        for (let i = 0; i < 20; i += 1) {
          const began = process.hrtime.bigint();
          const id = await append(`${writer}-${i}`);
          commits.push({ id, began, committed: process.hrtime.bigint() });
        }
      }),
    );
    await sequencePendingAuditEvents(db.dataSource);
    await Promise.all(sequencers.map(({ sequencer }) => sequencer.stop()));

    const seqOf = await positions();
    expect([...seqOf.values()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: start + 320 }, (_, i) => i),
    );
    // Commit order as anyone can observe it: an event whose command committed before another's began comes first.
    const outOfOrder = commits.flatMap((a) =>
      commits.filter((b) => a.committed < b.began && seqOf.get(a.id)! >= seqOf.get(b.id)!).map((b) => [a, b]),
    );
    expect(outOfOrder).toEqual([]);
    expect(commits.filter((a) => commits.some((b) => a.committed < b.began)).length).toBeGreaterThan(0);
    const verdict = await verifyStoredChain(db.dataSource);
    expect(verdict).toMatchObject({ valid: true, length: start + 320 });
    // Each event was placed once, by one of the sequencers or the final catch-up.
    const byLoops = sequencers.flatMap(({ placed }) => placed);
    expect(new Set(byLoops).size).toBe(byLoops.length);
  });

  it('commits nothing of a batch whose sequencer is killed before COMMIT; the next one places it', async () => {
    for (let i = 0; i < 12; i += 1) await append(`killed-${i}`);
    const before = await counts();
    expect(before.pending).toBe(12);
    const doomed = await dataSource();
    let placedBeforeKill = 0;
    await expect(
      sequenceAuditBatch(doomed, {
        batchSize: 100,
        beforeCommit: async (manager) => {
          const [{ placed }] = await manager.query(
            `SELECT count(*)::int AS placed FROM audit_events WHERE seq > $1`,
            [before.head],
          );
          placedBeforeKill = placed;
          await manager.query(`SELECT pg_terminate_backend(pg_backend_pid())`);
        },
      }),
    ).rejects.toThrow();
    expect(placedBeforeKill).toBe(12);
    expect(await counts()).toEqual(before);
    // The lock died with the session: another sequencer takes over at once.
    const next = await sequenceAuditBatch(db.dataSource, { batchSize: 100 });
    expect(next).toMatchObject({ acquired: true, headSeq: before.head + 12 });
    expect((await verifyStoredChain(db.dataSource)).valid).toBe(true);
  });

  it('lets only one sequencer hold the lock', async () => {
    await append('locked');
    const holder = await dataSource();
    const runner = holder.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`SELECT pg_advisory_xact_lock(7204701)`);
    try {
      expect(await sequenceAuditBatch(db.dataSource)).toMatchObject({ acquired: false, ids: [] });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect((await sequenceAuditBatch(db.dataSource)).ids).toHaveLength(1);
  });

  describe('the trigger allows exactly the one-time sequencing of a pending event', () => {
    let pendingId: string;
    let entry: string;
    let content: Buffer;
    let head: { seq: number; hash: string };

    beforeAll(async () => {
      await sequencePendingAuditEvents(db.dataSource);
      pendingId = await append('trigger');
      const [row] = await db.dataSource.query(`SELECT entry, content FROM audit_events WHERE id = $1`, [
        pendingId,
      ]);
      entry = row.entry;
      content = row.content;
      const [h] = await db.dataSource.query(`SELECT seq, hash FROM audit_head WHERE id = 1`);
      head = { seq: Number(h.seq), hash: h.hash };
    });

    function placement(prevHash = head.hash, seq = head.seq + 1) {
      const canonical = positionedBytes(content, seq, prevHash);
      return { seq, prevHash, canonical, hash: hashOfEventBytes(prevHash, canonical) };
    }

    it.each([
      ['a second sequencing of a placed event', `UPDATE audit_events SET seq = seq WHERE seq = 0`],
      ['an edit of a placed event', `UPDATE audit_events SET reason = 'edited' WHERE seq = 0`],
      ['a deletion of a placed event', `DELETE FROM audit_events WHERE seq = 0`],
      ['TRUNCATE', `TRUNCATE audit_events`],
    ])('refuses %s', async (_what, sql) => {
      await expect(db.dataSource.query(sql)).rejects.toThrow(/append-only/);
    });

    it('refuses an edit or a deletion of a pending event, and a placement that changes anything else', async () => {
      await expect(
        db.dataSource.query(`UPDATE audit_events SET reason = 'edited' WHERE entry = $1`, [entry]),
      ).rejects.toThrow(/append-only/);
      await expect(db.dataSource.query(`DELETE FROM audit_events WHERE entry = $1`, [entry])).rejects.toThrow(
        /append-only/,
      );
      const p = placement();
      await expect(
        db.dataSource.query(
          `UPDATE audit_events SET seq = $2, prev_hash = $3, hash = $4, canonical = $5, action = 'forged'
            WHERE entry = $1`,
          [entry, p.seq, p.prevHash, p.hash, p.canonical],
        ),
      ).rejects.toThrow(/append-only/);
    });

    it('refuses a placement whose hash does not cover its bytes, or that sets only some of the position', async () => {
      const p = placement();
      await expect(
        db.dataSource.query(
          `UPDATE audit_events SET seq = $2, prev_hash = $3, hash = $4, canonical = $5 WHERE entry = $1`,
          [entry, p.seq, p.prevHash, GENESIS_PREV_HASH, p.canonical],
        ),
      ).rejects.toThrow(/append-only/);
      await expect(
        db.dataSource.query(`UPDATE audit_events SET seq = $2 WHERE entry = $1`, [entry, p.seq]),
      ).rejects.toThrow(/append-only/);
    });

    it('refuses an insert with a position or with a content hash that is not the content’s', async () => {
      const bytes = contentBytes({
        id: '00000000-0000-4000-8000-000000000001',
        occurredAt: '2025-01-31T09:15:00.000Z',
        actor,
        action: 'test.forged',
        subject: { type: 'test', id: 'x' },
        applicationId: null,
        reason: null,
        before: null,
        after: null,
        context: null,
      });
      const insert = `INSERT INTO audit_events (id, occurred_at, actor_id, actor_role, action, subject_type, subject_id,
          content, content_hash, seq, prev_hash, hash, canonical)
        VALUES ('00000000-0000-4000-8000-000000000001', '2025-01-31T09:15:00.000Z', 'officer-1', 'officer',
          'test.forged', 'test', 'x', $1, $2, $3, $4, $5, $6)`;
      const p = placement();
      await expect(
        db.dataSource.query(insert, [bytes, '0'.repeat(64), null, null, null, null]),
      ).rejects.toThrow(/without a position/);
      await expect(
        db.dataSource.query(insert, [
          bytes,
          hashOfEventBytes('', bytes),
          p.seq,
          p.prevHash,
          p.hash,
          p.canonical,
        ]),
      ).rejects.toThrow(/without a position/);
    });

    it('accepts the one sequencing update (what the sequencer sends), exactly once', async () => {
      const p = placement();
      const place = () =>
        db.dataSource.query(
          `UPDATE audit_events SET seq = $2, prev_hash = $3, hash = $4, canonical = $5 WHERE entry = $1`,
          [entry, p.seq, p.prevHash, p.hash, p.canonical],
        );
      await place();
      await expect(place()).rejects.toThrow(/append-only/);
    });
  });
});
