import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EmbeddedDatabaseError, reachableByOthers, startEmbeddedDatabase } from '@forge/persistence';

// `npm ci && npm run demo` as root in a folder only root can enter (issue 12): the embedded server runs as the
// `postgres` user, so its binaries and data are staged where that user can reach them.
describe('embedded PostgreSQL out of the postgres user’s reach', () => {
  const privateHome = mkdtempSync(join(tmpdir(), 'forge-private-')); // mkdtemp makes it 0700
  const stage = mkdtempSync(join(tmpdir(), 'forge-stage-'));
  chmodSync(stage, 0o755);
  const stageDir = join(stage, 'forge-pipeline');

  afterAll(() => {
    rmSync(privateHome, { recursive: true, force: true });
    rmSync(stage, { recursive: true, force: true });
  });

  it('tells a private folder from a reachable one', () => {
    const inside = join(privateHome, 'project', '.forge');
    mkdirSync(inside, { recursive: true });
    chmodSync(join(privateHome, 'project'), 0o755);
    expect(reachableByOthers(inside)).toBe(false);
    chmodSync(privateHome, 0o711);
    expect(reachableByOthers(inside)).toBe(true);
    chmodSync(privateHome, 0o700);
  });

  it('stages binaries and data, serves queries, keeps the cluster between runs, and starts fresh on request', async () => {
    const dataDir = join(privateHome, 'project', '.forge', 'demo');
    const lines: string[] = [];
    const first = await startEmbeddedDatabase(dataDir, (line) => lines.push(line), {
      forceStage: true,
      stageDir,
    });
    let dataDirectory: string | undefined;
    try {
      dataDirectory = first.dataDirectory;
      expect(dataDirectory?.startsWith(join(stage, 'forge-pipeline'))).toBe(true);
      expect(lines.some((line) => line.includes('staged under'))).toBe(true);
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      await client.query('CREATE TABLE kept (id int)');
      await client.end();
    } finally {
      await first.stop();
    }
    expect(existsSync(join(privateHome, 'project', '.forge', 'demo', 'pg'))).toBe(false);

    const second = await startEmbeddedDatabase(dataDir, () => {}, { forceStage: true, stageDir });
    try {
      expect(second.dataDirectory).toBe(dataDirectory);
      const client = new pg.Client({ connectionString: second.url });
      await client.connect();
      const kept = await client.query("SELECT to_regclass('kept') AS name");
      await client.end();
      expect(kept.rows[0]).toEqual({ name: 'kept' });
    } finally {
      await second.stop();
    }

    const fresh = await startEmbeddedDatabase(dataDir, () => {}, { forceStage: true, fresh: true, stageDir });
    try {
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      const kept = await client.query("SELECT to_regclass('kept') AS name");
      await client.end();
      expect(kept.rows[0]).toEqual({ name: null });
    } finally {
      await fresh.stop();
    }
  });

  it('reports a server that cannot start as one line that says what to do', async () => {
    const dataDir = join(privateHome, 'broken', '.forge');
    const running = await startEmbeddedDatabase(dataDir, () => {}, { forceStage: true, stageDir });
    await running.stop();
    // A configuration PostgreSQL refuses: the server stops at once.
    writeFileSync(join(running.dataDirectory ?? '', 'postgresql.conf'), 'shared_buffers = nonsense\n');
    const failure = await startEmbeddedDatabase(dataDir, () => {}, { forceStage: true, stageDir }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(EmbeddedDatabaseError);
    const message = (failure as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain('could not start');
    expect(message).toContain('DATABASE_URL');
  });
});
