import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { type NodeSDK } from '@opentelemetry/sdk-node';
import { type SpanProcessor } from '@opentelemetry/sdk-trace-base';

export { SpanKind, type Span } from '@opentelemetry/api';

/**
 * OpenTelemetry traces (docs/operations.md, "Traces"). Spans are made explicitly with `@opentelemetry/api`
 * (the code runs as ESM, where the require-hook auto-instrumentations mostly see nothing): the HTTP request
 * (a Fastify hook), the application command and its database transaction, the outbox relay's hand-over to
 * BullMQ and the job's processing in a worker. Without a started SDK every call here is the API's no-op.
 */
const TRACER_NAME = 'forge-pipeline';

/** The W3C trace context of a span, as stored with an outbox row and carried in a job's data. */
export interface TraceCarrier {
  traceparent: string;
  tracestate?: string;
}

export function tracer() {
  return trace.getTracer(TRACER_NAME);
}

/** The active span's W3C trace context (`traceparent`, `tracestate`), or undefined when nothing is traced. */
export function currentTraceCarrier(active: Context = context.active()): TraceCarrier | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(active, carrier);
  if (typeof carrier.traceparent !== 'string') return undefined;
  return carrier.tracestate
    ? { traceparent: carrier.traceparent, tracestate: carrier.tracestate }
    : { traceparent: carrier.traceparent };
}

/**
 * The context a stored carrier (outbox row, job data, an HTTP request's headers) continues; the root context when
 * there is none or it is malformed (the propagator ignores a bad `traceparent`), so a job never inherits whatever
 * happened to be active in the worker.
 */
export function contextFromCarrier(carrier: unknown): Context {
  if (!carrier || typeof carrier !== 'object') return ROOT_CONTEXT;
  const fields: Record<string, string> = {};
  for (const key of ['traceparent', 'tracestate'] as const) {
    const value = (carrier as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.length <= 512) fields[key] = value;
    else if (Array.isArray(value) && typeof value[0] === 'string') fields[key] = value[0];
  }
  return propagation.extract(ROOT_CONTEXT, fields);
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** The parent context; default: the active one. */
  parent?: Context;
}

/**
 * Runs `work` in a new active span (child of `options.parent` or of the active span): an exception is recorded
 * on the span, which ends when `work` settles.
 */
export function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer().startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    parent,
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        failSpan(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Marks a span failed with the error (its exception event and status). */
export function failSpan(span: Span, error: unknown): void {
  const exception = error instanceof Error ? error : new Error(String(error));
  span.recordException(exception);
  span.setStatus({ code: SpanStatusCode.ERROR, message: exception.message.slice(0, 200) });
}

export interface TracingOptions {
  /** `service.name` (libs/config: OTEL_SERVICE_NAME, default `forge-pipeline`). */
  serviceName?: string;
  /** Span processors instead of the exporter the OTEL_* variables configure (tests: an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
}

let sdk: NodeSDK | undefined;

/**
 * Starts the OpenTelemetry Node SDK once per process (the API and a worker share it under `npm start`): traces
 * only, exported as the OTEL_* variables say (OTLP over http/protobuf by default: OTEL_EXPORTER_OTLP_ENDPOINT,
 * OTEL_EXPORTER_OTLP_TRACES_PROTOCOL, OTEL_TRACES_SAMPLER, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES…), W3C
 * trace context and baggage propagation (OTEL_PROPAGATORS). Metrics stay with prom-client (/metrics), so no OTel meter is set up.
 */
export async function startTracing(options: TracingOptions = {}): Promise<void> {
  if (sdk) return;
  // Loaded on demand: the SDK and its exporters are heavy, and most processes never trace.
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  if (sdk) return;
  sdk = new NodeSDK({
    serviceName: options.serviceName ?? 'forge-pipeline',
    ...(options.spanProcessors ? { spanProcessors: options.spanProcessors } : {}),
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
}

/** Flushes and stops the SDK (shutdown, tests), and unregisters it so a later `startTracing` starts afresh. */
export async function stopTracing(): Promise<void> {
  const current = sdk;
  sdk = undefined;
  if (!current) return;
  await current.shutdown().catch(() => undefined);
  trace.disable();
  context.disable();
  propagation.disable();
}

export function tracingStarted(): boolean {
  return sdk !== undefined;
}
