import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '@forge/observability';
import { type ApiClient } from './api-client.js';

/** The series docs/operations.md shows: what an operator reads first. */
const SHOWN = [
  /^forge_http_requests_total\{method="POST",route="\/api\/v1\/applications\/:id\/transitions"/,
  /^forge_queue_job_processing_seconds_count\{/,
  /^forge_queue_jobs\{queue="screening"/,
  /^forge_outbox_lag_seconds /,
  /^forge_audit_events_unsigned /,
  /^forge_audit_checkpoint_age_seconds /,
  /^forge_db_pool_connections\{/,
];

const SUBMIT = 'POST /api/v1/applications/:id/submit';

/**
 * The demo records its spans in memory (OpenTelemetry, the same spans an OTLP exporter would send) so it can print
 * one trace at the end. Started before the worker and the API; with tracing on, their own start is a no-op.
 */
export async function startDemoTracing(): Promise<InMemorySpanExporter> {
  const exporter = new InMemorySpanExporter();
  await startTracing({ serviceName: 'forge-demo', spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return exporter;
}

/**
 * Issue 19: the metrics an operator scrapes (read once as the admin at the end of the run), the queue dashboard,
 * and one trace: a sponsor's submission through the outbox into the screening job it caused.
 */
export async function runOperationsDemo(
  client: ApiClient,
  adminToken: string,
  say: (line: string) => void,
  traces?: InMemorySpanExporter,
): Promise<void> {
  const text = await client.call<string>('GET', '/metrics', { token: adminToken });
  const lines = String(text)
    .split('\n')
    .filter((line) => SHOWN.some((pattern) => pattern.test(line)));
  say('\nMetrics (GET /metrics as the admin; docs/operations.md)');
  for (const line of lines) say(`  ${line}`);

  const board = await client.call<{ queues: Array<{ name: string; counts: Record<string, number> }> }>(
    'GET',
    '/admin/queues/api/queues',
    { token: adminToken },
  );
  say(`\nQueue dashboard (Bull Board, admins only): ${client.baseUrl}/admin/queues`);
  for (const queue of board.queues) {
    const counts = Object.entries(queue.counts)
      .filter(([, count]) => count > 0)
      .map(([state, count]) => `${state} ${count}`);
    say(`  ${queue.name.padEnd(20)} ${counts.join(', ') || 'empty'}`);
  }

  if (!traces) return;
  const spans = traces.getFinishedSpans();
  const trace = spans
    .filter((span) => span.name === SUBMIT)
    .map((root) => spans.filter((span) => span.spanContext().traceId === root.spanContext().traceId))
    .find((members) => members.some((span) => span.name === 'process screening'));
  say('\nOne trace (OpenTelemetry): a submission, through the outbox, into its screening job');
  if (!trace) {
    say('  (no submission trace with its screening job was recorded)');
    return;
  }
  for (const line of spanTree(trace)) say(`  ${line}`);
}

/** The spans of one trace as an indented tree: name, duration and start offset from the root. */
export function spanTree(spans: ReadableSpan[]): string[] {
  const children = new Map<string | undefined, ReadableSpan[]>();
  const ids = new Set(spans.map((span) => span.spanContext().spanId));
  for (const span of spans) {
    const parent = span.parentSpanContext?.spanId;
    const key = parent && ids.has(parent) ? parent : undefined;
    children.set(key, [...(children.get(key) ?? []), span]);
  }
  const millis = (time: [number, number]) => time[0] * 1000 + time[1] / 1e6;
  const roots = children.get(undefined) ?? [];
  const origin = Math.min(...roots.map((span) => millis(span.startTime)));
  const lines: string[] = [];
  const walk = (span: ReadableSpan, depth: number) => {
    const duration = millis(span.duration).toFixed(1);
    const start = (millis(span.startTime) - origin).toFixed(1);
    lines.push(`${'  '.repeat(depth)}${span.name}  ${duration} ms  (at +${start} ms)`);
    const kids = (children.get(span.spanContext().spanId) ?? []).sort(
      (a, b) => millis(a.startTime) - millis(b.startTime),
    );
    for (const child of kids) walk(child, depth + 1);
  };
  for (const root of roots) walk(root, 0);
  return lines;
}
