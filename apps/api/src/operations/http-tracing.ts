import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { contextFromCarrier, tracer } from '@forge/observability';

const SPAN = Symbol('forge.httpSpan');
type Traced = FastifyRequest & { [SPAN]?: Span };

/**
 * One SERVER span per HTTP request (docs/operations.md, "Traces"), named `<METHOD> <route pattern>` (never the raw
 * URL: ids stay out of span names), continuing a caller's W3C `traceparent` when one is sent (a load balancer or
 * a traced client). The hook is callback-style and calls `done` inside the span's context, so every later hook,
 * the guard, the handler and the command it runs (transaction, outbox row) see the span as active; the span ends
 * when the response is sent or the client goes away. Health probes are not traced. A no-op while tracing is off.
 */
export function registerHttpTracing(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    if (request.url.startsWith('/health/')) return done();
    const route = request.routeOptions?.url;
    const span = tracer().startSpan(
      route ? `${request.method} ${route}` : request.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          ...(route ? { 'http.route': route } : {}),
          'url.path': request.url.split('?')[0].slice(0, 512),
          'forge.request_id': request.id,
        },
      },
      contextFromCarrier(request.headers),
    );
    (request as Traced)[SPAN] = span;
    context.with(trace.setSpan(context.active(), span), done);
  });
  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const span = (request as Traced)[SPAN];
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  fastify.addHook('onRequestAbort', async (request: FastifyRequest) => {
    const span = (request as Traced)[SPAN];
    if (!span) return;
    span.setAttribute('forge.aborted', true);
    span.end();
  });
}
