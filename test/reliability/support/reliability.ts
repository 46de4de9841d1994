import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Queue } from 'bullmq';
import {
  ForgeCluster,
  waitFor,
  freePort,
  postgresServer,
  RedisServer,
  round,
  type ForgeProcess,
  type PostgresServer,
} from '../../../bench/cluster.js';
import { SEQUENCER_APPLICATION_NAME, verifyStoredChain } from '../../../libs/audit/src/index.js';

/** Sizes: CI keeps the suite short; RELIABILITY_FULL=1 (or RELIABILITY_APPS) runs the 500. */
export const FULL = process.env.RELIABILITY_FULL === '1';
export const APPS = Number(process.env.RELIABILITY_APPS ?? (FULL ? 500 : 120));

/** What every fault reports (issue 9): lost and duplicate effects must be 0. */
export interface FaultReport {
  fault: string;
  applications: number;
  accepted: number;
  rejectedFast: number;
  completed: number;
  lost: number;
  duplicateEffects: number;
  duplicateExecutions: number;
  recoveryMs: number;
  notes: Record<string, unknown>;
}

export function writeReport(report: FaultReport): void {
  const dir = process.env.RELIABILITY_REPORT_DIR ?? join(tmpdir(), 'forge-reliability');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `reliability-${report.fault}.json`), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`[reliability] ${JSON.stringify(report)}`);
}

export interface Harness {
  postgres: PostgresServer;
  redis: RedisServer;
  cluster: ForgeCluster;
  close(): Promise<void>;
}

/** Worker tuning shortened so stalled jobs come back within seconds. */
export const FAST_RECOVERY_ENV = {
  WORKER_LOCK_DURATION_MS: '2000',
  WORKER_STALLED_INTERVAL_MS: '1000',
  WORKER_CONCURRENCY: '4',
  OUTBOX_POLL_INTERVAL_MS: '100',
};

export async function harness(
  name: string,
  env: Record<string, string> = {},
  options: { durableRedis?: boolean } = {},
): Promise<Harness> {
  const postgres = await postgresServer(process.env.FORGE_RELIABILITY_ADMIN_URL);
  const redis = new RedisServer(
    await freePort(),
    options.durableRedis ? mkdtempSync(join(tmpdir(), 'forge-redis-')) : undefined,
  );
  await redis.start();
  const cluster = await ForgeCluster.create({
    name,
    queueBackend: 'redis',
    redisUrl: redis.url,
    postgres,
    env: { ...FAST_RECOVERY_ENV, ...env },
  });
  return {
    postgres,
    redis,
    cluster,
    async close() {
      await Promise.all([...supervisors].map((s) => s.stop()));
      await cluster.close().catch(() => {});
      await redis.kill();
      await postgres.stop();
    },
  };
}

/** Effects that must happen exactly once per application, counted from the audit trail and the tables. */
export async function duplicateEffects(cluster: ForgeCluster): Promise<{ total: number; detail: unknown[] }> {
  const { rows } = await cluster.pool.query(
    `SELECT action, application_id, count(*)::int AS n FROM audit_events
      WHERE action IN ('application.submitted', 'screening.completed', 'risk.assessed')
      GROUP BY action, application_id HAVING count(*) > 1`,
  );
  const { rows: assessments } = await cluster.pool.query(
    `SELECT application_id, count(*)::int AS n FROM risk_assessments GROUP BY application_id HAVING count(*) > 1`,
  );
  const { rows: transitions } = await cluster.pool.query(
    `SELECT application_id, count(*)::int AS n FROM audit_events
      WHERE action = 'application.stage_changed' AND after->>'stage' = 'screening'
      GROUP BY application_id HAVING count(*) > 1`,
  );
  const detail = [...rows, ...assessments, ...transitions];
  return { total: detail.reduce((sum, row) => sum + (row.n - 1), 0), detail: detail.slice(0, 10) };
}

/** Executions beyond the first, from BullMQ's own counters (attemptsStarted), over the product's queues. */
export async function duplicateExecutions(cluster: ForgeCluster, redisUrl: string): Promise<number> {
  const url = new URL(redisUrl);
  let extra = 0;
  for (const name of ['screening', 'risk-scoring']) {
    const queue = new Queue(name, {
      connection: { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: 1 },
      prefix: cluster.queuePrefix,
    });
    queue.on('error', () => {});
    try {
      const jobs = await queue.getJobs(['completed', 'failed', 'active', 'wait', 'delayed'], 0, -1);
      for (const job of jobs) extra += Math.max(0, (job.attemptsStarted ?? 1) - 1);
    } finally {
      await queue.close();
    }
  }
  return extra;
}

/** Applications that are screened and have exactly one current assessment (the end state of this flow). */
export async function screenedAndScored(cluster: ForgeCluster, ids: string[]): Promise<number> {
  return cluster.processedCount(ids);
}

/** Every application view says the assessment is current (asked through the API, like a user would). */
export async function currentAssessments(
  cluster: ForgeCluster,
  api: ForgeProcess,
  token: string,
  ids: string[],
): Promise<number> {
  let current = 0;
  for (const id of ids) {
    const view = await cluster.request(api, 'GET', `/api/v1/applications/${id}`, { token });
    if (view.status === 200 && view.body.latestRiskAssessment?.current === true) current += 1;
  }
  return current;
}

/** A supervisor: restarts a worker process whenever one dies, until stopped; counts restarts. */
const supervisors = new Set<{ stop(): Promise<void> }>();

export function supervise(
  cluster: ForgeCluster,
  count: number,
): { restarts: number; ready(): ForgeProcess[]; stop(): Promise<void> } {
  const ready = new Set<ForgeProcess>();
  let running = true;
  let failedBoots = 0;
  const state = { restarts: 0 };
  const loops: Promise<void>[] = [];
  const keepOne = async (): Promise<void> => {
    while (running) {
      const proc = await cluster.startWorker({}, true).catch(() => undefined);
      if (!proc) {
        // A worker that cannot boot (database gone, broken build) is not restarted forever.
        if (++failedBoots >= 5) running = false;
        continue;
      }
      failedBoots = 0;
      ready.add(proc);
      if (!running) {
        await cluster.stop(proc, 'SIGTERM');
        return;
      }
      await proc.exited;
      ready.delete(proc);
      if (running) state.restarts += 1;
    }
  };
  for (let i = 0; i < count; i++) loops.push(keepOne());
  const handle = {
    get restarts() {
      return state.restarts;
    },
    ready: () => [...ready],
    async stop() {
      running = false;
      supervisors.delete(handle);
      await Promise.all(cluster.alive('worker').map((p) => cluster.stop(p, 'SIGTERM')));
      await Promise.all(loops);
    },
  };
  supervisors.add(handle);
  return handle;
}

export { round };

/**
 * Inconsistencies between the applications and the decision trail: a command is one transaction, so an
 * application exists iff its `application.created` event does, and it left draft iff `application.submitted`
 * is recorded exactly once.
 */
export async function halfWrittenCommands(cluster: ForgeCluster): Promise<unknown[]> {
  const { rows } = await cluster.pool.query(
    `SELECT a.id, a.stage, a.version,
            (SELECT count(*)::int FROM audit_events e WHERE e.application_id = a.id AND e.action = 'application.created') AS created,
            (SELECT count(*)::int FROM audit_events e WHERE e.application_id = a.id AND e.action = 'application.submitted') AS submitted
       FROM applications a`,
  );
  const { rows: orphans } = await cluster.pool.query(
    `SELECT e.action, e.application_id FROM audit_events e
      WHERE e.application_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.id = e.application_id)`,
  );
  const { rows: jobless } = await cluster.pool.query(
    `SELECT a.id FROM applications a WHERE a.stage <> 'draft'
        AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.payload->>'applicationId' = a.id::text)`,
  );
  return [
    ...rows.filter((r) => r.created !== 1 || r.submitted !== (r.stage === 'draft' ? 0 : 1)),
    ...orphans,
    ...jobless.map((r) => ({ submittedWithoutJob: r.id })),
  ];
}

/** Where the applications and jobs stand (for failure messages): stages, unsent outbox rows, failed jobs. */
export async function diagnose(cluster: ForgeCluster, redisUrl: string): Promise<Record<string, unknown>> {
  const { rows: stages } = await cluster.pool.query(
    `SELECT stage, (screening IS NOT NULL) AS screened,
            EXISTS (SELECT 1 FROM risk_assessments r WHERE r.application_id = a.id) AS scored, count(*)::int AS n
       FROM applications a GROUP BY 1, 2, 3`,
  );
  const { rows: outbox } = await cluster.pool.query(
    `SELECT queue, count(*)::int AS n, count(sent_at)::int AS sent FROM outbox GROUP BY queue`,
  );
  const url = new URL(redisUrl);
  const jobs: Record<string, unknown> = {};
  for (const name of ['screening', 'risk-scoring']) {
    const queue = new Queue(name, {
      connection: { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: 1 },
      prefix: cluster.queuePrefix,
    });
    queue.on('error', () => {});
    try {
      const failed = await queue.getJobs(['failed'], 0, 5);
      jobs[name] = {
        counts: await queue.getJobCounts(),
        failed: failed.map((j) => ({
          id: j.id,
          reason: j.failedReason?.slice(0, 300),
          attempts: j.attemptsMade,
        })),
      };
    } catch (error) {
      jobs[name] = String(error);
    } finally {
      await queue.close();
    }
  }
  return { stages, outbox, jobs };
}

/**
 * The live worker whose audit sequencer is placing a batch now: the session holding the sequencer's advisory lock
 * names its process (`forge-audit-sequencer:<pid>`, transaction-local). Looks for up to `withinMs` (a batch lasts
 * milliseconds; fault pacing, not synchronisation); undefined when none was caught.
 */
export async function sequencerLeader(
  cluster: ForgeCluster,
  live: ForgeProcess[],
  withinMs: number,
): Promise<ForgeProcess | undefined> {
  const prefix = SEQUENCER_APPLICATION_NAME.slice(0, SEQUENCER_APPLICATION_NAME.lastIndexOf(':') + 1);
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const { rows } = await cluster.pool.query(
      `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = 7204701
          AND a.application_name LIKE $1`,
      [`${prefix}%`],
    );
    const pid = Number((rows[0]?.application_name as string | undefined)?.slice(prefix.length));
    const leader = live.find((proc) => proc.child.pid === pid);
    if (leader) return leader;
  }
  return undefined;
}

/**
 * The decision trail once the sequencers have caught up: waits until no committed event is pending, then
 * recomputes the whole stored chain (gap-free seq, links, hashes, columns against bytes).
 */
export async function auditTrailSettled(cluster: ForgeCluster): Promise<{
  events: number;
  pending: number;
  valid: boolean;
  length: number;
  firstInvalidSeq: number | null;
}> {
  const counts = async () =>
    (
      await cluster.pool.query(
        `SELECT count(*)::int AS events, count(*) FILTER (WHERE seq IS NULL)::int AS pending FROM audit_events`,
      )
    ).rows[0] as { events: number; pending: number };
  await waitFor('every audit event sequenced', async () => (await counts()).pending === 0, 30_000, 100);
  const { events, pending } = await counts();
  const verdict = await verifyStoredChain({
    query: async <T>(sql: string, params?: unknown[]) => (await cluster.pool.query(sql, params)).rows as T,
  });
  return {
    events,
    pending,
    valid: verdict.valid,
    length: verdict.length,
    firstInvalidSeq: verdict.firstInvalidSeq,
  };
}
