import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendAuditEvent,
  AUDIT_EVENT_COLUMNS,
  auditRecordFromRow,
  AuditCheckpointService,
  sealAuditEventBytes,
  GENESIS_PREV_HASH,
  loadAuditSigningKey,
  verifyStoredChain,
} from '../../../libs/audit/src/index.js';
import { auditCaughtUp } from '../../support/audit.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const EVENTS = 10;

/** A fresh database per case holding a valid chain of EVENTS events; the trigger is disabled as a superuser would. */
async function tamperedDatabase(tamper: (db: TestDatabase) => Promise<void>): Promise<TestDatabase> {
  const db = await createTestDatabase();
  for (let i = 0; i < EVENTS; i += 1) {
    await db.dataSource.transaction((manager) =>
      appendAuditEvent(manager, {
        actor: { id: 'officer-1', role: 'officer' },
        action: 'application.stage_changed',
        subject: { type: 'application', id: `app-${i}` },
        reason: `reason ${i}`,
      }),
    );
  }
  await auditCaughtUp(db.dataSource);
  expect((await verifyStoredChain(db.dataSource)).valid).toBe(true);
  await db.dataSource.query(`ALTER TABLE audit_events DISABLE TRIGGER USER`);
  await tamper(db);
  await db.dataSource.query(`ALTER TABLE audit_events ENABLE TRIGGER USER`);
  return db;
}

describe('tamper detection on the stored chain (superuser, triggers disabled)', () => {
  const cases: Array<[string, (db: TestDatabase) => Promise<void>, number]> = [
    [
      'an edited reason',
      async (db) => {
        await db.dataSource.query(`UPDATE audit_events SET reason = 'rewritten' WHERE seq = 4`);
      },
      4,
    ],
    [
      'an edited JSON value',
      async (db) => {
        await db.dataSource.query(`UPDATE audit_events SET after = '{"stage":"approved"}' WHERE seq = 7`);
      },
      7,
    ],
    [
      'an actor’s recorded name changed (or added)',
      async (db) => {
        await db.dataSource.query(`UPDATE audit_events SET actor_name = 'Someone Else' WHERE seq = 3`);
      },
      3,
    ],
    [
      'a deleted row',
      async (db) => {
        await db.dataSource.query(`DELETE FROM audit_events WHERE seq = 5`);
      },
      5,
    ],
    [
      'a deleted last row',
      async (db) => {
        await db.dataSource.query(`DELETE FROM audit_events WHERE seq = $1`, [EVENTS - 1]);
      },
      EVENTS - 1,
    ],
    [
      'two rows with their seq swapped',
      async (db) => {
        await db.dataSource.query(`UPDATE audit_events SET seq = 1000000 WHERE seq = 3`);
        await db.dataSource.query(`UPDATE audit_events SET seq = 3 WHERE seq = 6`);
        await db.dataSource.query(`UPDATE audit_events SET seq = 6 WHERE seq = 1000000`);
      },
      3,
    ],
    [
      'a row edited and its own hash recomputed',
      async (db) => {
        await db.dataSource.query(`UPDATE audit_events SET reason = 'forged', hash = $1 WHERE seq = 2`, [
          'f'.repeat(64),
        ]);
      },
      2,
    ],
  ];

  it.each(cases)('names the first invalid seq for %s', async (_name, tamper, expected) => {
    const db = await tamperedDatabase(tamper);
    try {
      const result = await verifyStoredChain(db.dataSource, 3);
      expect(result.valid).toBe(false);
      expect(result.firstInvalidSeq).toBe(expected);
      expect(result.reason).toEqual(expect.any(String));
    } finally {
      await db.drop();
    }
  });

  it('catches a whole chain rewritten and re-hashed consistently by comparing with the signed checkpoint', async () => {
    const db = await tamperedDatabase(async () => {});
    try {
      const key = loadAuditSigningKey({ dataDir: mkdtempSync(join(tmpdir(), 'forge-key-')) });
      await new AuditCheckpointService(db.dataSource, key).checkpoint();
      await db.dataSource.query(`ALTER TABLE audit_events DISABLE TRIGGER USER`);
      // Rewrite seq 2 and re-chain everything after it, as someone with database rights (but not the key) could.
      const rows = await db.dataSource.query(`SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events ORDER BY seq`);
      let prevHash = GENESIS_PREV_HASH;
      for (const row of rows) {
        const event = {
          ...auditRecordFromRow(row),
          reason: Number(row.seq) === 2 ? 'forged' : row.reason,
          prevHash,
        };
        const {
          record: { hash },
          canonical,
        } = sealAuditEventBytes(event);
        await db.dataSource.query(
          `UPDATE audit_events SET reason = $1, prev_hash = $2, hash = $3, canonical = $5 WHERE seq = $4`,
          [event.reason, prevHash, hash, event.seq, canonical],
        );
        prevHash = hash;
      }
      await db.dataSource.query(`UPDATE audit_head SET hash = $1`, [prevHash]);
      await db.dataSource.query(`ALTER TABLE audit_events ENABLE TRIGGER USER`);
      const result = await verifyStoredChain(db.dataSource);
      expect(result.valid).toBe(false);
      expect(result.checkpointRootMatched).toBe(false);
    } finally {
      await db.drop();
    }
  });
});
