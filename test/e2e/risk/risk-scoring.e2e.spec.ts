import { FORGE_RRS_1_0_0, paramsHash, type ScoringModelParams } from '../../../libs/domain/src/index.js';
import { runRiskScoringJob, scheduleRiskAssessment } from '../../../libs/application/src/index.js';
import { latestRiskAssessment } from '../../../libs/persistence/src/index.js';
import { QUEUE_NAMES, QueueBackend } from '../../../libs/queue/src/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import {
  attachDocuments,
  ensureCountriesSnapshot,
  evidenceKindsOf,
  eventually,
  insertApplication,
  sample,
} from '../../integration/risk/risk-fixtures.js';

/**
 * Risk scoring over the database and the queue, end to end on both BullMQ backends: the API, the outbox relay
 * and the worker's processor run for real.
 */
describe.each(['postgres', 'redis'] as const)('risk scoring end to end on %s', (queueBackend) => {
  let t: TestApp;
  let officer: TestUser;
  let admin: TestUser;
  let auditor: TestUser;
  let queues: QueueBackend;

  const count = async (sql: string, params: unknown[]): Promise<number> => {
    const rows: Array<{ n: string }> = await t.db.dataSource.query(sql, params);
    return Number(rows[0]!.n);
  };
  const assessments = (applicationId: string) =>
    count(`SELECT count(*)::text AS n FROM risk_assessments WHERE application_id = $1`, [applicationId]);
  const assessedEvents = (applicationId: string) =>
    count(
      `SELECT count(*)::text AS n FROM audit_events WHERE action = 'risk.assessed' AND application_id = $1`,
      [applicationId],
    );
  const schedule = (applicationId: string) =>
    t.db.dataSource.transaction((m) => scheduleRiskAssessment(m, applicationId, 'submitted'));
  const jobState = async (jobId: string) => {
    const job = await queues.queue(QUEUE_NAMES.riskScoring).getJob(jobId);
    return job ? { state: await job.getState(), attemptsMade: job.attemptsMade } : null;
  };

  beforeAll(async () => {
    t = await createTestApp({ queueBackend, withWorker: true });
    queues = t.worker!.get(QueueBackend);
    await ensureCountriesSnapshot(t.db.dataSource);
    officer = await t.createUser(['officer']);
    admin = await t.createUser(['admin']);
    auditor = await t.createUser(['auditor']);
  });

  afterAll(async () => {
    await t.close();
  });

  it('assesses S01 once with the golden numbers, and a redelivered job changes nothing', async () => {
    const s01 = sample('S01');
    const { applicationId } = await insertApplication(t.db.dataSource, s01);
    // FORGE-RRS 1.1.0 (active): every mitigant evidenced gives the 1.0.0 golden numbers.
    await attachDocuments(t.db.dataSource, applicationId, evidenceKindsOf(s01.financing as never));
    const jobId = await schedule(applicationId);
    await eventually(async () => (await jobState(jobId))?.state === 'completed');
    expect(await assessments(applicationId)).toBe(1);

    const latest = await latestRiskAssessment(t.db.dataSource.manager, applicationId);
    expect(latest).toMatchObject({ current: true, grossBand: 'high', residualBand: 'substantial' });
    expect(latest!.view).toMatchObject({
      gross: { score: 285, band: 'high' },
      residual: { score: 215, band: 'substantial' },
      modelVersion: '1.1.0',
      jobId,
    });

    // The same job id again: BullMQ deduplicates it; the same payload under another id: the processor skips.
    const queue = queues.queue(QUEUE_NAMES.riskScoring);
    const payload = { applicationId, inputsHash: 'x', modelVersion: '1.1.0', reason: 'requested' };
    await queue.add('assess-application', payload, { jobId });
    const redelivered = `${jobId}-redelivered`;
    await queue.add('assess-application', payload, { jobId: redelivered });
    await eventually(async () => (await jobState(redelivered))?.state === 'completed');
    // And the processor run directly once more.
    const direct = await runRiskScoringJob(t.db.dataSource, { jobId, applicationId, attempt: 1 });
    expect(direct).toEqual({ status: 'already_assessed', assessmentId: latest!.id });
    expect(await assessments(applicationId)).toBe(1);
    expect(await assessedEvents(applicationId)).toBe(1);

    const list = await t.request('GET', `/api/v1/applications/${applicationId}/risk-assessments`, {
      token: officer.token,
    });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ id: latest!.id, current: true, gross: { score: 285 } });
    expect(list.body[0].factors[0].reason).toEqual(expect.any(String));
  });

  it('without financing the residual equals the gross', async () => {
    const { applicationId } = await insertApplication(t.db.dataSource, { input: sample('S01').input });
    const jobId = await schedule(applicationId);
    await eventually(async () => (await jobState(jobId))?.state === 'completed');
    const latest = await latestRiskAssessment(t.db.dataSource.manager, applicationId);
    expect(latest!.view).toMatchObject({
      gross: { score: 285, band: 'high' },
      residual: { score: 285, band: 'high' },
    });
  });

  it('goes stale after an input change and a new schedule gives a new current assessment', async () => {
    const { applicationId } = await insertApplication(t.db.dataSource, sample('S01'));
    await eventually(async () => (await jobState(await schedule(applicationId)))?.state === 'completed');
    await t.db.dataSource.query(
      `UPDATE applications SET input = jsonb_set(input, '{mineral}', '"copper"'), version = version + 1 WHERE id = $1`,
      [applicationId],
    );
    expect((await latestRiskAssessment(t.db.dataSource.manager, applicationId))!.current).toBe(false);
    const list = await t.request('GET', `/api/v1/applications/${applicationId}/risk-assessments`, {
      token: officer.token,
    });
    expect(list.body[0].current).toBe(false);

    const second = await schedule(applicationId);
    await eventually(async () => (await jobState(second))?.state === 'completed');
    const latest = await latestRiskAssessment(t.db.dataSource.manager, applicationId);
    expect(latest!.current).toBe(true);
    expect(latest!.view).toMatchObject({ applicationVersion: 2, jobId: second });
    expect(await assessments(applicationId)).toBe(2);
  });

  it('queues an assessment on request (202, audited) and refuses it to sponsors', async () => {
    const { applicationId, organizationId } = await insertApplication(t.db.dataSource, sample('S02'));
    const requested = await t.request('POST', `/api/v1/applications/${applicationId}/risk-assessments`, {
      token: officer.token,
    });
    expect(requested.status).toBe(202);
    expect(requested.body.jobId).toMatch(new RegExp(`^risk\\.${applicationId}\\.[0-9a-f]{64}\\.1\\.1\\.0$`));
    expect(
      await count(
        `SELECT count(*)::text AS n FROM audit_events WHERE action = 'risk.assessment_requested' AND application_id = $1`,
        [applicationId],
      ),
    ).toBe(1);
    await eventually(async () => (await assessments(applicationId)) === 1);

    // Risk assessments are the fund's deliberation: a sponsor is refused them, even on its own application
    // (pipeline.md "What a sponsor sees").
    const own = await t.createUser(['sponsor'], { organizationId });
    const other = await t.createUser(['sponsor']);
    const staffList = await t.request('GET', `/api/v1/applications/${applicationId}/risk-assessments`, {
      token: officer.token,
    });
    expect(staffList.status).toBe(200);
    const id = staffList.body[0].id as string;
    expect((await t.request('GET', `/api/v1/risk-assessments/${id}`, { token: officer.token })).status).toBe(
      200,
    );
    for (const url of [
      `/api/v1/applications/${applicationId}/risk-assessments`,
      `/api/v1/risk-assessments/${id}`,
    ]) {
      for (const sponsor of [own, other]) {
        const response = await t.request('GET', url, { token: sponsor.token });
        expect(response.status).toBe(403);
      }
    }
    expect(
      (await t.request('POST', `/api/v1/risk-assessments/${id}/replay`, { token: own.token })).status,
    ).toBe(403);
    expect(
      (
        await t.request('POST', `/api/v1/applications/${applicationId}/risk-assessments`, {
          token: auditor.token,
        })
      ).status,
    ).toBe(403);
  });

  it('records an unscorable application as a failure with its reason, without retries', async () => {
    const { applicationId } = await insertApplication(t.db.dataSource, {
      input: { ...sample('S01').input, country: 'ZZ' },
    });
    const jobId = await schedule(applicationId);
    await eventually(async () => (await jobState(jobId))?.state === 'failed');
    expect(await jobState(jobId)).toEqual({ state: 'failed', attemptsMade: 1 });
    const failures = await t.request('GET', `/api/v1/applications/${applicationId}/risk-jobs/failures`, {
      token: officer.token,
    });
    expect(failures.status).toBe(200);
    expect(failures.body).toEqual([
      expect.objectContaining({
        jobId,
        attempts: 1,
        reason: expect.stringMatching(/SCORING\.INVALID_INPUTS.*ZZ/),
      }),
    ]);
    expect(await assessments(applicationId)).toBe(0);
  });

  it('replays a stored assessment; activating another model makes it stale and re-queues open applications', async () => {
    const { applicationId } = await insertApplication(t.db.dataSource, sample('S01'));
    const firstJob = await schedule(applicationId);
    await eventually(async () => (await jobState(firstJob))?.state === 'completed');
    const before = await latestRiskAssessment(t.db.dataSource.manager, applicationId);

    const replay = await t.request('POST', `/api/v1/risk-assessments/${before!.id}/replay`, {
      token: auditor.token,
    });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ reproduced: true, differences: [], differencesFromActive: [] });

    // A test model: F1 weighs 1000, F2 2000 (S01: F1 = 4, F2 = 3 → gross 280 instead of 285).
    const testModel: ScoringModelParams = {
      ...structuredClone(FORGE_RRS_1_0_0),
      version: '1.0.1-test',
      factors: FORGE_RRS_1_0_0.factors.map((f) => ({
        ...structuredClone(f),
        weightBp: f.code === 'F1_COUNTRY' ? 1000 : f.code === 'F2_MARKET' ? 2000 : f.weightBp,
      })),
    } as ScoringModelParams;
    await t.db.dataSource.query(
      `INSERT INTO scoring_models (version, params, params_hash) VALUES ($1, $2::jsonb, $3)`,
      [testModel.version, JSON.stringify(testModel), paramsHash(testModel)],
    );
    expect(
      (await t.request('POST', `/api/v1/admin/scoring/models/1.0.1-test/activate`, { token: officer.token }))
        .status,
    ).toBe(403);
    const activated = await t.request('POST', `/api/v1/admin/scoring/models/1.0.1-test/activate`, {
      token: admin.token,
    });
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ version: '1.0.1-test', active: true, previousVersion: '1.1.0' });
    expect(activated.body.queued).toBeGreaterThanOrEqual(1);
    expect(
      await count(
        `SELECT count(*)::text AS n FROM audit_events WHERE action = 'scoring.model_activated' AND subject_id = $1`,
        ['1.0.1-test'],
      ),
    ).toBe(1);
    expect(
      (await t.request('POST', `/api/v1/admin/scoring/models/9.9.9/activate`, { token: admin.token })).status,
    ).toBe(404);

    const models = await t.request('GET', '/api/v1/scoring/models', { token: auditor.token });
    expect(models.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ version: '1.0.0', active: false }),
        expect.objectContaining({ version: '1.1.0', active: false }),
        expect.objectContaining({ version: '1.0.1-test', active: true, paramsHash: paramsHash(testModel) }),
      ]),
    );

    // The re-assessment under the new model arrives; until then the old one is stale.
    await eventually(async () => {
      const latest = await latestRiskAssessment(t.db.dataSource.manager, applicationId);
      return latest !== null && latest.id !== before!.id;
    });
    const stale = await t.request('GET', `/api/v1/risk-assessments/${before!.id}`, { token: officer.token });
    expect(stale.body).toMatchObject({ current: false, modelVersion: '1.1.0' });
    const latest = await latestRiskAssessment(t.db.dataSource.manager, applicationId);
    expect(latest).toMatchObject({ current: true });
    expect(latest!.view).toMatchObject({ modelVersion: '1.0.1-test', gross: { score: 280 } });

    // Replay still reproduces under the stored model, and reports the differences under the active one.
    const again = await t.request('POST', `/api/v1/risk-assessments/${before!.id}/replay`, {
      token: officer.token,
    });
    expect(again.body.reproduced).toBe(true);
    expect(again.body.underActiveModel).toMatchObject({ modelVersion: '1.0.1-test', gross: { score: 280 } });
    const paths = (again.body.differencesFromActive as Array<{ path: string }>).map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['modelVersion', 'paramsHash', 'gross.score', 'factors[F1_COUNTRY].weight']),
    );
  });
});
