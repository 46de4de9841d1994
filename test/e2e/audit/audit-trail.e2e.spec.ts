import { randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  appendAuditEvent,
  bytesToHex,
  eventLeafHash,
  type SignedCheckpoint,
  verifyAuditExport,
  verifyCheckpoint,
  verifyConsistencyProof,
  verifyInclusionProof,
  runAuditVerifyCli,
  verifyProofBundle,
} from '../../../libs/audit/src/index.js';
import { canonicalHash } from '../../../libs/domain/src/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';

describe('decision trail API (e2e)', () => {
  let t: TestApp;
  let officer: TestUser;
  let auditor: TestUser;
  let admin: TestUser;
  let committee: TestUser;
  let sponsorA: TestUser;
  let sponsorB: TestUser;
  let appA: string;
  let appB: string;

  async function createApplication(sponsor: TestUser): Promise<string> {
    const id = randomUUID();
    await t.db.dataSource.query(
      `INSERT INTO applications (id, reference, organization_id, created_by, stage, input)
       VALUES ($1, $2, $3, $4, 'draft', '{}'::jsonb)`,
      [id, `FORGE-2025-${id.slice(0, 6)}`, sponsor.organizationId, sponsor.id],
    );
    return id;
  }

  async function append(applicationId: string | null, reason: string | null = null): Promise<void> {
    await t.db.dataSource.transaction((manager) =>
      appendAuditEvent(manager, {
        actor: { id: officer.id, role: 'officer' },
        action: 'application.stage_changed',
        subject: { type: 'application', id: applicationId ?? 'none' },
        applicationId,
        reason,
        before: { stage: 'submitted' },
        after: { stage: 'screening' },
        context: { requestId: randomUUID() },
      }),
    );
  }

  async function exportText(query = ''): Promise<string> {
    const response = await t.request('GET', `/api/v1/audit/export${query}`, { token: auditor.token });
    expect(response.status).toBe(200);
    return response.text;
  }

  beforeAll(async () => {
    t = await createTestApp();
    [officer, auditor, admin, committee, sponsorA, sponsorB] = await Promise.all([
      t.createUser(['officer']),
      t.createUser(['auditor']),
      t.createUser(['admin']),
      t.createUser(['committee']),
      t.createUser(['sponsor']),
      t.createUser(['sponsor']),
    ]);
    appA = await createApplication(sponsorA);
    appB = await createApplication(sponsorB);
    for (let i = 0; i < 6; i += 1) {
      await append(appA, i === 2 ? 'Reason with, a comma, "quotes"\nand a new line' : `step ${i}`);
      await append(appB);
      await append(null);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('verifies the stored chain', async () => {
    const [{ count }] = await t.db.dataSource.query(`SELECT count(*)::int AS count FROM audit_events`);
    const response = await t.request('GET', '/api/v1/audit/verify', { token: auditor.token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ valid: true, length: count, firstInvalidSeq: null });
    expect(response.body.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists events by keyset with filters and validates the query', async () => {
    const first = await t.request('GET', `/api/v1/audit/events?applicationId=${appA}&limit=4`, {
      token: officer.token,
    });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(4);
    expect(first.body.items.every((e: { applicationId: string }) => e.applicationId === appA)).toBe(true);
    const second = await t.request(
      'GET',
      `/api/v1/audit/events?applicationId=${appA}&limit=4&afterSeq=${first.body.nextCursor}`,
      { token: admin.token },
    );
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.items[0].seq).toBeGreaterThan(first.body.nextCursor);

    const byAction = await t.request(
      'GET',
      '/api/v1/audit/events?action=application.stage_changed&limit=500',
      {
        token: auditor.token,
      },
    );
    expect(byAction.body.items).toHaveLength(18);
    const future = await t.request('GET', '/api/v1/audit/events?from=2999-01-01T00:00:00.000Z', {
      token: auditor.token,
    });
    expect(future.body.items).toHaveLength(0);

    for (const bad of [
      'limit=501',
      'limit=0',
      'afterSeq=abc',
      'applicationId=nope',
      'from=yesterday',
      'x=1',
    ]) {
      const response = await t.request('GET', `/api/v1/audit/events?${bad}`, { token: auditor.token });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION.FAILED');
    }
    for (const user of [sponsorA, committee]) {
      expect((await t.request('GET', '/api/v1/audit/events', { token: user.token })).status).toBe(403);
    }
  });

  it('signs checkpoints on demand and serves verifiable inclusion and consistency proofs', async () => {
    expect(
      (await t.request('GET', '/api/v1/audit/checkpoints/latest', { token: auditor.token })).status,
    ).toBe(404);
    const noCheckpoint = await t.request('GET', '/api/v1/audit/events/0/inclusion-proof', {
      token: auditor.token,
    });
    expect(noCheckpoint.status).toBe(404);
    expect((await t.request('POST', '/api/v1/audit/checkpoints', { token: sponsorA.token })).status).toBe(
      403,
    );
    expect((await t.request('POST', '/api/v1/audit/checkpoints', { token: committee.token })).status).toBe(
      403,
    );

    const key = await t.request('GET', '/api/v1/audit/public-key', { token: auditor.token });
    expect(key.status).toBe(200);
    expect(key.body.algorithm).toBe('Ed25519');

    const first = await t.request('POST', '/api/v1/audit/checkpoints', { token: auditor.token });
    expect(first.status).toBe(201);
    const cp1 = first.body as SignedCheckpoint;
    expect(verifyCheckpoint(cp1, key.body.publicKeyPem)).toBe(true);
    await append(appA, 'after the first checkpoint');
    await append(null);
    const second = await t.request('POST', '/api/v1/audit/checkpoints', { token: officer.token });
    expect(second.status).toBe(201);
    const cp2 = second.body as SignedCheckpoint;
    expect(cp2.treeSize).toBe(cp1.treeSize + 2);
    const latest = await t.request('GET', '/api/v1/audit/checkpoints/latest', { token: officer.token });
    expect(latest.body).toEqual(cp2);

    const rows: Array<{ seq: string; hash: string }> = await t.db.dataSource.query(
      `SELECT seq, hash FROM audit_events ORDER BY seq`,
    );
    for (const cp of [cp1, cp2]) {
      for (const row of rows.slice(0, cp.treeSize)) {
        const response = await t.request(
          'GET',
          `/api/v1/audit/events/${row.seq}/inclusion-proof${cp === cp1 ? `?treeSize=${cp.treeSize}` : ''}`,
          { token: auditor.token },
        );
        expect(response.status).toBe(200);
        const leafHash = bytesToHex(eventLeafHash(row.hash));
        expect(
          verifyInclusionProof(response.body, { leafHash, rootHash: cp.rootHash, treeSize: cp.treeSize }),
        ).toEqual({ valid: true, reason: null });
      }
    }
    const consistency = await t.request(
      'GET',
      `/api/v1/audit/consistency-proof?from=${cp1.treeSize}&to=${cp2.treeSize}`,
      { token: auditor.token },
    );
    expect(consistency.status).toBe(200);
    expect(verifyConsistencyProof(consistency.body, cp1.rootHash, cp2.rootHash).valid).toBe(true);
    expect(verifyConsistencyProof(consistency.body, cp1.rootHash, cp1.rootHash).valid).toBe(false);

    const beyond = await t.request(
      'GET',
      `/api/v1/audit/events/0/inclusion-proof?treeSize=${cp2.treeSize + 1}`,
      {
        token: auditor.token,
      },
    );
    expect(beyond.status).toBe(409);
    expect(beyond.body.code).toBe('AUDIT.TREE_SIZE_UNAVAILABLE');
    const outside = await t.request(
      'GET',
      `/api/v1/audit/events/${cp1.treeSize}/inclusion-proof?treeSize=${cp1.treeSize}`,
      {
        token: auditor.token,
      },
    );
    expect(outside.status).toBe(409);
    expect(outside.body.code).toBe('AUDIT.SEQ_NOT_IN_TREE');
    const missing = await t.request('GET', '/api/v1/audit/events/999999/inclusion-proof', {
      token: auditor.token,
    });
    expect(missing.status).toBe(404);
    const reversed = await t.request('GET', '/api/v1/audit/consistency-proof?from=5&to=3', {
      token: auditor.token,
    });
    expect(reversed.status).toBe(400);
    const tooFar = await t.request('GET', `/api/v1/audit/consistency-proof?from=1&to=${cp2.treeSize + 1}`, {
      token: auditor.token,
    });
    expect(tooFar.status).toBe(409);
    expect(
      (await t.request('GET', '/api/v1/audit/events/-1/inclusion-proof', { token: auditor.token })).status,
    ).toBe(400);
  });

  it('refuses the per-application trail and proof bundle to sponsors, their own applications included', async () => {
    const asOfficer = await t.request('GET', `/api/v1/applications/${appB}/audit-trail`, {
      token: officer.token,
    });
    expect(asOfficer.body.items).toHaveLength(6);
    for (const path of ['audit-trail', 'proof-bundle']) {
      for (const [user, app] of [
        [sponsorA, appA],
        [sponsorB, appA],
        [committee, appA],
      ] as const) {
        const refused = await t.request('GET', `/api/v1/applications/${app}/${path}`, { token: user.token });
        expect(refused.status).toBe(403);
      }
      const absent = await t.request('GET', `/api/v1/applications/${randomUUID()}/${path}`, {
        token: officer.token,
      });
      expect(absent.status).toBe(404);
      expect(absent.body.code).toBe('APPLICATION.NOT_FOUND');
    }
  });

  it('exports JSONL that the offline verifier accepts with a proof bundle, and rejects once corrupted', async () => {
    // Events newer than the latest checkpoint: the bundle signs a fresh checkpoint first.
    await append(appA, 'just before the bundle');
    await t.db.dataSource.query(
      `INSERT INTO scoring_models (version, params, params_hash) VALUES ('test-1', '{}', $1)
      ON CONFLICT DO NOTHING`,
      ['0'.repeat(64)],
    );
    const inputs = { country: 'AR', mineral: 'lithium', amountUsd: 25_000_000 };
    await t.db.dataSource.query(
      `INSERT INTO risk_assessments (id, application_id, application_version, model_version, params_hash, inputs_hash,
         inputs, reference_snapshot_hashes, result, gross_score, gross_band, residual_score, residual_band, computed_at, job_id)
       VALUES ($1, $2, 1, 'test-1', $3, $4, $5, '{}', '{"residualBand":"moderate"}', 5000, 'moderate', 4000, 'moderate', now(), 'job-1')`,
      [randomUUID(), appA, '0'.repeat(64), canonicalHash(inputs), JSON.stringify(inputs)],
    );
    const bundleResponse = await t.request('GET', `/api/v1/applications/${appA}/proof-bundle`, {
      token: auditor.token,
    });
    expect(bundleResponse.status).toBe(200);
    const bundle = bundleResponse.body;
    const key = (await t.request('GET', '/api/v1/audit/public-key', { token: auditor.token })).body
      .publicKeyPem;
    expect(bundle.events).toHaveLength(8);
    expect(bundle.events.every((e: { inclusionProof: unknown }) => e.inclusionProof !== null)).toBe(true);
    expect(bundle.riskAssessments).toHaveLength(1);
    const report = verifyProofBundle(bundle, { publicKeyPem: key });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({
      valid: true,
      eventsChecked: 8,
      inclusionProofsChecked: 8,
      assessmentsChecked: 1,
    });

    const dir = mkdtempSync(join(tmpdir(), 'forge-export-'));
    // The bundle alone, as an auditor takes it away: no export, no database, no network.
    writeFileSync(join(dir, 'bundle.json'), JSON.stringify(bundle, null, 2));
    writeFileSync(join(dir, 'key.pem'), key);
    const cli = async (bundleText: string) => {
      writeFileSync(join(dir, 'bundle.json'), bundleText);
      let out = '';
      const code = await runAuditVerifyCli(
        ['--bundle', join(dir, 'bundle.json'), '--public-key', join(dir, 'key.pem')],
        { out: (text) => (out += text), err: (text) => (out += text) },
      );
      return { code, out };
    };
    const alone = await cli(JSON.stringify(bundle, null, 2));
    expect(alone.out).toMatch(/8 events, 8 inclusion proofs, 1 risk assessments checked/);
    expect(alone.code).toBe(0);
    const tamperedAlone = await cli(
      JSON.stringify(bundle).replace('just before the bundle', 'just after the bundle'),
    );
    expect(tamperedAlone.out).toMatch(/hash mismatch/);
    expect(tamperedAlone.code).toBe(1);

    const file = join(dir, 'export.jsonl');
    const text = await exportText();
    writeFileSync(file, text);
    const lines = text.trimEnd().split('\n');
    const [{ count }] = await t.db.dataSource.query(`SELECT count(*)::int AS count FROM audit_events`);
    expect(lines).toHaveLength(count);
    const ok = await verifyAuditExport({
      lines: createInterface({ input: createReadStream(file), crlfDelay: Infinity }),
      bundle,
      publicKeyPem: key,
    });
    expect(ok.failures).toEqual([]);
    expect(ok).toMatchObject({ ok: true, checkpointRootMatched: true });

    const corrupted = lines.map((line) =>
      line.includes('just before the bundle') ? line.replace('just', 'JUST') : line,
    );
    const bad = await verifyAuditExport({ lines: corrupted, bundle, publicKeyPem: key });
    expect(bad.ok).toBe(false);
    const badSeq = JSON.parse(lines.find((l) => l.includes('just before the bundle')) as string).seq;
    expect(bad.chain.firstInvalidSeq).toBe(badSeq);

    const range = await exportText('?fromSeq=2&toSeq=4');
    expect(
      range
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).seq),
    ).toEqual([2, 3, 4]);
    const filtered = await exportText(`?applicationId=${appB}`);
    expect(filtered.trimEnd().split('\n')).toHaveLength(6);
    expect((await t.request('GET', '/api/v1/audit/export?format=xml', { token: auditor.token })).status).toBe(
      400,
    );
    expect((await t.request('GET', '/api/v1/audit/export', { token: sponsorA.token })).status).toBe(403);
  });

  it('exports CSV with JSON columns and RFC 4180 quoting', async () => {
    const csv = await exportText(`?format=csv&applicationId=${appA}`);
    expect(
      csv.startsWith(
        'seq,id,occurredAt,actorId,actorRole,actorName,action,subjectType,subjectId,applicationId,reason,',
      ),
    ).toBe(true);
    expect(csv).toContain('"Reason with, a comma, ""quotes""\nand a new line"');
    expect(csv).toContain('"{""stage"":""submitted""}"');
    // Header + 8 records; the quoted new line is inside a field, so count CRLF record ends.
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(9);
  });

  it('records each actor’s display name and role as of the event: a later rename rewrites no history', async () => {
    const trail = await t.request('GET', `/api/v1/applications/${appA}/audit-trail?limit=500`, {
      token: auditor.token,
    });
    expect(trail.body.items[0].actor).toEqual({ id: officer.id, role: 'officer', name: 'Test officer' });
    await t.db.dataSource.query(`UPDATE users SET display_name = 'Officer Renamed' WHERE id = $1`, [
      officer.id,
    ]);
    await t.db.dataSource.transaction((manager) =>
      appendAuditEvent(manager, {
        actor: { id: officer.id, role: 'officer' },
        action: 'application.stage_changed',
        subject: { type: 'application', id: appB },
        applicationId: appB,
      }),
    );
    await t.db.dataSource.transaction((manager) =>
      appendAuditEvent(manager, {
        actor: { id: 'system', role: 'system' },
        action: 'reference.loaded',
        subject: { type: 'reference', id: 'countries' },
      }),
    );
    const after = await t.request('GET', `/api/v1/applications/${appB}/audit-trail?limit=500`, {
      token: auditor.token,
    });
    const names = after.body.items.map((e: { actor: { name?: string } }) => e.actor.name);
    expect(names.slice(0, -1).every((name: string) => name === 'Test officer')).toBe(true);
    expect(names[names.length - 1]).toBe('Officer Renamed');
    const lines = (await exportText())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[lines.length - 1].actor).toEqual({ id: 'system', role: 'system', name: 'FORGE (system)' });
    expect(lines[lines.length - 2].actor).toEqual({
      id: officer.id,
      role: 'officer',
      name: 'Officer Renamed',
    });
    const csv = await exportText(`?format=csv&applicationId=${appB}`);
    expect(csv).toContain(`${officer.id},officer,Officer Renamed,application.stage_changed`);
    expect(csv).toContain(`${officer.id},officer,Test officer,application.stage_changed`);
    const verify = await t.request('GET', '/api/v1/audit/verify', { token: auditor.token });
    expect(verify.body).toMatchObject({ valid: true, length: lines.length });
  });
  it('shows an event as pending until the sequencer places it, then with its seq and hash', async () => {
    // Another process holds the sequencer's lock (a leader stuck mid-batch): nothing can be placed meanwhile.
    const holder = t.db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT pg_advisory_xact_lock(7204701)`);
    let pendingId: string;
    try {
      pendingId = (
        await t.db.dataSource.transaction((manager) =>
          appendAuditEvent(manager, {
            actor: { id: officer.id, role: 'officer' },
            action: 'application.stage_changed',
            subject: { type: 'application', id: appA },
            applicationId: appA,
            reason: 'pending for a moment',
          }),
        )
      ).id;
      const trail = await t.request('GET', `/api/v1/applications/${appA}/audit-trail?limit=500`, {
        token: auditor.token,
      });
      expect(trail.status).toBe(200);
      const last = trail.body.items[trail.body.items.length - 1];
      expect(last).toMatchObject({ id: pendingId, sequenced: false, seq: null, prevHash: null, hash: null });
      expect(last.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(trail.body.nextCursor).toBeNull();
      expect(
        trail.body.items
          .slice(0, -1)
          .every((e: { sequenced: boolean; seq: number }) => e.sequenced && e.seq >= 0),
      ).toBe(true);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    const after = await t.request('GET', `/api/v1/applications/${appA}/audit-trail?limit=500`, {
      token: auditor.token,
    });
    const placed = after.body.items.find((e: { id: string }) => e.id === pendingId);
    expect(placed).toMatchObject({ sequenced: true, reason: 'pending for a moment' });
    expect(placed.seq).toBeGreaterThan(0);
    expect(placed.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(placed.contentHash).toBeUndefined();
    const verify = await t.request('GET', '/api/v1/audit/verify', { token: auditor.token });
    expect(verify.body).toMatchObject({ valid: true });
  });
});
