import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus registry (`prom-client`): one per process, shared by the API and the worker when they
 * run in one process (`npm start`). Names follow Prometheus conventions: `forge_` prefix, base units (seconds),
 * `_total` for counters. The standard process and Node.js metrics (`process_*`, `nodejs_*`) come with it.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** HTTP requests answered, per method, route pattern (never the raw URL: ids would explode the series) and status. */
export const httpRequestsTotal = new Counter({
  name: 'forge_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpRequestDuration = new Histogram({
  name: 'forge_http_request_duration_seconds',
  help: 'HTTP request latency from the first byte received to the response sent, by method, route and status class',
  labelNames: ['method', 'route', 'status_class'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

/** Records one answered request; `route` is the matched pattern, or `unmatched` for 404s of unknown paths. */
export function observeHttpRequest(
  method: string,
  route: string | undefined,
  status: number,
  seconds: number,
): void {
  const pattern = route ?? 'unmatched';
  httpRequestsTotal.inc({ method, route: pattern, status: String(status) });
  httpRequestDuration.observe(
    { method, route: pattern, status_class: `${Math.floor(status / 100)}xx` },
    seconds,
  );
}

export const jobWaitSeconds = new Histogram({
  name: 'forge_queue_job_wait_seconds',
  help: 'Time a job waited in its queue before a worker took it (processedOn - timestamp)',
  labelNames: ['queue'] as const,
  buckets: JOB_BUCKETS,
  registers: [metricsRegistry],
});

export const jobProcessingSeconds = new Histogram({
  name: 'forge_queue_job_processing_seconds',
  help: 'Time a worker spent on a job attempt, by queue and outcome (completed, failed)',
  labelNames: ['queue', 'outcome'] as const,
  buckets: JOB_BUCKETS,
  registers: [metricsRegistry],
});

/** What BullMQ records on a job, in epoch milliseconds. */
export interface JobTimes {
  timestamp?: number;
  processedOn?: number;
  finishedOn?: number;
}

/** Records a finished job attempt (called from the worker's `completed` and `failed` events). */
export function observeJob(queue: string, outcome: 'completed' | 'failed', job: JobTimes | undefined): void {
  if (!job?.processedOn) return;
  if (job.timestamp) jobWaitSeconds.observe({ queue }, Math.max(0, job.processedOn - job.timestamp) / 1000);
  if (job.finishedOn) {
    jobProcessingSeconds.observe({ queue, outcome }, Math.max(0, job.finishedOn - job.processedOn) / 1000);
  }
}

/**
 * A gauge read at scrape time (database or queue state): registered once per process. Each `owner` (an API or a
 * worker module; both in one process under `npm start`) adds its `read`; their samples are merged (the same
 * labels read twice simply agree). A failing read contributes nothing to that scrape instead of failing it.
 */
export function scrapeGauge<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  owner: object,
  read: () => Promise<Array<{ labels?: Partial<Record<L, string>>; value: number }>>,
): void {
  let owners = readers.get(name);
  if (!owners) {
    owners = new Map();
    readers.set(name, owners);
  }
  owners.set(owner, read as Reader);
  if (metricsRegistry.getSingleMetric(name)) return;
  new Gauge({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      // Every owner's read starts now, synchronously (the registry starts each metric's collect in registration
      // order): a read that needs no I/O (the pool's counters) sees the process before this scrape's queries.
      const reads = [...(readers.get(name)?.values() ?? [])].map((current) => {
        try {
          return current();
        } catch (error) {
          return Promise.reject(error);
        }
      });
      for (const outcome of await Promise.allSettled(reads)) {
        // Unreadable now (database away): no sample; /health/ready reports the outage.
        if (outcome.status === 'rejected') continue;
        for (const sample of outcome.value) {
          if (sample.labels && Object.keys(sample.labels).length > 0) {
            this.set(sample.labels as Partial<Record<L, string>>, sample.value);
          } else this.set(sample.value);
        }
      }
    },
  });
}

type Reader = () => Promise<Array<{ labels?: Record<string, string>; value: number }>>;
const readers = new Map<string, Map<object, Reader>>();

/** Stops every scrape gauge read of `owner` (it shut down). */
export function forgetScrapeGauges(owner: object): void {
  for (const owners of readers.values()) owners.delete(owner);
}

/** The exposition text and its content type. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

let metricsServer: Promise<Server> | undefined;

/**
 * Serves `GET /metrics` without credentials on a port of its own (METRICS_PORT, bound to METRICS_HOST), for a
 * Prometheus on a trusted network; the API's own `/metrics` needs an admin. Once per process.
 */
export function startMetricsServer(port: number, host: string): Promise<Server> {
  metricsServer ??= new Promise((resolve, reject) => {
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      renderMetrics().then(
        ({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(body),
        () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
      );
    });
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
  return metricsServer;
}

/** Closes the metrics listener (tests, shutdown). */
export async function stopMetricsServer(): Promise<void> {
  const server = await metricsServer?.catch(() => undefined);
  metricsServer = undefined;
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
}
