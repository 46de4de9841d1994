import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTracing, stopTracing } from '../../../libs/observability/src/index.js';
import { loadConfig } from '../../../libs/config/src/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createSubmitted } from '../applications/support.js';

/** Polls a condition (no fixed sleeps): resolves with its value once truthy, fails after `timeoutMs`. */
async function until<T>(
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The chain of span names from `span` up to its trace's root, within the exported spans. */
function ancestry(spans: ReadableSpan[], span: ReadableSpan): ReadableSpan[] {
  const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
  const chain = [span];
  for (;;) {
    const parentId = chain[chain.length - 1]!.parentSpanContext?.spanId;
    const parent = parentId ? byId.get(parentId) : undefined;
    if (!parent) return chain;
    chain.push(parent);
  }
}

// Issue 19: a request's trace continues through the outbox into the job it caused (OpenTelemetry, W3C context).
describe('operations: traces from the request through the outbox into the job', () => {
  const exporter = new InMemorySpanExporter();
  let t: TestApp;

  beforeAll(async () => {
    await startTracing({
      serviceName: 'forge-test',
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    t = await createTestApp({ queueBackend: 'redis', withWorker: true });
  });
  afterAll(async () => {
    await t?.close();
    await stopTracing();
  });

  it('runs the screening job a submission queued in a span whose parent chain reaches the request', async () => {
    const sponsor = await t.createUser(['sponsor']);
    const submitted = await createSubmitted(t, sponsor);
    const rows: Array<{ trace_context: { traceparent: string } | null }> = await t.db.dataSource.query(
      `SELECT trace_context FROM outbox WHERE queue = 'screening' AND payload->>'applicationId' = $1`,
      [submitted.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.trace_context?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

    const job = await until(
      () =>
        exporter
          .getFinishedSpans()
          .find(
            (span) =>
              span.name === 'process screening' &&
              span.attributes['messaging.message.id'] !== undefined &&
              rows[0]!.trace_context!.traceparent.includes(span.spanContext().traceId),
          ),
      'the screening job span',
    );
    const spans = exporter.getFinishedSpans();
    const request = spans.find(
      (span) =>
        span.name === 'POST /api/v1/applications/:id/submit' &&
        span.spanContext().traceId === job.spanContext().traceId,
    );
    expect(request).toBeDefined();
    expect(request!.attributes['http.response.status_code']).toBe(200);
    expect(request!.parentSpanContext).toBeUndefined();

    const chain = ancestry(spans, job).map((span) => span.name);
    expect(chain[0]).toBe('process screening');
    expect(chain[1]).toBe('send screening');
    expect(chain).toContain('db.transaction');
    expect(chain).toContain('application.command');
    expect(chain[chain.length - 1]).toBe('POST /api/v1/applications/:id/submit');
    for (const span of ancestry(spans, job))
      expect(span.spanContext().traceId).toBe(request!.spanContext().traceId);
    // The job's own work (its transaction) is a child of the job's span.
    expect(
      spans.some(
        (span) =>
          span.name === 'db.transaction' && span.parentSpanContext?.spanId === job.spanContext().spanId,
      ),
    ).toBe(true);
  });

  it("continues a caller's traceparent and names spans by route pattern, never the raw URL", async () => {
    const sponsor = await t.createUser(['sponsor']);
    const submitted = await createSubmitted(t, sponsor);
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await t.request('GET', `/api/v1/applications/${submitted.id}`, {
      token: sponsor.token,
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    const span = await until(
      () => exporter.getFinishedSpans().find((s) => s.spanContext().traceId === traceId),
      'the GET span',
    );
    expect(span.name).toBe('GET /api/v1/applications/:id');
    expect(span.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(exporter.getFinishedSpans().some((s) => s.name.includes(submitted.id))).toBe(false);
  });

  it('is off unless an OTLP endpoint or a traces exporter is configured', () => {
    expect(loadConfig({}).tracing.enabled).toBe(false);
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing.enabled).toBe(true);
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'console' }).tracing.enabled).toBe(true);
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'none' }).tracing.enabled).toBe(false);
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }).tracing
        .enabled,
    ).toBe(false);
  });
});
