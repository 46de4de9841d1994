import { createRootLogger, loadConfig } from '@forge/config';
import { stopTracing } from '@forge/observability';
import { prepareRuntime } from '@forge/application';
import { startWorker } from './worker.bootstrap.js';

/** `npm run start:worker`: one worker process (run as many as the load needs). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createRootLogger(config.logLevel, 'forge-worker');
  const runtime = await prepareRuntime(config, (message) => logger.info(message));
  const worker = await startWorker(runtime, logger);
  logger.info(`worker started (queue backend: ${config.queue.backend})`);
  const shutdown = async (signal: string) => {
    logger.info(`${signal}: finishing in-flight jobs`);
    await worker.close();
    await runtime.stop();
    await stopTracing();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
