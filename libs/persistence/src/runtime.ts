import { type AppConfig } from '@forge/config';
import { createDataSource, runMigrations } from './data-source.js';
import { openDatabase } from './embedded-database.js';

export interface Runtime {
  config: AppConfig;
  databaseUrl: string;
  embeddedDatabase: boolean;
  /** Stops what the runtime started (the embedded database); call after the apps closed. */
  stop(): Promise<void>;
}

/**
 * Resolves the database (DATABASE_URL or the embedded server under FORGE_DATA_DIR) and applies pending
 * migrations before anything serves, so `npm start` on an empty machine just works.
 */
export async function prepareRuntime(
  config: AppConfig,
  log: (message: string) => void = () => {},
  options: { migrate?: boolean; freshEmbeddedDatabase?: boolean } = {},
): Promise<Runtime> {
  const database = await openDatabase(
    config.database.url,
    config.dataDir,
    (line) => {
      // The server's own chatter stays out of the way; only the staging notice is worth a line.
      if (line.startsWith('embedded PostgreSQL:')) log(line);
    },
    { fresh: options.freshEmbeddedDatabase, stageDir: config.database.embeddedStageDir },
  );
  if (database.embedded) log(`embedded PostgreSQL started (data under ${database.dataDirectory})`);
  try {
    if (options.migrate ?? config.database.runMigrationsOnStart) {
      const dataSource = createDataSource({
        url: database.url,
        poolSize: 2,
        applicationName: 'forge-migrate',
      });
      await dataSource.initialize();
      try {
        const applied = await runMigrations(dataSource);
        if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
      } finally {
        await dataSource.destroy();
      }
    }
  } catch (error) {
    await database.stop();
    throw error;
  }
  return {
    config,
    databaseUrl: database.url,
    embeddedDatabase: database.embedded,
    stop: () => database.stop(),
  };
}
