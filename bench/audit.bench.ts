/**
 * Decision-trail costs. In a scratch schema of the given database (dropped afterwards; the real trail is never
 * touched), it measures:
 *  - appends per second (`appendAuditEvent` in its own transaction: RFC 8785 content bytes, their hash, one INSERT
 *    through the append-only trigger, no lock; issue 18.1) at 1, 4 and 16 concurrent writers while a sequencer
 *    places them, against the same transaction inserting the same record into a plain table with the same
 *    columns and indexes and no trigger (and against autocommit single-row inserts, and against the same appends
 *    with no sequencer running), same concurrency, same run, in `rounds` interleaved rounds (pooled rates and
 *    each round's ratio). The sequencer runs as a deployment runs it, in its own OS process
 *    (bench/audit-sequencer-process.ts; the API appends, a worker sequences): that is the goal's figure. The same
 *    appends with the sequencer in the bench's own process (one event loop with the writers, the figure before
 *    2026-11-30) are timed in the same rounds and reported beside it (`sameProcessSequencer`);
 *  - the merge delay: from each append's COMMIT (as its writer saw it) to the COMMIT of the sequencer's batch
 *    that placed it, p50/p99/max per concurrency;
 *  - the Node CPU time per event of the bench process in each kind of run, and of the sequencer's process;
 *  - verification (issue 18.2, "hash bytes, not objects"): events per second of the stored-chain verifier over
 *    the stored canonical bytes (seq, prevHash link, SHA-256 of prevHash ‖ bytes; no JSON work), against bare
 *    SHA-256 of the same bytes with node:crypto (goal ≥ 0.5); beside it, the separate check of the JSON columns
 *    against the bytes (RFC 8785 of the columns, compared), the full per-row verification (both), the old
 *    object verifier (re-serialising every event), and the end-to-end `verifyStoredChain` rate (keyset batches
 *    from PostgreSQL plus verification and Merkle roots).
 * Run: `node dist/bench/audit.bench.js [DATABASE_URL] [appendsPerRun] [rounds]` (or DATABASE_URL in the environment)
 * → one JSON object.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import {
  appendAuditEvent,
  AuditSequencer,
  type AuditEventRecord,
  AUDIT_EVENT_COLUMNS_WITH_BYTES,
  type AuditEventRowWithBytes,
  canonicalEvent,
  createChainVerifier,
  createStoredChainVerifier,
  sealAuditEventBytes,
  sequencePendingAuditEvents,
  storedEventBytes,
  verifyStoredChain,
} from '@forge/audit';
import { loadConfig } from '@forge/config';
import {
  scratchDataSource,
  SequencerProcess,
  type SequencerProcessOptions,
  wallClockMs,
} from './audit-sequencer-process.js';

export interface AuditAppendRate {
  writers: number;
  /** Events per timed run; each figure pools `rounds` runs. */
  events: number;
  rounds: number;
  /**
   * Audit appends, each in its own transaction (BEGIN, INSERT, COMMIT), placed meanwhile by a sequencer in its own
   * OS process (as deployed: the API appends, a worker sequences).
   */
  chainPerSecond: number;
  /** The same record inserted into a plain table (no trigger) by the same transaction shape. */
  plainPerSecond: number;
  /** The same record as one autocommit INSERT (one round trip, no transaction block). */
  plainAutocommitPerSecond: number;
  /** chain / plain (goal ≥ 0.8 at 16 writers). */
  chainToPlainRatio: number;
  /** plain / chain: how many times faster an unchained insert is. */
  plainToChainRatio: number;
  /** chain / plain of each round alone: the spread. */
  roundRatios: number[];
  /** The same appends with the sequencer in the bench's own process, sharing the writers' event loop. */
  sameProcessSequencer: {
    chainPerSecond: number;
    chainToPlainRatio: number;
    roundRatios: number[];
    mergeDelayMs: MergeDelay;
  };
  /** Audit appends with no sequencer running meanwhile (placed after the timed run). */
  unsequencedPerSecond: number;
  /** unsequenced / plain: the append itself (trigger, content bytes) without the sequencer's concurrent work. */
  unsequencedToPlainRatio: number;
  /** COMMIT of the append → COMMIT of the batch that placed it (ms), sequencer in its own process. */
  mergeDelayMs: MergeDelay;
  /**
   * Node CPU time (user + system) per event, µs: the bench process in each kind of run (`chain`: its 16 writers
   * only; `sameProcessChain`: writers and sequencer), and the sequencer's own process during `chain`.
   */
  nodeCpuUsPerEvent: {
    chain: number;
    sequencerProcess: number;
    sameProcessChain: number;
    unsequenced: number;
    plain: number;
  };
}

export interface MergeDelay {
  p50: number;
  p99: number;
  max: number;
  batches: number;
}

export interface AuditBenchResult {
  name: 'audit';
  appends: AuditAppendRate[];
  verify: {
    events: number;
    /** The chain over the stored bytes (what `/audit/verify` and the offline verifier hash). */
    verifierPerSecond: number;
    /** Bare SHA-256 over the same bytes (prevHash ‖ canonical), one digest per event. */
    hashOnlyPerSecond: number;
    /** verifier / hash-only (goal ≥ 0.5). */
    verifierToHashOnlyRatio: number;
    /** hash-only / verifier: the verifier's overhead over bare SHA-256 of the same bytes. */
    hashOnlyToVerifierRatio: number;
    /** The separate check: the JSON columns serialise (RFC 8785) to exactly the stored bytes. */
    columnsCheckPerSecond: number;
    /** Bytes and columns, per row, as `/audit/verify` does them. */
    fullVerifierPerSecond: number;
    /** The verifier before issue 18.2: every event re-serialised, then hashed. */
    objectVerifierPerSecond: number;
    storedChainPerSecond: number;
  };
}

const WRITERS = [1, 4, 16];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] as number) * 10) / 10;
}

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

/** Best rate of each function over `rounds` interleaved rounds of at least `minMs` each. */
function bestOfInterleaved<K extends string>(
  items: number,
  fns: Record<K, () => void>,
  rounds = 5,
  minMs = 150,
): Record<K, number> {
  const best = {} as Record<K, number>;
  for (let round = 0; round < rounds; round += 1) {
    for (const key of Object.keys(fns) as K[]) {
      const rate = timedRate(items, fns[key], minMs);
      best[key] = Math.max(best[key] ?? 0, rate);
    }
  }
  return best;
}

function mergeDelay(
  committedAt: Map<string, number>,
  placedAt: Map<string, number>,
  batches: number,
): MergeDelay {
  // A batch may commit before its writer has seen its own COMMIT reply: that delay counts as zero.
  const delays = [...committedAt].map(([id, at]) => Math.max(0, (placedAt.get(id) as number) - at));
  delays.sort((a, b) => a - b);
  return { p50: percentile(delays, 50), p99: percentile(delays, 99), max: percentile(delays, 100), batches };
}

const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

export interface AuditBenchOptions {
  /** How to fork the sequencer's process (default: bench/audit-sequencer-process.js compiled beside this file). */
  sequencerProcess?: Pick<SequencerProcessOptions, 'script' | 'execArgv'>;
  /** The sequencers' idle interval (default 20 ms, the worker's default AUDIT_SEQUENCER_INTERVAL_MS). */
  sequencerIntervalMs?: number;
  /** Concurrencies to measure (default 1, 4 and 16 writers). */
  writers?: number[];
}

export async function benchAudit(
  databaseUrl: string,
  appendsPerRun = 400,
  rounds = 3,
  options: AuditBenchOptions = {},
): Promise<AuditBenchResult> {
  const intervalMs = options.sequencerIntervalMs ?? 20;
  const schema = `forge_bench_${randomBytes(4).toString('hex')}`;
  const dataSource = scratchDataSource(databaseUrl, schema, 'forge-audit-bench', 20);
  await dataSource.initialize();
  let sequencerProcess: SequencerProcess | undefined;
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

    // The trail's own trigger (the INSERT check and the one-time sequencing UPDATE) guards the scratch trail too.
    await dataSource.query(
      `CREATE TRIGGER audit_events_no_update_delete BEFORE INSERT OR UPDATE OR DELETE ON ${schema}.audit_events
         FOR EACH ROW EXECUTE FUNCTION public.audit_events_guard()`,
    );

    sequencerProcess = await SequencerProcess.fork(databaseUrl, {
      schema,
      intervalMs,
      ...options.sequencerProcess,
    });
    const sequencer = sequencerProcess;

    // A caller that names the actor (as the API does from the signed-in user): no lookup of the display name.
    const actor = { id: randomUUID(), role: 'officer', name: 'Bench Officer' };
    const appends: AuditAppendRate[] = [];
    let plainSeq = 0;
    const plainRow = (i: number) => {
      const { record, canonical } = sealAuditEventBytes({
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
      return [
        record.seq,
        record.id,
        record.occurredAt,
        record.actor.id,
        record.actor.role,
        record.actor.name ?? null,
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
        canonical,
      ];
    };
    const plainInsert = `INSERT INTO plain_events (${AUDIT_EVENT_COLUMNS_WITH_BYTES})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14::jsonb, $15, $16, $17)`;
    const append = (i: number) =>
      dataSource.transaction((manager) =>
        appendAuditEvent(manager, {
          actor,
          action: 'application.stage_changed',
          subject: { type: 'application', id: String(i) },
          reason: 'benchmark',
          after: { stage: 'screening', i },
        }),
      );
    const cpuMs = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    for (const writers of options.writers ?? WRITERS) {
      type Kind = 'chain' | 'sameProcessChain' | 'unsequenced' | 'plain' | 'autocommit';
      const committedAt = { chain: new Map<string, number>(), sameProcessChain: new Map<string, number>() };
      const placedAt = { chain: new Map<string, number>(), sameProcessChain: new Map<string, number>() };
      const batches = { chain: 0, sameProcessChain: 0 };
      const totalMs: Record<Kind, number> = {
        chain: 0,
        sameProcessChain: 0,
        unsequenced: 0,
        plain: 0,
        autocommit: 0,
      };
      const cpu: Record<Kind | 'sequencerProcess', number> = {
        chain: 0,
        sameProcessChain: 0,
        unsequenced: 0,
        plain: 0,
        autocommit: 0,
        sequencerProcess: 0,
      };
      const roundRatios = { chain: [] as number[], sameProcessChain: [] as number[] };
      /** One timed run of `work` by the writers: its wall time; the bench process's CPU time is added up. */
      const timed = async (kind: Kind, work: (i: number) => Promise<unknown>) => {
        const cpuBefore = cpuMs();
        const ms = await runConcurrent(writers, appendsPerRun, async (i) => {
          await work(i);
        });
        cpu[kind] += cpuMs() - cpuBefore;
        return ms;
      };
      /** Timed appends, each one's COMMIT time kept. */
      const appendAll = (kind: 'chain' | 'sameProcessChain') =>
        timed(kind, async (i) => {
          const event = await append(i);
          committedAt[kind].set(event.id, wallClockMs());
        });
      /** After a timed run: places what the sequencer left (untimed), as caught up now. */
      const placeTheRest = async (kind: 'chain' | 'sameProcessChain') => {
        await sequencePendingAuditEvents(dataSource);
        const caughtUp = wallClockMs();
        for (const id of committedAt[kind].keys())
          if (!placedAt[kind].has(id)) placedAt[kind].set(id, caughtUp);
      };
      const runs: Record<Kind, () => Promise<number>> = {
        /** Appends while the sequencer's own process places them (what a deployment does). */
        chain: async () => {
          await sequencer.start();
          const ms = await appendAll('chain');
          const report = await sequencer.stop();
          batches.chain += report.batches;
          cpu.sequencerProcess += report.cpuMs;
          for (const [id, at] of report.placed) placedAt.chain.set(id, at);
          await placeTheRest('chain');
          return ms;
        },
        /** The same with the sequencer's loop in this process, on the writers' event loop. */
        sameProcessChain: async () => {
          const inProcess = new AuditSequencer(dataSource, {
            intervalMs,
            onBatch: (batch) => {
              const now = wallClockMs();
              batches.sameProcessChain += 1;
              for (const id of batch.ids) placedAt.sameProcessChain.set(id, now);
            },
          });
          inProcess.start();
          const ms = await appendAll('sameProcessChain');
          await inProcess.stop();
          await placeTheRest('sameProcessChain');
          return ms;
        },
        /** The same appends with no sequencer during the timed run (placed after it): the sequencer's share. */
        unsequenced: async () => {
          const ms = await timed('unsequenced', append);
          await sequencePendingAuditEvents(dataSource);
          return ms;
        },
        plain: () =>
          timed('plain', (i) => {
            const params = plainRow(i);
            return dataSource.transaction((manager) => manager.query(plainInsert, params));
          }),
        autocommit: () => timed('autocommit', (i) => dataSource.query(plainInsert, plainRow(i))),
      };
      // The machine is shared and a run at 16 writers lasts about a second: one burst of load elsewhere moves a
      // single pair's ratio by ±30%. So the runs are repeated `rounds` times, the order reversed each round.
      const order: Kind[] = ['chain', 'plain', 'sameProcessChain', 'unsequenced', 'autocommit'];
      for (let round = 0; round < rounds; round += 1) {
        const ms = {} as Record<Kind, number>;
        for (const key of round % 2 === 0 ? order : [...order].reverse()) {
          ms[key] = await runs[key]();
          totalMs[key] += ms[key];
        }
        roundRatios.chain.push(ratio(ms.plain, ms.chain));
        roundRatios.sameProcessChain.push(ratio(ms.plain, ms.sameProcessChain));
      }
      const events = appendsPerRun * rounds;
      const rate = (kind: Kind) => perSecond(events, totalMs[kind]);
      const cpuPerEvent = (ms: number) => Math.round((ms * 1000) / events);
      appends.push({
        writers,
        events: appendsPerRun,
        rounds,
        chainPerSecond: rate('chain'),
        plainPerSecond: rate('plain'),
        plainAutocommitPerSecond: rate('autocommit'),
        chainToPlainRatio: ratio(rate('chain'), rate('plain')),
        plainToChainRatio: Math.round((rate('plain') / rate('chain')) * 100) / 100,
        roundRatios: roundRatios.chain,
        sameProcessSequencer: {
          chainPerSecond: rate('sameProcessChain'),
          chainToPlainRatio: ratio(rate('sameProcessChain'), rate('plain')),
          roundRatios: roundRatios.sameProcessChain,
          mergeDelayMs: mergeDelay(
            committedAt.sameProcessChain,
            placedAt.sameProcessChain,
            batches.sameProcessChain,
          ),
        },
        unsequencedPerSecond: rate('unsequenced'),
        unsequencedToPlainRatio: ratio(rate('unsequenced'), rate('plain')),
        mergeDelayMs: mergeDelay(committedAt.chain, placedAt.chain, batches.chain),
        nodeCpuUsPerEvent: {
          chain: cpuPerEvent(cpu.chain),
          sequencerProcess: cpuPerEvent(cpu.sequencerProcess),
          sameProcessChain: cpuPerEvent(cpu.sameProcessChain),
          unsequenced: cpuPerEvent(cpu.unsequenced),
          plain: cpuPerEvent(cpu.plain),
        },
      });
    }

    const rows: AuditEventRowWithBytes[] = await dataSource.query(
      `SELECT ${AUDIT_EVENT_COLUMNS_WITH_BYTES} FROM audit_events ORDER BY seq`,
    );
    const stored = rows.map(storedEventBytes);
    const records: AuditEventRecord[] = stored.map((s) => s.record);
    const bytes = stored.map(({ bytes: b }) => Buffer.concat([Buffer.from(b.prevHash, 'utf8'), b.canonical]));
    // The machine is shared: each figure is the best of several rounds, the rounds interleaved so that a burst of
    // load elsewhere hits every figure alike.
    const rates = bestOfInterleaved(stored.length, {
      verifier: () => {
        const verifier = createStoredChainVerifier({ columns: false });
        for (const { bytes: b } of stored) verifier.push(b);
        if (!verifier.result().valid) throw new Error('benchmark chain does not verify');
      },
      hashOnly: () => {
        for (const b of bytes) createHash('sha256').update(b).digest('hex');
      },
      columns: () => {
        for (const { bytes: b, record } of stored) {
          if (!Buffer.from(canonicalEvent(record), 'utf8').equals(b.canonical))
            throw new Error('columns differ');
        }
      },
      full: () => {
        const verifier = createStoredChainVerifier();
        for (const { bytes: b, record } of stored) verifier.push(b, record);
        if (!verifier.result().valid) throw new Error('benchmark chain does not verify');
      },
      object: () => {
        const verifier = createChainVerifier();
        for (const record of records) verifier.push(record);
        if (!verifier.result().valid) throw new Error('benchmark chain does not verify');
      },
    });
    const verifierPerSecond = rates.verifier;
    const hashOnlyPerSecond = rates.hashOnly;
    const columnsCheckPerSecond = rates.columns;
    const fullVerifierPerSecond = rates.full;
    const objectVerifierPerSecond = rates.object;
    const started = performance.now();
    const storedChain = await verifyStoredChain(dataSource, 1000);
    const storedMs = performance.now() - started;
    if (!storedChain.valid) throw new Error('stored benchmark chain does not verify');

    return {
      name: 'audit',
      appends,
      verify: {
        events: records.length,
        verifierPerSecond,
        hashOnlyPerSecond,
        verifierToHashOnlyRatio: Math.round((verifierPerSecond / hashOnlyPerSecond) * 1000) / 1000,
        hashOnlyToVerifierRatio: Math.round((hashOnlyPerSecond / verifierPerSecond) * 100) / 100,
        columnsCheckPerSecond,
        fullVerifierPerSecond,
        objectVerifierPerSecond,
        storedChainPerSecond: perSecond(storedChain.length, storedMs),
      },
    };
  } finally {
    await sequencerProcess?.close();
    await dataSource.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await dataSource.destroy();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.argv[2]?.startsWith('postgres') ? process.argv[2] : loadConfig().database.url;
  if (url === undefined) {
    console.error('usage: audit.bench.js DATABASE_URL [appendsPerRun] [rounds] (or set DATABASE_URL)');
    process.exit(2);
  }
  const [count, rounds] = process.argv.filter((a, i) => i >= 2 && /^\d+$/.test(a)).map(Number);
  console.log(JSON.stringify(await benchAudit(url, count ?? 400, rounds ?? 3), null, 2));
}
