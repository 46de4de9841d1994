import {
  recordRiskAssessment,
  registerScoringModels,
  scheduleRiskAssessment,
} from '../../../libs/application/src/index.js';
import {
  currentRiskInputs,
  latestRiskAssessment,
  listScoringModels,
} from '../../../libs/persistence/src/index.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { attachDocuments, ensureCountriesSnapshot, insertApplication, sample } from './risk-fixtures.js';

/** The persistence seams of scoring: registry, today's inputs, the append-only record, the latest reader. */
describe('risk persistence', () => {
  let db: TestDatabase;
  let first: Awaited<ReturnType<typeof registerScoringModels>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    await ensureCountriesSnapshot(db.dataSource);
    first = await db.dataSource.transaction((m) => registerScoringModels(m));
  });

  afterAll(async () => {
    await db.drop();
  });

  const attach = (applicationId: string, kinds: readonly string[]) =>
    attachDocuments(db.dataSource, applicationId, kinds);

  async function assessNow(applicationId: string, jobId = 'job-1') {
    return db.dataSource.transaction(async (manager) => {
      const today = await currentRiskInputs(manager, applicationId);
      if (today === null || !('inputsHash' in today)) throw new Error('unscorable');
      return recordRiskAssessment(manager, {
        applicationId,
        applicationVersion: today.applicationVersion,
        modelVersion: '1.1.0',
        inputs: today.inputs,
        inputsHash: today.inputsHash,
        referenceSnapshotHashes: today.referenceSnapshotHashes,
        jobId,
        computedAt: new Date(),
      });
    });
  }

  it('finds both versions registered by the migration, 1.1.0 active, and completes its activation once', async () => {
    const second = await db.dataSource.transaction((m) => registerScoringModels(m));
    expect(first).toEqual({ inserted: [], activated: null });
    expect(second).toEqual({ inserted: [], activated: null });
    const models = await listScoringModels(db.dataSource.manager);
    expect(models).toEqual([
      expect.objectContaining({ version: '1.0.0', active: false }),
      expect.objectContaining({ version: '1.1.0', active: true, activatedAt: expect.any(String) }),
    ]);
    // The migration may not write audit events: the first registration wrote the activation's, the second none.
    const events: Array<{
      action: string;
      subject_id: string;
      before: unknown;
      after: unknown;
      context: unknown;
    }> = await db.dataSource.query(
      `SELECT action, subject_id, before, after, context FROM audit_events
          WHERE action LIKE 'scoring.%' ORDER BY entry`,
    );
    expect(events).toEqual([
      {
        action: 'scoring.model_activated',
        subject_id: '1.1.0',
        before: { activeVersion: null },
        after: {
          activeVersion: '1.1.0',
          paramsHash: '39d533b70202ed2199dd4050bb4f1cd921a8025f404b99582a759228e0e87502',
        },
        context: { completedAtStart: true, queued: 0 },
      },
    ]);
  });

  it('scores S01 under 1.1.0: nothing evidenced, residual = gross; its documents make it stale, then the 1.0.0 figures', async () => {
    const s01 = sample('S01');
    const { applicationId } = await insertApplication(db.dataSource, s01);
    expect(await latestRiskAssessment(db.dataSource.manager, applicationId)).toBeNull();

    const bare = await assessNow(applicationId);
    expect(bare.inserted).toBe(true);
    expect(await latestRiskAssessment(db.dataSource.manager, applicationId)).toMatchObject({
      id: bare.id,
      current: true,
      grossBand: 'high',
      residualBand: 'high',
    });
    expect(bare.result.residual).toEqual({ score: 285, band: 'high' });

    // A document that evidences nothing in the structure changes no input.
    await attach(applicationId, ['esia', 'hedge_confirmation']);
    expect((await latestRiskAssessment(db.dataSource.manager, applicationId))!.current).toBe(true);
    // The evidence of every mitigant of S01 (PRI, offtake, water, independent review, FPIC): stale at once.
    await attach(applicationId, [
      'pri_policy',
      'offtake_agreement',
      'water_study',
      'independent_es_review',
      'fpic_evidence',
    ]);
    expect((await latestRiskAssessment(db.dataSource.manager, applicationId))!.current).toBe(false);

    const first = await assessNow(applicationId);
    expect(first.inserted).toBe(true);
    const latest = await latestRiskAssessment(db.dataSource.manager, applicationId);
    expect(latest).toMatchObject({
      id: first.id,
      current: true,
      grossBand: 'high',
      residualBand: 'substantial',
    });
    expect(latest!.view).toMatchObject({
      applicationId,
      modelVersion: '1.1.0',
      gross: { score: 285, band: 'high' },
      residual: { score: 215, band: 'substantial' },
      current: true,
      override: null,
      jobId: 'job-1',
    });
    const [stored]: Array<{ evidenced: unknown }> = await db.dataSource.query(
      `SELECT inputs->'evidencedMitigants' AS evidenced FROM risk_assessments WHERE id = $1`,
      [first.id],
    );
    expect(stored!.evidenced).toEqual([
      'fpic_agreement',
      'independent_es_review',
      'offtake',
      'political_risk_insurance',
      'water_solution',
    ]);
    expect(latest!.view.conservatismApplied).toMatchObject({ fromBand: 'moderate', band: 'substantial' });

    // A second run of the same inputs inserts nothing and writes no second event.
    const again = await assessNow(applicationId, 'job-2');
    expect(again).toMatchObject({ inserted: false, id: first.id });
    const counts: Array<{ a: string; e: string }> = await db.dataSource.query(
      `SELECT (SELECT count(*) FROM risk_assessments WHERE application_id = $1)::text AS a,
              (SELECT count(*) FROM audit_events WHERE action = 'risk.assessed' AND application_id = $1)::text AS e`,
      [applicationId],
    );
    expect(counts[0]).toEqual({ a: '2', e: '2' });
  });

  it('without financing the residual equals the gross', async () => {
    const { applicationId } = await insertApplication(db.dataSource, { input: sample('S01').input });
    await assessNow(applicationId);
    const latest = await latestRiskAssessment(db.dataSource.manager, applicationId);
    expect(latest!.view).toMatchObject({
      gross: { score: 285, band: 'high' },
      residual: { score: 285, band: 'high' },
    });
  });

  it('becomes stale when an input the model reads changes, but not for other fields', async () => {
    const s01 = sample('S01');
    const { applicationId } = await insertApplication(db.dataSource, s01);
    await assessNow(applicationId);
    await db.dataSource.query(
      `UPDATE applications SET input = jsonb_set(input, '{title}', '"Renamed"'), version = version + 1 WHERE id = $1`,
      [applicationId],
    );
    expect((await latestRiskAssessment(db.dataSource.manager, applicationId))!.current).toBe(true);
    await db.dataSource.query(
      `UPDATE applications SET input = jsonb_set(input, '{mineral}', '"gold"'), version = version + 1 WHERE id = $1`,
      [applicationId],
    );
    expect((await latestRiskAssessment(db.dataSource.manager, applicationId))!.current).toBe(false);
  });

  it('schedules with a deterministic job id through the outbox, also for an unscorable application', async () => {
    const s01 = sample('S01');
    const { applicationId } = await insertApplication(db.dataSource, s01);
    const jobId = await db.dataSource.transaction((m) =>
      scheduleRiskAssessment(m, applicationId, 'submitted'),
    );
    const today = await currentRiskInputs(db.dataSource.manager, applicationId);
    expect(jobId).toBe(`risk.${applicationId}.${(today as { inputsHash: string }).inputsHash}.1.1.0`);
    const outbox: Array<{ job_id: string; payload: { inputsHash: string } }> = await db.dataSource.query(
      `SELECT job_id, payload FROM outbox WHERE job_id = $1`,
      [jobId],
    );
    expect(outbox).toHaveLength(1);

    const { applicationId: badId } = await insertApplication(db.dataSource, {
      input: { ...sample('S01').input, country: 'ZZ' },
    });
    const badJob = await db.dataSource.transaction((m) => scheduleRiskAssessment(m, badId, 'submitted'));
    expect(badJob).toBe(`risk.${badId}.unscorable-v1.1.1.0`);
    expect(await currentRiskInputs(db.dataSource.manager, badId)).toMatchObject({
      unscorable: expect.stringContaining('ZZ'),
    });
  });
});
