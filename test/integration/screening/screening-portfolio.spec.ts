import {
  ApplicationCommandRunner,
  loadBundledReferenceData,
  recomputeScreening,
  reevaluationTiming,
  refreshEsgChecks,
  ScreeningJob,
} from '../../../libs/application/src/index.js';
import { loadConfig } from '../../../libs/config/src/index.js';
import { UnitOfWork } from '../../../libs/persistence/src/index.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import {
  applicationRow,
  auditCount,
  checksOf,
  insertApplication,
  portfolio,
  sample,
} from './screening-fixtures.js';

/** The proposed E&S categories of the sample portfolio (checks.md rules applied by hand to each input). */
const EXPECTED_CATEGORY: Record<string, string> = {
  S01: 'A', // Indigenous Peoples present
  S02: 'A', // tailings consequence class high
  S03: 'B',
  S04: 'A', // Indigenous Peoples present
  S05: 'B',
  S06: 'A', // critical habitat
  S07: 'B',
  S08: 'A', // tailings consequence class very_high
  S09: 'B',
  S10: 'A', // upstream tailings, extreme consequence, Indigenous Peoples
  S11: 'B',
  S12: 'A', // protected-area overlap
  S13: 'B',
  S14: 'C', // recycling, brownfield
};

const config = loadConfig({ NODE_ENV: 'test' });
const timing = () => reevaluationTiming(new Date(), config.deadlines.policy);

describe('screening job on the sample portfolio (the use case run directly, bundled reference data)', () => {
  let db: TestDatabase;
  let job: ScreeningJob;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadBundledReferenceData(db.dataSource);
    const unitOfWork = new UnitOfWork(db.dataSource);
    job = new ScreeningJob(new ApplicationCommandRunner(unitOfWork, config), unitOfWork, config);
  });
  afterAll(async () => {
    await db.drop();
  });

  const screen = async (id: string, version = 2, jobId = `job-${id}`) =>
    job.run(
      { applicationId: id, applicationVersion: version, sanctionsListSha256: 'x', reason: 'submitted' },
      jobId,
    );

  it.each(portfolio.applications.map((s) => [s.key, s] as const))(
    '%s screens clear, moves to screening with its proposed category and passing screening checks',
    async (key, s) => {
      const { id } = await insertApplication(db.dataSource, s.input);
      const outcome = await screen(id);
      expect(outcome).toMatchObject({
        status: 'screened',
        result: 'clear',
        stageBefore: 'submitted',
        stageAfter: 'screening',
      });
      const app = await applicationRow(db.dataSource, id);
      expect(app.stage).toBe('screening');
      expect(app.version).toBe(3);
      expect(app.screening_version).toBe(3);
      expect(app.proposed_category).toBe(EXPECTED_CATEGORY[key]);
      expect(app.screening.result).toBe('clear');
      expect(app.screening.blockedOwnershipPct).toBe(0);
      const checks = await checksOf(db.dataSource, id);
      expect(checks.get('SANCTIONS.PARTIES')?.outcome).toBe('pass');
      for (const code of ['ELIG.COUNTRY', 'ELIG.MINERAL', 'ELIG.TICKET', 'ELIG.EQUATOR']) {
        expect([code, checks.get(code)?.stage, checks.get(code)?.outcome]).toEqual([
          code,
          'screening',
          'pass',
        ]);
      }
      expect(checks.get('ESG.CATEGORY_CONFIRMED')).toMatchObject({
        stage: 'esg_review',
        outcome: 'needs_review',
      });
      expect(await auditCount(db.dataSource, id, 'screening.completed')).toBe(1);
    },
  );

  it('N01: blocked by the OFAC 50% rule (both holding companies blocked: 100.00%, look-through 55.00%), SANCTIONS.PARTIES fail', async () => {
    const { id } = await insertApplication(db.dataSource, sample('N01').input);
    const outcome = await screen(id);
    expect(outcome).toMatchObject({ status: 'screened', result: 'blocked', stageAfter: 'screening' });
    const app = await applicationRow(db.dataSource, id);
    expect(app.screening.result).toBe('blocked');
    expect(app.screening.blockedOwnershipPct).toBe(100);
    expect(app.screening.lookThroughPct).toBe(55);
    expect((await checksOf(db.dataSource, id)).get('SANCTIONS.PARTIES')?.outcome).toBe('fail');
  });

  it('N02: proposed category FI', async () => {
    const { id } = await insertApplication(db.dataSource, sample('N02').input);
    await screen(id);
    expect((await applicationRow(db.dataSource, id)).proposed_category).toBe('FI');
  });

  it('N03: TRANS.PEP needs_review (an 8% politically exposed owner)', async () => {
    const { id } = await insertApplication(db.dataSource, sample('N03').input);
    await screen(id);
    const checks = await checksOf(db.dataSource, id);
    expect(checks.get('TRANS.PEP')).toMatchObject({ stage: 'esg_review', outcome: 'needs_review' });
    expect(checks.get('SANCTIONS.PARTIES')?.outcome).toBe('pass');
  });

  it('is idempotent: a second run of the same job writes nothing', async () => {
    const { id } = await insertApplication(db.dataSource, sample('S03').input);
    await screen(id, 2, 'job-a');
    const before = await applicationRow(db.dataSource, id);
    const checksBefore = await db.dataSource.query(
      `SELECT code, outcome, updated_at FROM checks WHERE application_id = $1 ORDER BY code`,
      [id],
    );
    expect(await screen(id, 2, 'job-a')).toEqual({ status: 'skipped', reason: 'already_screened' });
    expect(await screen(id, 2, 'job-b')).toEqual({ status: 'skipped', reason: 'already_screened' });
    expect(await applicationRow(db.dataSource, id)).toEqual(before);
    expect(
      await db.dataSource.query(
        `SELECT code, outcome, updated_at FROM checks WHERE application_id = $1 ORDER BY code`,
        [id],
      ),
    ).toEqual(checksBefore);
    expect(await auditCount(db.dataSource, id, 'screening.completed')).toBe(1);
  });

  it('skips missing, draft and closed applications (financed and carried projects are re-screened)', async () => {
    expect(await screen('00000000-0000-4000-8000-000000000000')).toEqual({
      status: 'skipped',
      reason: 'application_not_found',
    });
    for (const stage of ['draft', 'withdrawn', 'rejected', 'repaid', 'written_off']) {
      const { id } = await insertApplication(db.dataSource, sample('S05').input, { stage });
      expect(await screen(id)).toEqual({ status: 'skipped', reason: 'not_screenable_stage' });
    }
  });

  it('throws APPLICATION.INVALID_OWNERSHIP (never screenable) for an invalid tree and writes nothing', async () => {
    const input = structuredClone(sample('S05').input);
    input.governance.beneficialOwners[0]!.ownershipPct = 120;
    const { id } = await insertApplication(db.dataSource, input);
    await expect(screen(id)).rejects.toMatchObject({ code: 'APPLICATION.INVALID_OWNERSHIP' });
    expect((await applicationRow(db.dataSource, id)).stage).toBe('submitted');
    expect(await auditCount(db.dataSource, id, 'screening.completed')).toBe(0);
  });

  it('a version conflict (a concurrent command) rolls the job back and throws for a retry', async () => {
    const { id } = await insertApplication(db.dataSource, sample('S07').input);
    // A command committing between the job's read and its conditional update, simulated by a trigger that
    // bumps the version while the job writes its checks.
    const fn = `bump_${id.replaceAll('-', '').slice(0, 12)}`;
    await db.dataSource.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE applications SET version = version + 1 WHERE id = NEW.application_id; RETURN NEW; END $$`);
    await db.dataSource.query(
      `CREATE TRIGGER ${fn} AFTER INSERT ON checks FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    );
    await expect(screen(id)).rejects.toMatchObject({ code: 'APPLICATION.VERSION_CONFLICT' });
    const app = await applicationRow(db.dataSource, id);
    expect([app.stage, app.version, app.screening]).toEqual(['submitted', 2, null]);
    expect((await checksOf(db.dataSource, id)).size).toBe(0);
    expect(await auditCount(db.dataSource, id, 'screening.completed')).toBe(0);
    await db.dataSource.query(`DROP TRIGGER ${fn} ON checks`);
    await db.dataSource.query(`DROP FUNCTION ${fn}()`);
    // The retry succeeds.
    expect(await screen(id)).toMatchObject({ status: 'screened', stageAfter: 'screening', version: 3 });
  });

  it('a job queued at an older version screens the current state (re-screens are never lost)', async () => {
    const { id } = await insertApplication(db.dataSource, sample('S09').input, { version: 5 });
    expect(await screen(id, 2)).toMatchObject({ status: 'screened', version: 6 });
    expect(await screen(id, 2)).toEqual({ status: 'skipped', reason: 'already_screened' });
  });

  it('refreshEsgChecks builds the confirmed category set and drops the codes not listed for it', async () => {
    const { id } = await insertApplication(db.dataSource, sample('S01').input);
    await screen(id);
    await db.dataSource.query(`UPDATE applications SET category = 'A', stage = 'esg_review' WHERE id = $1`, [
      id,
    ]);
    const first = await db.dataSource.transaction((m) => refreshEsgChecks(m, id, timing()));
    expect(first.created).toEqual(
      expect.arrayContaining(['ESG.ESIA', 'ESG.INDEPENDENT_REVIEW', 'ESG.FPIC', 'TRANS.CONTRACTS']),
    );
    expect(first.dropped).toEqual([]);
    let checks = await checksOf(db.dataSource, id);
    expect(checks.get('ESG.CATEGORY_CONFIRMED')?.outcome).toBe('pass');
    expect(checks.get('ESG.INDEPENDENT_REVIEW')?.outcome).toBe('needs_review');
    await db.dataSource.query(`UPDATE applications SET category = 'C' WHERE id = $1`, [id]);
    const second = await db.dataSource.transaction((m) => refreshEsgChecks(m, id, timing()));
    expect(second.dropped.sort()).toEqual([
      'ESG.ESIA',
      'ESG.FPIC',
      'ESG.INDEPENDENT_REVIEW',
      'TRANS.CONTRACTS',
    ]);
    checks = await checksOf(db.dataSource, id);
    expect(checks.has('ESG.ESIA')).toBe(false);
    expect(await db.dataSource.transaction((m) => refreshEsgChecks(m, id, timing()))).toEqual({
      created: [],
      updated: [],
      dropped: [],
      reevaluations: [],
    });
  });

  it('recomputeScreening applies a new disposition on the stored list', async () => {
    const input = structuredClone(sample('S05').input);
    input.governance.beneficialOwners.push({
      name: 'Black Salar Minerales',
      type: 'entity',
      country: 'VG',
      ownershipPct: 0.5,
      isPep: false,
    });
    input.governance.beneficialOwners[0]!.ownershipPct -= 0.5;
    const { id, userId } = await insertApplication(db.dataSource, input);
    await screen(id);
    expect((await applicationRow(db.dataSource, id)).screening.result).toBe('review');
    expect((await checksOf(db.dataSource, id)).get('SANCTIONS.PARTIES')?.outcome).toBe('needs_review');
    const officer = userId; // any user id satisfies the foreign key
    await db.dataSource.query(
      `INSERT INTO screening_dispositions (id, application_id, party_name, disposition, decided_by)
       VALUES (gen_random_uuid(), $1, 'Black Salar Minerales', 'false_positive', $2)`,
      [id, officer],
    );
    const result = await db.dataSource.transaction((m) => recomputeScreening(m, id, timing()));
    expect(result?.result).toBe('clear');
    expect((await applicationRow(db.dataSource, id)).screening.result).toBe('clear');
    expect((await checksOf(db.dataSource, id)).get('SANCTIONS.PARTIES')?.outcome).toBe('pass');
  });
});
