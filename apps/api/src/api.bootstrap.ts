import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory, Reflector } from '@nestjs/core';
import cookie from '@fastify/cookie';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { type Logger } from 'pino';
import { createRootLogger, PinoNestLogger } from '@forge/config';
import { type Runtime } from '@forge/application';
import { observeHttpRequest, startMetricsServer, startTracing } from '@forge/observability';
import { ApiModule } from './app.module.js';
import { registerRequestAuthentication } from './auth/request-authentication.js';
import { registerConsole } from './console/console-static.js';
import { registerHttpTracing } from './operations/http-tracing.js';
import { registerQueueDashboard } from './operations/queue-dashboard.js';
import { fastifyProblem, problemInstance } from './common/problem-details.js';
import { RequestBodyGuard } from './common/request-body.guard.js';
import {
  registerResponseHeaders,
  SECURITY_HEADER_OPTIONS,
  securityHeaders,
} from './common/security-headers.js';
import { createValidationPipe } from './common/validation.js';
import { setupOpenApi } from './openapi.js';

export const API_PREFIX = 'api/v1';
export const API_PREFIX_EXCLUDE = ['health/live', 'health/ready', 'metrics'];

/** A client's `X-Request-Id` is kept only when short and safe (it is echoed, logged and audited). */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The request id: the client's `X-Request-Id` when it is 1–64 of `[A-Za-z0-9._-]`, else a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Errors the router raises before any hook or handler (a URL that is not valid percent-encoding, a path
 * parameter over `maxParamLength`): problem+json with a stable code and the request id, never the URL.
 * Hooks do not run for them, so the headers helmet and the request-id hook would add are set here.
 */
function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const body = fastifyProblem(error.statusCode ?? 400, error.code);
  void reply
    .status(body.status)
    .header('content-type', 'application/problem+json')
    .header('x-request-id', request.id)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
    .header('cache-control', 'no-store')
    .send({ ...body, instance: problemInstance(request.id) });
}

/** Builds the HTTP app (Fastify) without listening: used by main, the launcher and the e2e tests. */
export async function createApiApp(runtime: Runtime, logger?: Logger): Promise<NestFastifyApplication> {
  const log = logger ?? createRootLogger(runtime.config.logLevel, 'forge-api');
  const adapter = new FastifyAdapter({
    loggerInstance: log,
    bodyLimit: runtime.config.http.maxBodyBytes,
    requestIdHeader: false,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) =>
      requestIdFrom(request.headers['x-request-id']),
    trustProxy: runtime.config.http.trustProxy,
    frameworkErrors: answerFrameworkError,
  });
  // Only JSON bodies (Fastify's own parser, with its prototype-poisoning protection) and, on upload routes,
  // multipart: Fastify's text/plain parser is removed and Nest's JSON and form-encoded parsers are not
  // registered (`bodyParser: false`), so any other media type is 415 before a handler runs.
  adapter.getInstance().removeContentTypeParser('text/plain');
  // First hook of all: the request's span is active for everything after it (OpenTelemetry; no-op when off).
  registerHttpTracing(adapter.getInstance());
  const routes: RegisteredRoute[] = [];
  adapter.getInstance().addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method: String(method), url: route.url });
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(runtime), adapter, {
    logger: new PinoNestLogger(log),
    bufferLogs: false,
    bodyParser: false,
  });
  // Security headers (helmet's, computed once) and the request id on every answer: one synchronous hook
  // (common/security-headers.ts).
  registerResponseHeaders(app.getHttpAdapter().getInstance(), securityHeaders(SECURITY_HEADER_OPTIONS));
  // The console's session cookie (parsed before the authentication hook).
  await app.register(cookie);
  // The console's static files at `/` (security headers above apply to them; the API's limits do not).
  registerConsole(app, runtime.config.console.dir);
  // Per-IP limit, authentication (once per request), per-user limit: before routing and body parsing.
  await registerRequestAuthentication(app);
  // Bull Board at /admin/queues, for admins (after authentication, outside the API prefix).
  await registerQueueDashboard(app);
  app.setGlobalPrefix(API_PREFIX, { exclude: API_PREFIX_EXCLUDE });
  // Every body, on every route: a media type the route takes, a JSON object, not absurdly nested. Appended to the
  // global guards, so it runs after the authentication guard (an APP_GUARD, applied when the app was created).
  app.useGlobalGuards(new RequestBodyGuard(app.get(Reflector)));
  app.useGlobalPipes(createValidationPipe());
  setupOpenApi(app, { ui: runtime.config.env !== 'test' });
  // Rate, errors and latency per route pattern (/metrics); callback-style: no promise per request.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      observeHttpRequest(
        request.method,
        request.routeOptions?.url,
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
      done();
    });
  ROUTES.set(app, routes);
  return app;
}

export interface RegisteredRoute {
  method: string;
  url: string;
}

const ROUTES = new WeakMap<object, RegisteredRoute[]>();

/** Every route Fastify registered for this app (filled as routes register): for the OpenAPI and security tests. */
export function registeredRoutes(app: NestFastifyApplication): RegisteredRoute[] {
  return [...(ROUTES.get(app) ?? [])];
}

export async function startApi(runtime: Runtime, logger?: Logger): Promise<NestFastifyApplication> {
  const { tracing } = runtime.config;
  if (tracing.enabled) await startTracing({ serviceName: tracing.serviceName });
  const app = await createApiApp(runtime, logger);
  await app.listen(runtime.config.http.port, runtime.config.http.host);
  const { metrics } = runtime.config;
  if (metrics.port !== undefined) await startMetricsServer(metrics.port, metrics.host);
  return app;
}
