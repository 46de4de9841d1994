import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess, decide, paramsHash, scoringModel, SYSTEM_ACTOR } from '../../../libs/domain/src/index.js';
import { appendAuditEvent, SYSTEM_AUDIT_ACTOR } from '../../../libs/audit/src/index.js';
import {
  currentRiskInputs,
  findApplication,
  loadApplicationAggregate,
  toPipelineState,
  updateApplicationVersioned,
} from '../../../libs/persistence/src/index.js';
import { Clock } from '../../../libs/application/src/index.js';
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
    const [list]: Array<{ sha256: string }> = await manager.query(
      `SELECT sha256 FROM reference_snapshots WHERE kind = 'sanctions' AND active`,
    );
    const screening = {
      result: options.result ?? 'clear',
      blockedOwnershipPct: 0,
      lookThroughPct: 0,
      listSha256: list?.sha256 ?? 'simulated',
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
 * SIMULATES THE SCORING JOB (owned by the scoring engineer): one risk assessment row of the application's
 * present inputs under the active model, computed with the pure `assess` (so the scoring engineer's reader
 * finds it `current`). `residualBand` forces the stored residual band (committee unanimity tests).
 */
export async function insertAssessment(
  t: TestApp,
  applicationId: string,
  options: { residualBand?: string } = {},
): Promise<string> {
  const manager = t.db.dataSource.manager;
  const [active]: Array<{ version: string }> = await manager.query(
    `SELECT version FROM scoring_models WHERE active`,
  );
  if (!active) throw new Error('no active scoring model (the risk module registers it on start)');
  const today = await currentRiskInputs(manager, applicationId);
  if (!today || !('inputsHash' in today))
    throw new Error(`application not scorable: ${JSON.stringify(today)}`);
  const params = scoringModel(active.version);
  const result = assess(today.inputs, params) as any;
  if (options.residualBand) result.residual.band = options.residualBand;
  const id = randomUUID();
  const { version } = await stageOf(t, applicationId);
  await manager.query(
    `INSERT INTO risk_assessments (id, application_id, application_version, model_version, params_hash, inputs_hash,
       inputs, reference_snapshot_hashes, result, gross_score, gross_band, residual_score, residual_band, computed_at, job_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12, $13, now(), $14)`,
    [
      id,
      applicationId,
      version,
      active.version,
      paramsHash(params),
      today.inputsHash,
      JSON.stringify(today.inputs),
      JSON.stringify(today.referenceSnapshotHashes),
      JSON.stringify(result),
      result.gross.score,
      result.gross.band,
      result.residual.score,
      result.residual.band,
      `simulated-${id}`,
    ],
  );
  return id;
}

export interface Officers {
  officer: TestUser;
  checker: TestUser;
}

async function ok(
  t: TestApp,
  method: 'POST' | 'PUT' | 'PATCH',
  url: string,
  token: string,
  body: unknown,
  expected = 200,
) {
  const response = await t.request(method, url, { token, body });
  if (response.status !== expected) {
    throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** Resolves every open ESG-stage check: needs_review → pass; fail → waived through maker-checker. */
export async function resolveStageChecks(t: TestApp, id: string, stage: string, officers: Officers) {
  const view = (await t.request('GET', `/api/v1/applications/${id}`, { token: officers.officer.token })).body;
  for (const check of view.checks as Array<{ code: string; stage: string; outcome: string }>) {
    if (check.stage !== stage || check.outcome === 'pass' || check.outcome === 'waived') continue;
    const { version } = await stageOf(t, id);
    if (check.outcome === 'needs_review') {
      await ok(t, 'POST', `/api/v1/applications/${id}/checks/${check.code}/resolve`, officers.officer.token, {
        outcome: 'pass',
        note: 'reviewed',
        expectedVersion: version,
      });
    } else {
      await ok(t, 'POST', `/api/v1/applications/${id}/checks/${check.code}/resolve`, officers.officer.token, {
        outcome: 'waived',
        note: 'accepted risk',
        expectedVersion: version,
      });
      const pending = (
        await t.request('GET', `/api/v1/approvals?applicationId=${id}`, { token: officers.checker.token })
      ).body.items as Array<{ id: string }>;
      for (const item of pending) {
        await ok(t, 'POST', `/api/v1/approvals/${item.id}/approve`, officers.checker.token, {
          note: 'agreed',
        });
      }
    }
  }
}

/** submitted (simulated screening) → screening → esg_review → category B confirmed, ESG checks resolved → financing. */
export async function driveToFinancing(t: TestApp, sponsor: TestUser, officers: Officers, key = 'S01') {
  const app = await createSubmitted(t, sponsor, sampleInput(key));
  await simulateScreening(t, app.id, { proposedCategory: 'B' });
  let { version } = await stageOf(t, app.id);
  await ok(t, 'POST', `/api/v1/applications/${app.id}/transitions`, officers.officer.token, {
    to: 'esg_review',
    expectedVersion: version,
  });
  ({ version } = await stageOf(t, app.id));
  await ok(t, 'POST', `/api/v1/applications/${app.id}/category`, officers.officer.token, {
    category: 'B',
    expectedVersion: version,
  });
  await resolveStageChecks(t, app.id, 'esg_review', officers);
  ({ version } = await stageOf(t, app.id));
  await ok(t, 'POST', `/api/v1/applications/${app.id}/transitions`, officers.officer.token, {
    to: 'financing',
    expectedVersion: version,
  });
  return app.id;
}

const DAY_MS = 86_400_000;

/**
 * Publishes the application's disclosure package as an officer with the clock `daysAgo` days back (default 61:
 * past the 60-day period of category A and the 30 days of the others), then puts the clock back where it was
 * (portfolio.md `disclosure.period`: tests move time, never sleep). The package discloses the application as it
 * stands, so call it once the financing structure is recorded.
 */
export async function publishDisclosure(
  t: TestApp,
  id: string,
  officer: TestUser,
  options: { daysAgo?: number; summary?: string } = {},
) {
  const clock = t.app.get(Clock);
  const now = clock.now();
  const fixed = clock.isFixed();
  clock.set(new Date(now.getTime() - (options.daysAgo ?? 61) * DAY_MS));
  try {
    return await ok(
      t,
      'POST',
      `/api/v1/applications/${id}/disclosure`,
      officer.token,
      {
        summary:
          options.summary ?? 'Financing of a critical-minerals project, disclosed before the decision.',
        esReviewSummary: 'The E&S review found the impacts manageable under the IFC Performance Standards.',
      },
      201,
    );
  } finally {
    clock.set(fixed ? now : null);
  }
}

/** … → financing structure recorded, a current assessment (simulated scoring), disclosure published → committee. */
export async function driveToCommittee(
  t: TestApp,
  sponsor: TestUser,
  officers: Officers,
  options: { residualBand?: string; key?: string } = {},
) {
  const id = await driveToFinancing(t, sponsor, officers, options.key);
  let { version } = await stageOf(t, id);
  await ok(t, 'PUT', `/api/v1/applications/${id}/financing`, officers.officer.token, {
    instrument: 'senior_loan',
    amountUsd: 250_000_000,
    tenorYears: 12,
    mitigants: [{ type: 'offtake', coveragePct: 70, buyerInvestmentGrade: true, floorPrice: false }],
    conditionsPrecedent: ['Signed offtake agreement', 'Equity injected'],
    expectedVersion: version,
  });
  await insertAssessment(t, id, { residualBand: options.residualBand ?? 'moderate' });
  await publishDisclosure(t, id, officers.officer);
  ({ version } = await stageOf(t, id));
  await ok(t, 'POST', `/api/v1/applications/${id}/transitions`, officers.officer.token, {
    to: 'committee',
    expectedVersion: version,
  });
  return id;
}
