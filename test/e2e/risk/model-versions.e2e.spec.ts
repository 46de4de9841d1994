import { FORGE_RRS_1_0_0, FORGE_RRS_1_1_0, paramsHash } from '../../../libs/domain/src/index.js';
import { latestRiskAssessment } from '../../../libs/persistence/src/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import {
  attachDocuments,
  ensureCountriesSnapshot,
  evidenceKindsOf,
  eventually,
  insertApplication,
  sample,
} from '../../integration/risk/risk-fixtures.js';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/**
 * FORGE-RRS 1.0.0 and 1.1.0 side by side through the API on PostgreSQL (issue 13.7, scoring.md): an assessment
 * made under 1.0.0 replays to identical hashes after 1.1.0 is active; 1.1.0 credits only evidenced mitigants,
 * and attaching the missing evidence re-assesses the application.
 */
describe('scoring model versions end to end', () => {
  let t: TestApp;
  let admin: TestUser;
  let auditor: TestUser;
  let sponsor: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ queueBackend: 'postgres', withWorker: true });
    await ensureCountriesSnapshot(t.db.dataSource);
    admin = await t.createUser(['admin']);
    auditor = await t.createUser(['auditor']);
    sponsor = await t.createUser(['sponsor']);
  });
  afterAll(async () => {
    await t.close();
  });

  const latest = (applicationId: string) => latestRiskAssessment(t.db.dataSource.manager, applicationId);
  /** Waits for an assessment of the application under `version`, other than those in `seen`. */
  async function nextAssessment(applicationId: string, version: string, seen: readonly string[] = []) {
    await eventually(async () => {
      const now = await latest(applicationId);
      return now !== null && now.current && now.view.modelVersion === version && !seen.includes(now.id);
    }, 30_000);
    return (await latest(applicationId))!;
  }
  const activate = (version: string) =>
    t.request('POST', `/api/v1/admin/scoring/models/${version}/activate`, { token: admin.token });

  it('starts on 1.1.0, activated once through the registry with 1.0.0 kept', async () => {
    const models = await t.request('GET', '/api/v1/scoring/models', { token: auditor.token });
    expect(models.status).toBe(200);
    expect(models.body).toEqual([
      expect.objectContaining({ version: '1.0.0', active: false, paramsHash: paramsHash(FORGE_RRS_1_0_0) }),
      expect.objectContaining({ version: '1.1.0', active: true, paramsHash: paramsHash(FORGE_RRS_1_1_0) }),
    ]);
    const events: Array<{ n: string }> = await t.db.dataSource.query(
      `SELECT count(*)::text AS n FROM audit_events WHERE action = 'scoring.model_activated' AND subject_id = '1.1.0'`,
    );
    // The API and the worker both registered on start; the activation was completed once.
    expect(events[0]!.n).toBe('1');
  });

  it('replays a 1.0.0 assessment to identical hashes after 1.1.0 is active; evidence moves the 1.1.0 score', async () => {
    // Under 1.0.0 a declared mitigant counts: S01 gross 285 → residual 215 (golden).
    expect((await activate('1.0.0')).body).toMatchObject({ version: '1.0.0', previousVersion: '1.1.0' });
    const s01 = sample('S01');
    const { applicationId } = await insertApplication(t.db.dataSource, {
      ...s01,
      stage: 'financing',
      organizationId: sponsor.organizationId!,
    });
    // The demo's evidence: everything but the offtake (still at tender stage).
    await attachDocuments(
      t.db.dataSource,
      applicationId,
      evidenceKindsOf(s01.financing as never, ['offtake']),
    );
    const requested = await t.request('POST', `/api/v1/applications/${applicationId}/risk-assessments`, {
      token: (await t.createUser(['officer'])).token,
    });
    expect(requested.status).toBe(202);
    const v100 = await nextAssessment(applicationId, '1.0.0');
    expect(v100.view).toMatchObject({
      paramsHash: paramsHash(FORGE_RRS_1_0_0),
      gross: { score: 285, band: 'high' },
      residual: { score: 215, band: 'substantial' },
    });
    const inputKeys = async (id: string): Promise<string[]> => {
      const [row]: Array<{ keys: string[] }> = await t.db.dataSource.query(
        `SELECT array(SELECT jsonb_object_keys(inputs)) AS keys FROM risk_assessments WHERE id = $1`,
        [id],
      );
      return row!.keys;
    };
    expect(await inputKeys(v100.id)).not.toContain('evidencedMitigants');

    // 1.1.0 active again through the registry: the open application is re-assessed, the offtake earns nothing.
    const activated = await activate('1.1.0');
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ version: '1.1.0', previousVersion: '1.0.0' });
    expect(activated.body.queued).toBeGreaterThanOrEqual(1);
    const v110 = await nextAssessment(applicationId, '1.1.0');
    expect(v110.view).toMatchObject({
      paramsHash: paramsHash(FORGE_RRS_1_1_0),
      gross: { score: 285, band: 'high' },
      residual: { score: 230, band: 'substantial' },
      riskReductionPct: 2973,
      expectedLoss: { grossBp: 325, residualBp: 190, reductionPct: 4154 },
    });
    const offtake = v110.view.factors
      .find((f) => f.code === 'F2_MARKET')!
      .credits.find((c) => c.mitigant === 'offtake');
    expect(offtake).toEqual({
      mitigant: 'offtake',
      notches: 0,
      reason: 'not evidenced',
      evidenceKind: 'offtake_agreement',
    });
    expect(await inputKeys(v110.id)).toContain('evidencedMitigants');
    const stale = await t.request('GET', `/api/v1/risk-assessments/${v100.id}`, { token: auditor.token });
    expect(stale.body).toMatchObject({ current: false, modelVersion: '1.0.0' });

    // The 1.0.0 record replays under 1.0.0, field for field (hashes included).
    const replay100 = await t.request('POST', `/api/v1/risk-assessments/${v100.id}/replay`, {
      token: auditor.token,
    });
    expect(replay100.status).toBe(200);
    expect(replay100.body).toMatchObject({ reproduced: true, differences: [] });
    // 1.1.0 cannot score inputs that do not say what is evidenced: reported, not guessed.
    expect(replay100.body.underActiveModel).toMatchObject({
      modelVersion: '1.1.0',
      error: { code: 'SCORING.INVALID_INPUTS' },
    });
    const [stored]: Array<{ inputs_hash: string; params_hash: string }> = await t.db.dataSource.query(
      `SELECT inputs_hash, params_hash FROM risk_assessments WHERE id = $1`,
      [v100.id],
    );
    expect(stored).toEqual({ inputs_hash: v100.view.inputsHash, params_hash: paramsHash(FORGE_RRS_1_0_0) });

    const replay110 = await t.request('POST', `/api/v1/risk-assessments/${v110.id}/replay`, {
      token: auditor.token,
    });
    expect(replay110.body).toMatchObject({ reproduced: true, differences: [], differencesFromActive: [] });

    // A document that evidences nothing in the structure changes no input and queues nothing…
    const upload = async (kind: string) => {
      const request = t.supertest('POST', `/api/v1/applications/${applicationId}/documents`, {
        token: sponsor.token,
      });
      void request.field('kind', kind);
      void request.attach('file', PDF, { filename: `${kind}.pdf`, contentType: 'application/pdf' });
      const response = await request;
      expect(response.status).toBe(201);
      const [event]: Array<{ context: Record<string, unknown> }> = await t.db.dataSource.query(
        `SELECT context FROM audit_events WHERE action = 'document.added' AND subject_id = $1`,
        [response.body.id],
      );
      return event!.context;
    };
    expect(await upload('esia')).not.toHaveProperty('riskAssessmentQueued');
    expect((await latest(applicationId))!.id).toBe(v110.id);
    // …the signed offtake agreement does: re-assessed under 1.1.0 with the offtake credited (the 1.0.0 figures).
    expect(await upload('offtake_agreement')).toMatchObject({ riskAssessmentQueued: true });
    expect((await latest(applicationId))!.current).toBe(false);
    const evidenced = await nextAssessment(applicationId, '1.1.0', [v110.id]);
    expect(evidenced.view).toMatchObject({
      residual: { score: 215, band: 'substantial' },
      riskReductionPct: 3784,
    });
  });
});
