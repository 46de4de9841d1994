/**
 * Decision-trail costs. In a scratch schema of the given database (dropped afterwards; the real trail is never
 * touched), it measures:
 *  - appends per second through the chain head (`appendAuditEvent`: lock the head row, hash, insert, update
 *    the head, one transaction each) at 1, 4 and 16 concurrent writers, against single-row inserts of the
 *    same sealed records into a plain table with the same columns and indexes, same concurrency, same run;
 *  - verification: events per second of the streaming chain verifier over events read from the database,
 *    against hashing the same bytes (prevHash + canonical JSON) with node:crypto alone, and the end-to-end
 *    `verifyStoredChain` rate (keyset batches from PostgreSQL plus verification).
 * Run: `node dist/bench/audit.bench.js [DATABASE_URL] [appendsPerRun]` (or DATABASE_URL in the environment)
 * → one JSON object.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { DataSource } from 'typeorm';
import {
  appendAuditEvent,
  AUDIT_EVENT_COLUMNS,
  type AuditEventRecord,
  type AuditEventRow,
  auditRecordFromRow,
  canonicalEvent,
  createChainVerifier,
  sealAuditEvent,
  verifyStoredChain,
} from '@forge/audit';
import { loadConfig } from '@forge/config';

export interface AuditAppendRate {
  writers: number;
  events: number;
  chainPerSecond: number;
  plainPerSecond: number;
  /** plain / chain: how many times faster an unchained insert is. */
  plainToChainRatio: number;
}

export interface AuditBenchResult {
  name: 'audit';
  appends: AuditAppendRate[];
  verify: {
    events: number;
    verifierPerSecond: number;
    hashOnlyPerSecond: number;
    /** hash-only / verifier: the verifier's overhead over bare SHA-256 of the same bytes. */
    hashOnlyToVerifierRatio: number;
    storedChainPerSecond: number;
  };
}

const WRITERS = [1, 4, 16];

function perSecond(count: number, ms: number): number {
  return Math.round((count / ms) * 1000 * 10) / 10;
}

async function runConcurrent(
  writers: number,
  total: number,
  work: (i: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (;;) {
        const i = next;
        next += 1;
        if (i >= total) return;
        await work(i);
      }
    }),
  );
  return performance.now() - started;
}

/** Repeats `fn` over the data until at least `minMs` elapsed; returns items per second. */
function timedRate(items: number, fn: () => void, minMs = 300): number {
  let rounds = 0;
  const started = performance.now();
  let elapsed: number;
  do {
    fn();
    rounds += 1;
    elapsed = performance.now() - started;
  } while (elapsed < minMs);
  return perSecond(items * rounds, elapsed);
}

export async function benchAudit(databaseUrl: string, appendsPerRun = 400): Promise<AuditBenchResult> {
  const schema = `forge_bench_${randomBytes(4).toString('hex')}`;
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    logging: false,
    applicationName: 'forge-audit-bench',
    extra: { max: 20, options: `-c search_path=${schema}` },
  });
  await dataSource.initialize();
  try {
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    await dataSource.query(`CREATE TABLE ${schema}.audit_events (LIKE public.audit_events INCLUDING ALL)`);
    await dataSource.query(`CREATE TABLE ${schema}.plain_events (LIKE public.audit_events INCLUDING ALL)`);
    await dataSource.query(`CREATE TABLE ${schema}.audit_head (LIKE public.audit_head INCLUDING ALL)`);
    await dataSource.query(
      `CREATE TABLE ${schema}.audit_checkpoints (LIKE public.audit_checkpoints INCLUDING ALL)`,
    );
    await dataSource.query(
      `INSERT INTO ${schema}.audit_head (id, seq, hash) VALUES (1, -1, repeat('0', 64))`,
    );

    const actor = { id: randomUUID(), role: 'officer' };
    const appends: AuditAppendRate[] = [];
    let plainSeq = 0;
    for (const writers of WRITERS) {
      const chainMs = await runConcurrent(writers, appendsPerRun, async (i) => {
        await dataSource.transaction((manager) =>
          appendAuditEvent(manager, {
            actor,
            action: 'application.stage_changed',
            subject: { type: 'application', id: String(i) },
            reason: 'benchmark',
            after: { stage: 'screening', i },
          }),
        );
      });
      const plainMs = await runConcurrent(writers, appendsPerRun, async (i) => {
        const record = sealAuditEvent({
          seq: plainSeq++,
          id: randomUUID(),
          occurredAt: new Date().toISOString(),
          actor,
          action: 'application.stage_changed',
          subject: { type: 'application', id: String(i) },
          reason: 'benchmark',
          after: { stage: 'screening', i },
          prevHash: '0'.repeat(64),
        });
        await dataSource.query(
          `INSERT INTO plain_events (${AUDIT_EVENT_COLUMNS})
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13::jsonb, $14, $15)`,
          [
            record.seq,
            record.id,
            record.occurredAt,
            record.actor.id,
            record.actor.role,
            record.action,
            record.subject.type,
            record.subject.id,
            null,
            record.reason,
            null,
            JSON.stringify(record.after),
            null,
            record.prevHash,
            record.hash,
          ],
        );
      });
      const chainPerSecond = perSecond(appendsPerRun, chainMs);
      const plainPerSecond = perSecond(appendsPerRun, plainMs);
      appends.push({
        writers,
        events: appendsPerRun,
        chainPerSecond,
        plainPerSecond,
        plainToChainRatio: Math.round((plainPerSecond / chainPerSecond) * 100) / 100,
      });
    }

    const rows: AuditEventRow[] = await dataSource.query(
      `SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events ORDER BY seq`,
    );
    const records: AuditEventRecord[] = rows.map(auditRecordFromRow);
    const verifierPerSecond = timedRate(records.length, () => {
      const verifier = createChainVerifier();
      for (const record of records) verifier.push(record);
      if (!verifier.result().valid) throw new Error('benchmark chain does not verify');
    });
    const bytes = records.map((r) => Buffer.from(r.prevHash + canonicalEvent(r), 'utf8'));
    const hashOnlyPerSecond = timedRate(bytes.length, () => {
      for (const b of bytes) createHash('sha256').update(b).digest('hex');
    });
    const started = performance.now();
    const stored = await verifyStoredChain(dataSource, 1000);
    const storedMs = performance.now() - started;
    if (!stored.valid) throw new Error('stored benchmark chain does not verify');

    return {
      name: 'audit',
      appends,
      verify: {
        events: records.length,
        verifierPerSecond,
        hashOnlyPerSecond,
        hashOnlyToVerifierRatio: Math.round((hashOnlyPerSecond / verifierPerSecond) * 100) / 100,
        storedChainPerSecond: perSecond(stored.length, storedMs),
      },
    };
  } finally {
    await dataSource.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await dataSource.destroy();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.argv[2]?.startsWith('postgres') ? process.argv[2] : loadConfig().database.url;
  if (url === undefined) {
    console.error('usage: audit.bench.js DATABASE_URL [appendsPerRun] (or set DATABASE_URL)');
    process.exit(2);
  }
  const count = Number(process.argv.find((a, i) => i >= 2 && /^\d+$/.test(a)) ?? 400);
  console.log(JSON.stringify(await benchAudit(url, count), null, 2));
}
