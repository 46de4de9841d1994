import { createRootLogger, loadConfig } from '@forge/config';
import { stopTracing } from '@forge/observability';
import { prepareRuntime } from '@forge/persistence';
import { startApi } from '../apps/api/src/api.bootstrap.js';
import { startWorker } from '../apps/worker/src/worker.bootstrap.js';

/** `npm start`: migrations, then the API and one worker in one process (the laptop and demo mode). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createRootLogger(config.logLevel, 'forge');
  const runtime = await prepareRuntime(config, (message) => logger.info(message));
  const worker = await startWorker(runtime, logger.child({ app: 'worker' }));
  const api = await startApi(runtime, logger.child({ app: 'api' }));
  logger.info(
    `FORGE Pipeline ready on http://${config.http.host}:${config.http.port} (queue backend: ${config.queue.backend}, database: ${runtime.embeddedDatabase ? 'embedded' : 'DATABASE_URL'})`,
  );
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: draining the API, then finishing in-flight jobs`);
    await api.close();
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
