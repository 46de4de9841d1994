import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuditChainBrokenError,
  AuditCheckpointService,
  buildConsistencyProof,
  buildInclusionProof,
  bytesToHex,
  checkpointLag,
  DbSubtreeHashSource,
  eventLeafHash,
  generateSigningKeyPair,
  hexToBytes,
  loadAuditSigningKey,
  type SignedCheckpoint,
  verifyCheckpoint,
  verifyConsistencyProof,
  verifyInclusionProof,
} from '../../../libs/audit/src/index.js';
import { referenceMth } from '../../../libs/audit/src/merkle/merkle-reference.js';
import { appendSequenced } from '../../support/audit.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const actor = { id: 'user-1', role: 'officer' };
const errors: string[] = [];
const quiet = { log: () => {}, warn: () => {}, error: (message: string) => errors.push(message) };

describe('audit signing key', () => {
  it('generates a demo key once (mode 0600) and every later load reads the same key', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'forge-key-')), 'nested');
    const loads = await Promise.all(
      Array.from({ length: 8 }, () => Promise.resolve().then(() => loadAuditSigningKey({ dataDir }))),
    );
    const path = join(dataDir, 'audit-signing-key.pem');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(new Set(loads.map((k) => k.privateKeyPem)).size).toBe(1);
    expect(loads[0]?.privateKeyPem).toBe(readFileSync(path, 'utf8'));
    expect(loads[0]?.source).toBe('demo-file');
    expect(loadAuditSigningKey({ dataDir }).publicKeyPem).toBe(loads[0]?.publicKeyPem);
  });

  it('prefers the configured key and rejects a key that is not Ed25519 PKCS#8', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'forge-key-'));
    const pair = generateSigningKeyPair();
    const key = loadAuditSigningKey({ dataDir, signingKeyPem: pair.privateKeyPem });
    expect(key.source).toBe('configuration');
    expect(key.publicKeyPem).toBe(pair.publicKeyPem);
    expect(() => loadAuditSigningKey({ dataDir, signingKeyPem: 'not a key' })).toThrow(/PKCS#8/);
  });
});

describe('incremental signed checkpoints on PostgreSQL', () => {
  let db: TestDatabase;
  let service: AuditCheckpointService;
  let publicKeyPem: string;
  const leaves: Uint8Array[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const key = loadAuditSigningKey({ dataDir: mkdtempSync(join(tmpdir(), 'forge-key-')) });
    publicKeyPem = key.publicKeyPem;
    // A small batch size so that every run crosses several batches.
    service = new AuditCheckpointService(db.dataSource, key, { batchSize: 3, logger: quiet });
  });
  afterAll(async () => {
    await db.drop();
  });

  async function append(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const record = await appendSequenced(db.dataSource, {
        actor,
        action: 'test.appended',
        subject: { type: 'test', id: String(leaves.length) },
        after: { n: leaves.length },
      });
      leaves.push(hexToBytes(record.hash));
    }
  }

  it('equals the RFC 9162 root at every size, signs it, and proves inclusion and consistency', async () => {
    const source = new DbSubtreeHashSource(db.dataSource);
    const checkpoints: SignedCheckpoint[] = [];
    for (const step of [1, 1, 1, 2, 3, 8, 1, 15, 1, 31, 4]) {
      await append(step);
      const { checkpoint, created, appended } = await service.checkpoint();
      expect(created).toBe(true);
      expect(appended).toBe(step);
      expect(checkpoint.treeSize).toBe(leaves.length);
      expect(checkpoint.rootHash).toBe(bytesToHex(referenceMth(leaves)));
      expect(verifyCheckpoint(checkpoint, publicKeyPem)).toBe(true);
      expect(verifyCheckpoint({ ...checkpoint, treeSize: checkpoint.treeSize + 1 }, publicKeyPem)).toBe(
        false,
      );
      checkpoints.push(checkpoint);
    }
    const latest = checkpoints[checkpoints.length - 1] as SignedCheckpoint;
    expect(await service.latest()).toEqual(latest);
    // Two rows per leaf, minus one per 1-bit of n: exactly the perfect subtrees, nothing twice.
    const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM audit_merkle_nodes`);
    const n = leaves.length;
    expect(count).toBe(2 * n - n.toString(2).replaceAll('0', '').length);

    for (const checkpoint of checkpoints) {
      for (let seq = 0; seq < checkpoint.treeSize; seq += 1) {
        const proof = await buildInclusionProof(source, seq, checkpoint.treeSize);
        const leafHash = bytesToHex(eventLeafHash(bytesToHex(leaves[seq] as Uint8Array)));
        expect(verifyInclusionProof(proof, { leafHash, rootHash: checkpoint.rootHash }).valid).toBe(true);
      }
    }
    for (let i = 0; i < checkpoints.length; i += 1) {
      for (let j = i; j < checkpoints.length; j += 1) {
        const a = checkpoints[i] as SignedCheckpoint;
        const b = checkpoints[j] as SignedCheckpoint;
        const proof = await buildConsistencyProof(source, a.treeSize, b.treeSize);
        expect(verifyConsistencyProof(proof, a.rootHash, b.rootHash).valid).toBe(true);
      }
    }
  });

  it('returns the latest checkpoint unchanged when nothing was appended since', async () => {
    const latest = await service.latest();
    const again = await service.checkpoint();
    expect(again.created).toBe(false);
    expect(again.checkpoint).toEqual(latest);
  });

  it('serialises concurrent builders: one signs, the others return it', async () => {
    await append(5);
    const results = await Promise.all([service.checkpoint(), service.checkpoint(), service.checkpoint()]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    for (const r of results) expect(r.checkpoint.treeSize).toBe(leaves.length);
    const lag = await checkpointLag(db.dataSource);
    expect(lag.logSize).toBe(leaves.length);
    expect(lag.checkpointSize).toBe(leaves.length);
  });

  it('refuses to sign over a chain broken after the last checkpoint', async () => {
    await append(3);
    const seq = leaves.length - 2;
    await db.dataSource.query(`ALTER TABLE audit_events DISABLE TRIGGER USER`);
    await db.dataSource.query(`UPDATE audit_events SET reason = 'edited' WHERE seq = $1`, [seq]);
    await db.dataSource.query(`ALTER TABLE audit_events ENABLE TRIGGER USER`);
    const error = await service.checkpoint().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditChainBrokenError);
    expect((error as AuditChainBrokenError).firstInvalidSeq).toBe(seq);
    expect((await service.latest())?.treeSize).toBe(leaves.length - 3);
    expect(errors).toEqual([
      `AUDIT CHECKPOINT REFUSED [CHAIN_INVALID]: ${(error as AuditChainBrokenError).reason}`,
    ]);
  });
});
