/**
 * `npm run audit:init-checkpoint-log`: writes the checkpoint log file (AUDIT_CHECKPOINT_LOG, default
 * FORGE_DATA_DIR/audit-checkpoints.jsonl) from the database's signed checkpoints, after verifying the whole
 * trail against every one of them. For a deployment that signed checkpoints before the file existed (see
 * docs/audit.md, "The checkpoint log"); it refuses when the file already holds checkpoints.
 */
import { initCheckpointLog, loadAuditSigningKey } from '@forge/audit';
import { loadConfig } from '@forge/config';
import { createDataSource, prepareRuntime } from '@forge/persistence';

async function main(): Promise<number> {
  const config = loadConfig();
  const runtime = await prepareRuntime(config, (message) => console.log(message), { migrate: false });
  const dataSource = createDataSource({
    url: runtime.databaseUrl,
    poolSize: 2,
    applicationName: 'forge-audit',
  });
  await dataSource.initialize();
  try {
    const key = loadAuditSigningKey({ signingKeyPem: config.audit.signingKeyPem, dataDir: config.dataDir });
    const { written, verification } = await initCheckpointLog(
      dataSource,
      key.publicKeyPem,
      config.audit.checkpointLogPath,
    );
    console.log(
      `${config.audit.checkpointLogPath}: ${written} checkpoint(s) written; trail of ${verification.length} events verified`,
    );
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  } finally {
    await dataSource.destroy();
    await runtime.stop();
  }
}

process.exitCode = await main();
