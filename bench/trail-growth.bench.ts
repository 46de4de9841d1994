/**
 * How the decision trail's costs grow with its size (issue 18.5, audit half). For each size (10k and 100k events;
 * 1M with `TRAIL_GROWTH_1M=1` or as an argument, opt-in because loading it takes minutes on the shared machine)
 * a fresh migrated database is filled by a faithful bulk loader: events sealed by libs/audit's own
 * `sealAuditEventBytes` (RFC 8785 canonical bytes, SHA-256 over prevHash ‖ bytes, each linked to the previous),
 * inserted in multi-row batches with their canonical bytes, and `audit_head` moved to the last one, which is
 * exactly what `appendAuditEvent` stores one event at a time. Then, with libs/audit's functions as the API calls
 * them, it reports per size:
 *  - full verification (`verifyStoredChain`, keyset batches of 1,000): seconds, events/s, peak RSS;
 *  - the first checkpoint (`AuditCheckpointService.checkpoint`: the tree over every event, stored subtrees,
 *    signed), and an incremental one after 1,000 more events;
 *  - inclusion and consistency proofs against the checkpointed tree (`buildInclusionProof`,
 *    `buildConsistencyProof` over the stored subtrees), mean ms over 50 random positions (should grow as log n);
 *  - the JSONL export (`streamAuditEvents` + `toExportLine`, what GET /audit/export streams): events/s, MiB/s,
 *    peak RSS.
 * Memory, per step, in this process: peak RSS (sampled every 20 ms), its growth over the RSS before the step, and the
 * live heap (the most still in use right after a full GC, forced once a second): the figure that shows constant
 * memory, since it must not grow with the size while RSS also follows V8's heap sizing. After loading, the table is
 * vacuumed and analysed (what autovacuum would do next), outside every timed step.
 * Run: `node dist/bench/trail-growth.bench.js [size,size,…]` → one JSON object.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import {
  AuditCheckpointService,
  buildConsistencyProof,
  buildInclusionProof,
  DbSubtreeHashSource,
  generateSigningKeyPair,
  sealAuditEventBytes,
  streamAuditEvents,
  toExportLine,
  verifyStoredChain,
} from '@forge/audit';
import { ForgeCluster, postgresServer, round, type PostgresServer } from './cluster.js';

export interface TrailGrowthPoint {
  events: number;
  /** The 1-minute load average when this size started and when it ended (the machine is shared). */
  loadAverage: { start: number; end: number };
  loadSeconds: number;
  /** `VACUUM (ANALYZE)` after the load, as autovacuum would do a minute later (not part of any figure below). */
  vacuumAnalyzeSeconds: number;
  verify: {
    seconds: number;
    eventsPerSec: number;
    valid: boolean;
    peakRssMiB: number;
    rssGrowthMiB: number;
    liveHeapMiB: number;
  };
  checkpoint: {
    firstSeconds: number;
    firstPeakRssMiB: number;
    firstLiveHeapMiB: number;
    incrementalSeconds: number;
    incrementalEvents: number;
  };
  proofs: { inclusionMeanMs: number; consistencyMeanMs: number; inclusionEntries: number; samples: number };
  export: {
    seconds: number;
    eventsPerSec: number;
    mibPerSec: number;
    peakRssMiB: number;
    rssGrowthMiB: number;
    liveHeapMiB: number;
  };
}

export interface TrailGrowthResult {
  name: 'trail-growth';
  sizes: number[];
  points: TrailGrowthPoint[];
  note: string;
}

const BATCH = 2000;
const MiB = 2 ** 20;

/** Appends `count` sealed events after the current head, in batches, and moves the head (one transaction). */
export async function bulkAppend(pool: pg.Pool, count: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Since issue 18.1 the guard trigger accepts only pending inserts (the sequencer places them). The loader
    // writes rows as the sequencer leaves them (position, canonical bytes, chained hash) in its own scratch
    // database, with the guard off for this transaction only (ALTER TABLE is transactional).
    await client.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
    const [head] = (await client.query(`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`))
      .rows as Array<{
      seq: string;
      hash: string;
    }>;
    let seq = Number(head?.seq ?? -1);
    let prevHash = head!.hash;
    const start = Date.now() - count;
    const actors = Array.from({ length: 20 }, (_, i) => ({
      id: randomUUID(),
      role: i % 4 === 0 ? 'sponsor' : 'officer',
      name: `Bench user ${i}`,
    }));
    const applications = Array.from({ length: Math.max(1, Math.ceil(count / 25)) }, () => randomUUID());
    for (let done = 0; done < count;) {
      const n = Math.min(BATCH, count - done);
      const columns: unknown[][] = Array.from({ length: 17 }, () => []);
      for (let i = 0; i < n; i++) {
        seq += 1;
        const actor = actors[seq % actors.length]!;
        const applicationId = applications[seq % applications.length]!;
        const { record, canonical } = sealAuditEventBytes({
          seq,
          id: randomUUID(),
          occurredAt: new Date(start + done + i).toISOString(),
          actor,
          action: seq % 3 === 0 ? 'application.stage_changed' : 'application.updated',
          subject: { type: 'application', id: applicationId },
          applicationId,
          reason: seq % 3 === 0 ? 'complete; moving on' : null,
          before: { stage: 'screening', version: seq % 7 },
          after: { stage: 'due_diligence', version: (seq % 7) + 1 },
          context: { requestId: randomUUID(), fields: ['title', 'country'] },
          prevHash,
        });
        prevHash = record.hash;
        const values = [
          record.seq,
          record.id,
          record.occurredAt,
          record.actor.id,
          record.actor.role,
          record.actor.name ?? null,
          record.action,
          record.subject.type,
          record.subject.id,
          record.applicationId,
          record.reason,
          JSON.stringify(record.before),
          JSON.stringify(record.after),
          JSON.stringify(record.context),
          record.prevHash,
          record.hash,
          canonical,
        ];
        values.forEach((value, c) => columns[c]!.push(value));
      }
      await client.query(
        `INSERT INTO audit_events (seq, id, occurred_at, actor_id, actor_role, actor_name, action, subject_type,
           subject_id, application_id, reason, before, after, context, prev_hash, hash, canonical)
         SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],
           $7::text[], $8::text[], $9::text[], $10::uuid[], $11::text[], $12::jsonb[], $13::jsonb[], $14::jsonb[],
           $15::text[], $16::text[], $17::bytea[])`,
        columns,
      );
      done += n;
    }
    await client.query(`UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1`, [seq, prevHash]);
    await client.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A full garbage collection, without `--expose-gc` on the command line (`npm run bench` runs every bench in one
 * plain `node`): the flag is set at run time and `gc` taken from a fresh context, the documented V8 way.
 */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/**
 * Runs `work` while sampling this process's RSS every 20 ms; answers its seconds, result, peak RSS, growth (peak
 * minus the RSS before, after a full GC) and the live heap: the largest heap still in use right after a full GC,
 * forced once a second during the work. RSS follows V8's heap sizing (garbage not yet collected counts); the live
 * heap is what the code under test retains, the figure that must not grow with the trail. The forced GCs cost a
 * few milliseconds a second (under 3% of the step's time).
 */
async function measured<T>(work: () => Promise<T>): Promise<{
  seconds: number;
  value: T;
  peakRssMiB: number;
  rssGrowthMiB: number;
  liveHeapMiB: number;
}> {
  collectGarbage();
  const before = process.memoryUsage.rss();
  let peak = before;
  let liveHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const collector = setInterval(() => {
    collectGarbage();
    liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
  }, 1000);
  const started = process.hrtime.bigint();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return {
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      value,
      peakRssMiB: round(peak / MiB, 1),
      rssGrowthMiB: round((peak - before) / MiB, 1),
      liveHeapMiB: round(liveHeap / MiB, 1),
    };
  } finally {
    clearInterval(sampler);
    clearInterval(collector);
  }
}

async function meanMs(samples: number, run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < samples; i++) await run();
  return round(Number(process.hrtime.bigint() - started) / 1e6 / samples, 3);
}

async function measureSize(postgres: PostgresServer, events: number): Promise<TrailGrowthPoint> {
  const cluster = await ForgeCluster.create({ name: 'trail', queueBackend: 'postgres', postgres });
  const dataSource = new DataSource({
    type: 'postgres',
    url: cluster.databaseUrl,
    synchronize: false,
    logging: false,
    applicationName: 'forge-trail-growth-bench',
    extra: { max: 4 },
  });
  const pool = new pg.Pool({ connectionString: cluster.databaseUrl, max: 2 });
  try {
    await dataSource.initialize();
    const loadStart = loadavg()[0]!;
    const load = await measured(() => bulkAppend(pool, events));
    // A deployment's autovacuum visits a table soon after a bulk load; doing it here keeps that work (a pass over
    // the whole table) out of the timed steps. The verifier's reads do not need the statistics (see
    // STORED_EVENT_ROWS_BATCH_SQL): the 2026-11-30 runs before that change were quadratic without them.
    const vacuumStarted = Date.now();
    await pool.query(`VACUUM (ANALYZE) audit_events`);
    const vacuumAnalyzeSeconds = (Date.now() - vacuumStarted) / 1000;
    const [{ n }] = (await pool.query(`SELECT count(*)::int AS n FROM audit_events`)).rows as Array<{
      n: number;
    }>;

    const verify = await measured(() => verifyStoredChain(dataSource, 1000));
    if (!verify.value.valid) throw new Error(`the loaded chain does not verify: ${verify.value.reason}`);

    const keys = generateSigningKeyPair();
    const service = new AuditCheckpointService(
      dataSource,
      { ...keys, source: 'configuration' },
      { checkpointLogPath: null, logger: { log() {}, warn() {}, error() {} } },
    );
    const first = await measured(() => service.checkpoint());
    const size = first.value.checkpoint.treeSize;
    const extra = 1000;
    await bulkAppend(pool, extra);
    const incremental = await measured(() => service.checkpoint());
    const treeSize = incremental.value.checkpoint.treeSize;

    const source = new DbSubtreeHashSource(dataSource);
    const samples = 50;
    let entries = 0;
    const inclusionMeanMs = await meanMs(samples, async () => {
      const proof = await buildInclusionProof(source, randomInt(treeSize), treeSize);
      entries = Math.max(entries, proof.auditPath.length);
    });
    const consistencyMeanMs = await meanMs(samples, () =>
      buildConsistencyProof(source, 1 + randomInt(size - 1), treeSize),
    );

    let bytes = 0;
    let exported = 0;
    const exportRun = await measured(async () => {
      for await (const record of streamAuditEvents(dataSource, {}, 1000)) {
        bytes += Buffer.byteLength(`${toExportLine(record)}\n`);
        exported += 1;
      }
    });
    return {
      events: n,
      loadAverage: { start: round(loadStart, 1), end: round(loadavg()[0]!, 1) },
      loadSeconds: round(load.seconds, 1),
      vacuumAnalyzeSeconds: round(vacuumAnalyzeSeconds, 1),
      verify: {
        seconds: round(verify.seconds, 2),
        eventsPerSec: Math.round(n / verify.seconds),
        valid: verify.value.valid,
        peakRssMiB: verify.peakRssMiB,
        rssGrowthMiB: verify.rssGrowthMiB,
        liveHeapMiB: verify.liveHeapMiB,
      },
      checkpoint: {
        firstSeconds: round(first.seconds, 2),
        firstPeakRssMiB: first.peakRssMiB,
        firstLiveHeapMiB: first.liveHeapMiB,
        incrementalSeconds: round(incremental.seconds, 3),
        incrementalEvents: extra,
      },
      proofs: { inclusionMeanMs, consistencyMeanMs, inclusionEntries: entries, samples },
      export: {
        seconds: round(exportRun.seconds, 2),
        eventsPerSec: Math.round(exported / exportRun.seconds),
        mibPerSec: round(bytes / MiB / exportRun.seconds, 1),
        peakRssMiB: exportRun.peakRssMiB,
        rssGrowthMiB: exportRun.rssGrowthMiB,
        liveHeapMiB: exportRun.liveHeapMiB,
      },
    };
  } finally {
    await pool.end().catch(() => {});
    if (dataSource.isInitialized) await dataSource.destroy();
    await cluster.close();
  }
}

export async function benchTrailGrowth(
  sizes: number[] = process.env.TRAIL_GROWTH_1M === '1' ? [10_000, 100_000, 1_000_000] : [10_000, 100_000],
): Promise<TrailGrowthResult> {
  const postgres = await postgresServer(process.env.FORGE_BENCH_ADMIN_URL);
  try {
    const points: TrailGrowthPoint[] = [];
    for (const size of sizes) {
      points.push(await measureSize(postgres, size));
      console.error(`trail-growth: ${size} events done`);
    }
    return {
      name: 'trail-growth',
      sizes,
      points,
      note: 'sizes beyond 100k are opt-in (TRAIL_GROWTH_1M=1): loading 1M events takes minutes on the shared machine',
    };
  } finally {
    await postgres.stop();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv[2]?.split(',').map(Number).filter(Number.isFinite);
  console.log(JSON.stringify(await benchTrailGrowth(sizes && sizes.length > 0 ? sizes : undefined)));
  process.exit(0);
}
