import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendAuditEvent,
  AUDIT_EVENT_COLUMNS,
  auditRecordFromRow,
  AuditCheckpointRefusedError,
  AuditCheckpointService,
  type AuditSigningKey,
  sealAuditEventBytes,
  GENESIS_PREV_HASH,
  initCheckpointLog,
  loadAuditSigningKey,
  readAuditStatus,
  readCheckpointLog,
  signCheckpoint,
  verifyCheckpoint,
  verifyConsistencyProof,
  type WitnessSubmission,
} from '../../../libs/audit/src/index.js';
import { auditCaughtUp } from '../../support/audit.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/**
 * The attacks of issue 13, item 10, replayed as a superuser would (triggers disabled), on real PostgreSQL:
 * each must now be caught by `verify()` (GET /audit/verify), shown by `health()` (/health/ready) and refuse
 * the next checkpoint loudly (error log, status row, an `audit.checkpoint_refused` event).
 */
interface Fixture {
  db: TestDatabase;
  key: AuditSigningKey;
  logPath: string;
  errors: string[];
  service: AuditCheckpointService;
  append(count: number): Promise<void>;
  asSuperuser(sql: string, params?: unknown[]): Promise<void>;
  close(): Promise<void>;
}

async function fixture(options: { witnessUrl?: string } = {}): Promise<Fixture> {
  const db = await createTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'forge-audit-'));
  const key = loadAuditSigningKey({ dataDir: dir });
  const logPath = join(dir, 'audit-checkpoints.jsonl');
  const errors: string[] = [];
  let n = 0;
  const service = new AuditCheckpointService(db.dataSource, key, {
    checkpointLogPath: logPath,
    batchSize: 4,
    witness: options.witnessUrl === undefined ? undefined : { url: options.witnessUrl, timeoutMs: 2000 },
    logger: { log: () => {}, warn: () => {}, error: (message) => errors.push(message) },
  });
  return {
    db,
    key,
    logPath,
    errors,
    service,
    async append(count) {
      for (let i = 0; i < count; i += 1, n += 1) {
        await db.dataSource.transaction((manager) =>
          appendAuditEvent(manager, {
            actor: { id: 'officer-1', role: 'officer' },
            action: 'application.stage_changed',
            subject: { type: 'application', id: `app-${n}` },
            reason: `reason ${n}`,
            after: { stage: 'screening', n },
          }),
        );
      }
      await auditCaughtUp(db.dataSource);
    },
    async asSuperuser(sql, params = []) {
      // What a superuser does to get past the append-only triggers: no trigger fires in this transaction.
      await db.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL session_replication_role = replica`);
        await manager.query(sql, params);
      });
    },
    close: () => db.drop(),
  };
}

async function refusal(f: Fixture): Promise<AuditCheckpointRefusedError> {
  const error = await f.service.checkpoint().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuditCheckpointRefusedError);
  return error as AuditCheckpointRefusedError;
}

async function refusalEvents(f: Fixture): Promise<Array<{ reason: string; context: { code: string } }>> {
  return f.db.dataSource.query(
    `SELECT reason, context FROM audit_events WHERE action = 'audit.checkpoint_refused' ORDER BY seq`,
  );
}

const codes = (alarms: Array<{ code: string }>) => alarms.map((a) => a.code);

describe('checkpoint hardening on PostgreSQL (issue 13, item 10)', () => {
  let f: Fixture;
  afterEach(async () => {
    await f.close();
  });

  it('signs over a verified chain and mirrors every checkpoint to the append-only file', async () => {
    f = await fixture();
    await f.append(5);
    const first = await f.service.checkpoint();
    await f.append(3);
    const second = await f.service.checkpoint();
    expect(readCheckpointLog(f.logPath).entries).toEqual([first.checkpoint, second.checkpoint]);
    const verification = await f.service.verify();
    expect(verification).toMatchObject({
      valid: true,
      alarms: [],
      checkpoints: { count: 2, latestTreeSize: 8, rootsChecked: 2, firstMismatchTreeSize: null },
      checkpointLog: { configured: true, exists: true, count: 2, latestTreeSize: 8, missingTreeSizes: [] },
    });
    expect((await f.service.health()).alarms).toEqual([]);
    expect(await readAuditStatus(f.db.dataSource, 'checkpoint')).toMatchObject({
      outcome: 'signed',
      treeSize: 8,
    });
  });

  it('deleting every checkpoint is an alarm in verify and health, and refuses the next checkpoint loudly, once in the trail', async () => {
    f = await fixture();
    await f.append(10);
    await f.service.checkpoint();
    await f.append(3);
    await f.service.checkpoint();
    await f.asSuperuser(`DELETE FROM audit_checkpoints`);

    const verification = await f.service.verify();
    expect(verification.valid).toBe(false);
    expect(codes(verification.alarms)).toEqual(['CHECKPOINT_MISSING', 'CHECKPOINT_SERIES_SHRANK']);
    expect(verification.checkpointLog.missingTreeSizes).toEqual([10, 13]);
    // The events still reproduce the roots the file kept.
    expect(verification.checkpoints).toMatchObject({
      count: 0,
      rootsChecked: 2,
      firstMismatchTreeSize: null,
    });
    expect(codes((await f.service.health()).alarms)).toEqual(
      expect.arrayContaining(['CHECKPOINT_MISSING', 'CHECKPOINT_SERIES_SHRANK', 'LAST_VERIFICATION_FAILED']),
    );

    await f.append(1);
    expect((await refusal(f)).code).toBe('CHECKPOINT_MISSING');
    expect((await refusal(f)).code).toBe('CHECKPOINT_MISSING');
    expect(
      f.errors.filter((e) => e.startsWith('AUDIT CHECKPOINT REFUSED [CHECKPOINT_MISSING]')),
    ).toHaveLength(2);
    expect(await readAuditStatus(f.db.dataSource, 'checkpoint')).toMatchObject({
      outcome: 'refused',
      refusal: { code: 'CHECKPOINT_MISSING', count: 2 },
    });
    const events = await refusalEvents(f);
    expect(events).toHaveLength(1);
    expect(events[0]?.context.code).toBe('CHECKPOINT_MISSING');
    const [{ count }] = await f.db.dataSource.query(`SELECT count(*)::int AS count FROM audit_checkpoints`);
    expect(count).toBe(0);
    expect(codes((await f.service.health()).alarms)).toContain('CHECKPOINT_REFUSED');
  });

  it('deleting only the latest checkpoint shrinks the series', async () => {
    f = await fixture();
    await f.append(4);
    await f.service.checkpoint();
    await f.append(4);
    await f.service.checkpoint();
    await f.asSuperuser(`DELETE FROM audit_checkpoints WHERE tree_size = 8`);
    const verification = await f.service.verify();
    expect(codes(verification.alarms)).toEqual(['CHECKPOINT_MISSING', 'CHECKPOINT_SERIES_SHRANK']);
    expect(verification.alarms[1]?.message).toBe(
      "the database's latest checkpoint covers 4 events, the log file's covers 8",
    );
    expect((await refusal(f)).code).toBe('CHECKPOINT_MISSING');
  });

  it('events deleted from the tail with the head rewound: the trail is shorter than the signed checkpoint', async () => {
    f = await fixture();
    await f.append(8);
    await f.service.checkpoint();
    const [{ hash }] = await f.db.dataSource.query(`SELECT hash FROM audit_events WHERE seq = 5`);
    await f.asSuperuser(`DELETE FROM audit_events WHERE seq > 5`);
    await f.asSuperuser(`UPDATE audit_head SET seq = 5, hash = $1`, [hash]);
    const verification = await f.service.verify();
    expect(verification.valid).toBe(false);
    expect(codes(verification.alarms)).toEqual(['LOG_SHORTER_THAN_CHECKPOINT']);
    expect(verification.firstInvalidSeq).toBe(6);
    expect((await refusal(f)).code).toBe('LOG_SHORTER_THAN_CHECKPOINT');
  });

  it('a covered event edited and the whole chain re-hashed: caught by the signed root, and never signed over', async () => {
    f = await fixture();
    await f.append(10);
    const signed = await f.service.checkpoint();
    // Rewrite seq 2 and re-chain everything after it, as someone with database rights (not the key) could.
    const rows = await f.db.dataSource.query(`SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events ORDER BY seq`);
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
      await f.asSuperuser(
        `UPDATE audit_events SET reason = $1, prev_hash = $2, hash = $3, canonical = $5 WHERE seq = $4`,
        [event.reason, prevHash, hash, event.seq, canonical],
      );
      prevHash = hash;
    }
    await f.asSuperuser(`UPDATE audit_head SET hash = $1`, [prevHash]);
    await f.append(2);

    const verification = await f.service.verify();
    expect(verification.valid).toBe(false);
    expect(codes(verification.alarms)).toEqual(['CHECKPOINT_ROOT_MISMATCH']);
    expect(verification.checkpointRootMatched).toBe(false);
    // Even without that verdict on record, the builder itself sees the last covered event no longer hashing to
    // the leaf it signed.
    await f.asSuperuser(`DELETE FROM audit_status WHERE name = 'verify'`);
    const error = await refusal(f);
    expect(error.code).toBe('CHAIN_INVALID');
    expect(error.reason).toMatch(
      /seq 9 no longer hashes to the leaf checkpoint 10 signed \(the event or the stored tree was rewritten\)$/,
    );
    expect(await f.service.latest()).toEqual(signed.checkpoint);
  });

  it('a rewrite of the stored Merkle nodes too cannot make the builder extend the forged tree', async () => {
    f = await fixture();
    await f.append(6);
    await f.service.checkpoint();
    // Tree size 6 is the perfect subtrees (2, 0) and (1, 2): forge the second.
    await f.asSuperuser(
      `UPDATE audit_merkle_nodes SET hash = decode(repeat('ab', 32), 'hex') WHERE level = 1 AND idx = 2`,
    );
    await f.append(1);
    const error = await refusal(f);
    expect(error.code).toBe('CHECKPOINT_ROOT_MISMATCH');
    expect(error.reason).toBe('the stored Merkle nodes do not fold to the signed root of checkpoint 6');
  });

  it('an edit found by a full verification refuses checkpoints until the trail verifies again', async () => {
    f = await fixture();
    await f.append(6);
    await f.service.checkpoint();
    const [{ reason }] = await f.db.dataSource.query(`SELECT reason FROM audit_events WHERE seq = 2`);
    await f.asSuperuser(`UPDATE audit_events SET reason = 'edited' WHERE seq = 2`);
    await f.append(2);
    const verification = await f.service.verify();
    expect(verification).toMatchObject({ valid: false, firstInvalidSeq: 2 });
    expect(codes(verification.alarms)).toEqual(['CHAIN_INVALID']);
    // The builder reads only what came after the last checkpoint: the recorded verdict stops it.
    expect((await refusal(f)).code).toBe('LAST_VERIFICATION_FAILED');

    // Restored from a backup: the next verification clears the way.
    await f.asSuperuser(`UPDATE audit_events SET reason = $1 WHERE seq = 2`, [reason]);
    expect((await f.service.verify()).alarms.map((a) => a.code)).toEqual(['CHECKPOINT_REFUSED']);
    const resumed = await f.service.checkpoint();
    expect(resumed.created).toBe(true);
    expect((await f.service.verify()).alarms).toEqual([]);
  });

  it('a checkpoint row forged in the database (not signed by the key) refuses', async () => {
    f = await fixture();
    await f.append(4);
    await f.service.checkpoint();
    await f.append(4);
    const other = loadAuditSigningKey({ dataDir: mkdtempSync(join(tmpdir(), 'forge-other-key-')) });
    const forged = signCheckpoint(
      { treeSize: 8, rootHash: 'c'.repeat(64), timestamp: new Date().toISOString() },
      other.privateKeyPem,
    );
    await f.db.dataSource.query(
      `INSERT INTO audit_checkpoints (tree_size, root_hash, timestamp, signature) VALUES ($1, $2, $3, $4)`,
      [forged.treeSize, forged.rootHash, forged.timestamp, forged.signature],
    );
    expect((await refusal(f)).code).toBe('CHECKPOINT_SIGNATURE_INVALID');
    expect(codes((await f.service.verify()).alarms)).toEqual(
      expect.arrayContaining(['CHECKPOINT_ROOT_MISMATCH', 'CHECKPOINT_SIGNATURE_INVALID']),
    );
  });

  it('a lost checkpoint log is an alarm until the operator re-creates it from a verified trail', async () => {
    f = await fixture();
    await f.append(4);
    await f.service.checkpoint();
    await f.append(4);
    await f.service.checkpoint();
    rmSync(f.logPath);
    expect(codes((await f.service.health()).alarms)).toEqual(['CHECKPOINT_LOG_MISSING']);
    expect(codes((await f.service.verify()).alarms)).toEqual(['CHECKPOINT_LOG_MISSING']);
    await f.append(1);
    expect((await refusal(f)).code).toBe('CHECKPOINT_LOG_MISSING');
    expect(existsSync(f.logPath)).toBe(false);

    // `npm run audit:init-checkpoint-log`: verifies everything against the database's checkpoints, then writes.
    await f.asSuperuser(`DELETE FROM audit_status WHERE name = 'verify'`);
    const { written } = await initCheckpointLog(f.db.dataSource, f.key.publicKeyPem, f.logPath);
    expect(written).toBe(2);
    await expect(initCheckpointLog(f.db.dataSource, f.key.publicKeyPem, f.logPath)).rejects.toThrow(
      /already holds checkpoints/,
    );
    expect((await f.service.checkpoint()).checkpoint.treeSize).toBe(10);
    expect(readCheckpointLog(f.logPath).entries.map((c) => c.treeSize)).toEqual([4, 8, 10]);
  });

  it('a checkpoint committed but never written to the file (a crash) is appended by the next run', async () => {
    f = await fixture();
    await f.append(3);
    await f.service.checkpoint();
    const noFile = new AuditCheckpointService(f.db.dataSource, f.key, { checkpointLogPath: null });
    await f.append(2);
    await noFile.checkpoint();
    // The database ahead of the file is not an alarm (another machine may have signed).
    expect((await f.service.verify()).alarms).toEqual([]);
    await f.append(1);
    await f.service.checkpoint();
    expect(readCheckpointLog(f.logPath).entries.map((c) => c.treeSize)).toEqual([3, 5, 6]);
  });
});

describe('the external witness', () => {
  let server: Server;
  let url: string;
  let up = true;
  const received: WitnessSubmission[] = [];
  let f: Fixture;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (!up) {
          response.writeHead(503).end();
          return;
        }
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as WitnessSubmission);
        response.writeHead(204).end();
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/witness`;
  });
  afterAll(async () => {
    // fetch keeps its connection alive: close it with the server, before Jest tears the module registry down.
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
    await f.close();
  });

  it('receives every checkpoint with a consistency proof from the last one it acknowledged; an outage is an alarm that heals', async () => {
    f = await fixture({ witnessUrl: url });
    await f.append(3);
    await f.service.checkpoint();
    await f.append(4);
    await f.service.checkpoint();
    expect(received.map((s) => [s.checkpoint.treeSize, s.previous?.treeSize ?? null])).toEqual([
      [3, null],
      [7, 3],
    ]);
    for (const submission of received) {
      expect(submission.format).toBe('forge.checkpoint-witness/1');
      expect(verifyCheckpoint(submission.checkpoint, submission.publicKeyPem)).toBe(true);
    }
    const [first, second] = received as [WitnessSubmission, WitnessSubmission];
    expect(
      verifyConsistencyProof(
        { from: 3, to: 7, proof: second.consistencyProof },
        first.checkpoint.rootHash,
        second.checkpoint.rootHash,
      ).valid,
    ).toBe(true);

    up = false;
    await f.append(2);
    await f.service.checkpoint();
    expect(f.errors).toEqual(['checkpoint 9 not delivered to the witness: the witness answered HTTP 503']);
    expect(codes((await f.service.health()).alarms)).toEqual(['WITNESS_BEHIND']);
    expect(codes((await f.service.verify()).alarms)).toEqual(['WITNESS_BEHIND']);

    up = true;
    await f.append(1);
    await f.service.checkpoint();
    const last = received[received.length - 1] as WitnessSubmission;
    expect([last.checkpoint.treeSize, last.previous?.treeSize]).toEqual([10, 7]);
    expect(
      verifyConsistencyProof(
        { from: 7, to: 10, proof: last.consistencyProof },
        second.checkpoint.rootHash,
        last.checkpoint.rootHash,
      ).valid,
    ).toBe(true);
    expect((await f.service.health()).alarms).toEqual([]);
  });
});
