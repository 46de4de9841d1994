import { createRootLogger, loadConfig } from '@forge/config';
import { stopTracing } from '@forge/observability';
import { prepareRuntime } from '@forge/application';
import { startApi } from './api.bootstrap.js';

/** `npm run start:api`: the HTTP API alone (run any number of them behind a load balancer). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createRootLogger(config.logLevel, 'forge-api');
  const runtime = await prepareRuntime(config, (message) => logger.info(message));
  const app = await startApi(runtime, logger);
  logger.info(`API listening on http://${config.http.host}:${config.http.port}`);
  const shutdown = async (signal: string) => {
    logger.info(`${signal}: draining HTTP connections`);
    await app.close();
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
