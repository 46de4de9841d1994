import { scheduleRiskAssessment } from '../../../libs/application/src/index.js';
import { QUEUE_NAMES, QueueBackend } from '../../../libs/queue/src/index.js';
import { ensureCountriesSnapshot, eventually } from '../../integration/risk/risk-fixtures.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { financed } from './support.js';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/**
 * Re-assessment after close (monitoring.md): an annual report re-scores the project under the active model with
 * its actual DSCR, through the outbox, the relay and the worker's risk processor on Redis; the application view
 * shows risk at approval beside risk now, both replayable. A serious incident queues a re-assessment too.
 */
describe('after close: re-assessment from the annual report, risk at approval beside risk now (Redis, worker)', () => {
  let t: TestApp;
  let sponsor: TestUser;
  let officer: TestUser;
  let queues: QueueBackend;

  beforeAll(async () => {
    t = await createTestApp({ queueBackend: 'redis', withWorker: true });
    queues = t.worker!.get(QueueBackend);
    await ensureCountriesSnapshot(t.db.dataSource);
    sponsor = await t.createUser(['sponsor']);
    officer = await t.createUser(['officer']);
  });

  afterAll(async () => {
    await t.close();
  });

  const completed = async (jobId: string) => {
    const job = await queues.queue(QUEUE_NAMES.riskScoring).getJob(jobId);
    return job !== undefined && (await job.getState()) === 'completed';
  };
  const assessmentIds = async (id: string) =>
    (
      (await t.db.dataSource.query(
        `SELECT id FROM risk_assessments WHERE application_id = $1 ORDER BY computed_at`,
        [id],
      )) as { id: string }[]
    ).map((r) => r.id);

  it('an AMR with a DSCR of 1.05x re-scores the project; the view shows both assessments; both replay', async () => {
    const { id } = await financed(t, sponsor);
    await t.db.dataSource.query(`UPDATE applications SET stage = 'monitoring' WHERE id = $1`, [id]);
    // The assessment the committee approved on (the same inputs as today: no report yet).
    const approvalJob = await t.db.dataSource.transaction((m) => scheduleRiskAssessment(m, id, 'submitted'));
    await eventually(() => completed(approvalJob), 30_000);
    const [approvalId] = await assessmentIds(id);
    await t.db.dataSource.query(`UPDATE applications SET ic_assessment_id = $2 WHERE id = $1`, [
      id,
      approvalId,
    ]);

    const upload = await t
      .supertest('POST', `/api/v1/applications/${id}/documents`, { token: sponsor.token })
      .field('kind', 'other')
      .attach('file', PDF, { filename: 'amr.pdf', contentType: 'application/pdf' });
    const year = new Date().getUTCFullYear();
    const filed = await t.request('POST', `/api/v1/applications/${id}/monitoring-reports`, {
      token: sponsor.token,
      body: {
        documentId: upload.body.id,
        figures: {
          year,
          dscrActual: 105,
          fatalities: 0,
          lostTimeInjuryFrequency: 40,
          waterWithdrawalM3: 900_000,
          ghgScope12Tonnes: 50_000,
          grievancesReceived: 4,
          grievancesResolved: 4,
          localEmploymentPct: 70,
          localProcurementPct: 30,
        },
      },
    });
    expect(filed.status).toBe(201);
    expect(filed.body.breaches.map((b: any) => b.code)).toEqual(['DSCR_MIN']);
    const [event] = await t.db.dataSource.query(
      `SELECT context FROM audit_events WHERE application_id = $1 AND action = 'amr.submitted'`,
      [id],
    );
    const jobId = event.context.reassessmentJobId as string;
    expect(jobId).not.toBe(approvalJob);
    await eventually(() => completed(jobId), 30_000);
    const ids = await assessmentIds(id);
    expect(ids).toHaveLength(2);
    const nowId = ids[1]!;

    const view = await t.request('GET', `/api/v1/applications/${id}`, { token: officer.token });
    expect(view.status).toBe(200);
    expect(view.body.riskAtApproval.id).toBe(approvalId);
    expect(view.body.latestRiskAssessment.id).toBe(nowId);
    const dscr = async (assessmentId: string) =>
      (
        await t.db.dataSource.query(
          `SELECT (inputs->'sponsor'->>'baseCaseDscr')::int AS dscr FROM risk_assessments WHERE id = $1`,
          [assessmentId],
        )
      )[0].dscr;
    expect(await dscr(approvalId!)).toBe(145);
    expect(await dscr(nowId)).toBe(105);
    expect(view.body.latestRiskAssessment.current).toBe(true);
    expect(view.body.riskAtApproval.current).toBe(false);
    expect(view.body.latestRiskAssessment.inputsHash).not.toBe(view.body.riskAtApproval.inputsHash);
    expect(view.body.latestRiskAssessment.gross.score).toBeGreaterThanOrEqual(
      view.body.riskAtApproval.gross.score,
    );
    for (const assessment of [approvalId, nowId]) {
      const replay = await t.request('POST', `/api/v1/risk-assessments/${assessment}/replay`, {
        token: officer.token,
      });
      expect(replay.status).toBe(200);
      expect(replay.body.reproduced).toBe(true);
    }

    // A serious incident queues a re-assessment of today's inputs (the same as the report's: nothing new).
    const incident = await t.request('POST', `/api/v1/applications/${id}/incidents`, {
      token: officer.token,
      body: {
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        kind: 'fatality',
        severity: 3,
        description: 'A contractor died in a haul-truck collision',
      },
    });
    expect(incident.status).toBe(201);
    expect(incident.body.incident).toMatchObject({ serious: true, late: false });
    const [reported] = await t.db.dataSource.query(
      `SELECT context FROM audit_events WHERE application_id = $1 AND action = 'incident.reported'`,
      [id],
    );
    expect(reported.context.reassessmentJobId).toBe(jobId);
    expect(await assessmentIds(id)).toHaveLength(2);
  });
});
