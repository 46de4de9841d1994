import 'reflect-metadata';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Logger } from 'pino';
import { createRootLogger, PinoNestLogger } from '@forge/config';
import { type Runtime } from '@forge/application';
import { startMetricsServer, startTracing } from '@forge/observability';
import { WorkerModule } from './worker.module.js';

/**
 * The worker: a Nest application context with no HTTP server. It relays the outbox and runs the processors.
 * Closing it stops the relay and closes the BullMQ workers, which finish their in-flight jobs first.
 */
export async function startWorker(runtime: Runtime, logger?: Logger): Promise<INestApplicationContext> {
  const log = logger ?? createRootLogger(runtime.config.logLevel, 'forge-worker');
  // Traces (OTEL_*), before the relay and the processors start (once per process).
  const { tracing } = runtime.config;
  if (tracing.enabled) await startTracing({ serviceName: tracing.serviceName });
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime), {
    logger: new PinoNestLogger(log),
  });
  await context.init();
  // A worker running alone exposes its job metrics on its own port (once per process).
  const { metrics } = runtime.config;
  if (metrics.port !== undefined) await startMetricsServer(metrics.port, metrics.host);
  return context;
}
