import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Logger } from 'pino';
import { createRootLogger, PinoNestLogger } from '@forge/config';
import { type Runtime } from '@forge/persistence';
import { ApiModule } from './app.module.js';
import { registerRequestAuthentication } from './auth/request-authentication.js';
import { createValidationPipe } from './common/validation.js';
import { setupOpenApi } from './openapi.js';

/** Builds the HTTP app (Fastify) without listening: used by main, the launcher and the e2e tests. */
export async function createApiApp(runtime: Runtime, logger?: Logger): Promise<NestFastifyApplication> {
  const log = logger ?? createRootLogger(runtime.config.logLevel, 'forge-api');
  const adapter = new FastifyAdapter({
    loggerInstance: log,
    bodyLimit: runtime.config.http.maxBodyBytes,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: runtime.config.http.trustProxy,
  });
  const routes: RegisteredRoute[] = [];
  adapter.getInstance().addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method: String(method), url: route.url });
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(runtime), adapter, {
    logger: new PinoNestLogger(log),
    bufferLogs: false,
  });
  // Security headers on every answer (HSTS, nosniff, frame-ancestors 'none', no referrer, CSP for /docs).
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  // The console's session cookie (parsed before the authentication hook).
  await app.register(cookie);
  // Per-IP limit, authentication (once per request), per-user limit: before routing and body parsing.
  registerRequestAuthentication(app);
  app.setGlobalPrefix('api/v1', { exclude: ['health/live', 'health/ready'] });
  app.useGlobalPipes(createValidationPipe());
  setupOpenApi(app, { ui: runtime.config.env !== 'test' });
  // Echo the request id so a caller can quote it to the on-call engineer.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      void reply.header('x-request-id', request.id);
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
  const app = await createApiApp(runtime, logger);
  await app.listen(runtime.config.http.port, runtime.config.http.host);
  return app;
}
