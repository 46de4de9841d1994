import { loadConfig } from '@forge/config';
import { prepareRuntime } from '@forge/persistence';

/** `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database) and exits. */
async function main(): Promise<void> {
  const runtime = await prepareRuntime(loadConfig(), (message) => console.log(message), { migrate: true });
  console.log('migrations are up to date');
  await runtime.stop();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
