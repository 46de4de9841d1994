import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decide, SYSTEM_ACTOR } from '../../../libs/domain/src/index.js';
import { appendAuditEvent, SYSTEM_AUDIT_ACTOR } from '../../../libs/audit/src/index.js';
import {
  currentRiskInputs,
  findApplication,
  loadApplicationAggregate,
  toPipelineState,
  updateApplicationVersioned,
} from '../../../libs/persistence/src/index.js';
import { type TestApp, type TestUser } from '../../support/test-app.js';

/** Sample application inputs (config/reference/sample-portfolio.json). */
export function sampleInput(key = 'S01'): Record<string, any> {
  const portfolio = JSON.parse(
    readFileSync(join(process.cwd(), 'config/reference/sample-portfolio.json'), 'utf8'),
  ) as { applications: Array<{ key: string; input: Record<string, any>; financing?: Record<string, any> }> };
  const found = portfolio.applications.find((a) => a.key === key);
  if (!found) throw new Error(`no sample ${key}`);
  return structuredClone(found.input);
}

export function sampleFinancing(key = 'S01'): Record<string, any> | undefined {
  const portfolio = JSON.parse(
    readFileSync(join(process.cwd(), 'config/reference/sample-portfolio.json'), 'utf8'),
  ) as { applications: Array<{ key: string; financing?: Record<string, any> }> };
  return structuredClone(portfolio.applications.find((a) => a.key === key)?.financing);
}

export async function createDraft(t: TestApp, sponsor: TestUser, input: Record<string, any> = sampleInput()) {
  const response = await t.request('POST', '/api/v1/applications', { token: sponsor.token, body: input });
  if (response.status !== 201)
    throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; version: number; reference: string; stage: string };
}

export async function createSubmitted(t: TestApp, sponsor: TestUser, input?: Record<string, any>) {
  const draft = await createDraft(t, sponsor, input);
  const response = await t.request('POST', `/api/v1/applications/${draft.id}/submit`, {
    token: sponsor.token,
    body: { expectedVersion: draft.version },
  });
  if (response.status !== 200)
    throw new Error(`submit failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; version: number; reference: string; stage: string };
}

export async function auditCount(t: TestApp, applicationId: string, action?: string): Promise<number> {
  const rows: Array<{ n: string }> = await t.db.dataSource.query(
    `SELECT count(*) AS n FROM audit_events WHERE application_id = $1 ${action ? 'AND action = $2' : ''}`,
    action ? [applicationId, action] : [applicationId],
  );
  return Number(rows[0]?.n);
}

export async function stageOf(
  t: TestApp,
  applicationId: string,
): Promise<{ stage: string; version: number }> {
  const rows: Array<{ stage: string; version: number }> = await t.db.dataSource.query(
    `SELECT stage, version FROM applications WHERE id = $1`,
    [applicationId],
  );
  return rows[0] as { stage: string; version: number };
}

const SCREENING_CODES = ['ELIG.COUNTRY', 'ELIG.MINERAL', 'ELIG.TICKET', 'ELIG.EQUATOR', 'SANCTIONS.PARTIES'];

/**
 * SIMULATES THE SCREENING JOB (owned by the checks engineer): writes what it would write — the screening
 * result, the proposed category, the screening checks — and moves `submitted` → `screening` through the pure
 * `decide(screening_completed)` as the system, with one audit event. Lets the pipeline tests run without the
 * worker.
 */
export async function simulateScreening(
  t: TestApp,
  applicationId: string,
  options: {
    proposedCategory?: string;
    parties?: Array<Record<string, unknown>>;
    result?: 'clear' | 'review' | 'blocked';
    checkOutcome?: 'pass' | 'needs_review' | 'fail';
  } = {},
): Promise<void> {
  await t.db.dataSource.transaction(async (manager) => {
    const app = await findApplication(manager, applicationId, { lock: true });
    if (!app) throw new Error('no application');
    const screening = {
      result: options.result ?? 'clear',
      blockedOwnershipPct: 0,
      listSha256: 'simulated',
      parties: options.parties ?? [],
    };
    await manager.query(
      `UPDATE applications SET screening = $2::jsonb, screening_version = version, proposed_category = $3 WHERE id = $1`,
      [applicationId, JSON.stringify(screening), options.proposedCategory ?? 'A'],
    );
    for (const code of SCREENING_CODES) {
      await manager.query(
        `INSERT INTO checks (id, application_id, code, stage, outcome, automated, detail)
         VALUES ($1, $2, $3, 'screening', $4, true, '{}'::jsonb)
         ON CONFLICT (application_id, code) DO UPDATE SET outcome = EXCLUDED.outcome`,
        [randomUUID(), applicationId, code, options.checkOutcome ?? 'pass'],
      );
    }
    const refreshed = await findApplication(manager, applicationId, { lock: true });
    const state = toPipelineState(await loadApplicationAggregate(manager, refreshed!));
    if (state.stage !== 'submitted') return;
    const result = decide(state, { type: 'screening_completed' }, SYSTEM_ACTOR);
    await updateApplicationVersioned(
      manager,
      applicationId,
      state.version,
      { stage: result.state.stage },
      new Date(),
    );
    await manager.query(`UPDATE applications SET screening_version = version WHERE id = $1`, [applicationId]);
    await appendAuditEvent(manager, {
      actor: SYSTEM_AUDIT_ACTOR,
      action: 'screening.completed',
      subject: { type: 'application', id: applicationId },
      applicationId,
      before: result.event.before as never,
      after: result.event.after as never,
      context: { jobId: 'simulated' },
    });
  });
}

/** Inserts ESG/TRANS checks (what `refreshEsgChecks` would create) with the given outcome. */
export async function insertEsgChecks(t: TestApp, applicationId: string, codes: string[], outcome = 'pass') {
  for (const code of codes) {
    await t.db.dataSource.query(
      `INSERT INTO checks (id, application_id, code, stage, outcome, automated, detail)
       VALUES ($1, $2, $3, 'esg_review', $4, false, '{}'::jsonb)
       ON CONFLICT (application_id, code) DO UPDATE SET outcome = EXCLUDED.outcome`,
      [randomUUID(), applicationId, code, outcome],
    );
  }
}

/**
 * SIMULATES THE SCORING JOB (owned by the scoring engineer): a scoring model row and one risk assessment
 * row of the application's present version. Whether it counts as `current` is decided by
 * `latestRiskAssessment` (the scoring engineer's reader).
 */
export async function insertAssessment(
  t: TestApp,
  applicationId: string,
  options: { residualBand?: string; inputsHash?: string } = {},
): Promise<string> {
  const [active]: Array<{ version: string }> = await t.db.dataSource.query(
    `SELECT version FROM scoring_models WHERE active`,
  );
  let modelVersion = active?.version;
  if (!modelVersion) {
    modelVersion = '1.0.0';
    await t.db.dataSource.query(
      `INSERT INTO scoring_models (version, params, params_hash, active, activated_at)
       VALUES ($1, '{}'::jsonb, $2, true, now()) ON CONFLICT (version) DO NOTHING`,
      [modelVersion, '0'.repeat(64)],
    );
  }
  const { version } = await stageOf(t, applicationId);
  const id = randomUUID();
  // The hash of today's inputs makes the row `current` for the scoring engineer's reader.
  const today = await currentRiskInputs(t.db.dataSource.manager, applicationId);
  const hash =
    today && 'inputsHash' in today ? today.inputsHash : randomUUID().replaceAll('-', '').padEnd(64, '0');
  const band = options.residualBand ?? 'moderate';
  await t.db.dataSource.query(
    `INSERT INTO risk_assessments (id, application_id, application_version, model_version, params_hash, inputs_hash,
       inputs, reference_snapshot_hashes, result, gross_score, gross_band, residual_score, residual_band, computed_at, job_id)
     VALUES ($1, $2, $3, $4, $5, $6, '{}'::jsonb, '{}'::jsonb, '{}'::jsonb, 250, $7, 200, $7, now(), $8)`,
    [
      id,
      applicationId,
      version,
      modelVersion,
      '0'.repeat(64),
      options.inputsHash ?? hash,
      band,
      `simulated-${id}`,
    ],
  );
  return id;
}
