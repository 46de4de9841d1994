import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { auditCount, driveToFinancing, stageOf, type Officers } from '../applications/support.js';

/**
 * Issue 13, item 5: a financing structure that makes no sense for the project is refused through the API
 * (FORGE amount ≤ requested ≤ capex; co-financing + FORGE ≤ capex; percentages within 0–100), with a
 * problem+json naming each guard, and nothing is written. Sample S13: capex US$300 m, requested US$100 m.
 */
describe('financing guards through PUT /applications/:id/financing', () => {
  let t: TestApp;
  let sponsor: TestUser;
  let officers: Officers;
  let id: string;

  beforeAll(async () => {
    t = await createTestApp({ queueBackend: 'postgres' });
    sponsor = await t.createUser(['sponsor']);
    officers = { officer: await t.createUser(['officer']), checker: await t.createUser(['officer']) };
    id = await driveToFinancing(t, sponsor, officers, 'S13');
  });
  afterAll(async () => {
    await t.close();
  });

  async function put(body: Record<string, unknown>) {
    const { version } = await stageOf(t, id);
    return t.request('PUT', `/api/v1/applications/${id}/financing`, {
      token: officers.officer.token,
      body: {
        instrument: 'senior_loan',
        amountUsd: 80_000_000,
        tenorYears: 12,
        mitigants: [],
        conditionsPrecedent: ['Equity injected'],
        expectedVersion: version,
        ...body,
      },
    });
  }

  async function nothingWritten(versionBefore: number) {
    expect(await stageOf(t, id)).toEqual({ stage: 'financing', version: versionBefore });
    const [row]: Array<{ financing: unknown }> = await t.db.dataSource.query(
      `SELECT financing FROM applications WHERE id = $1`,
      [id],
    );
    expect(row?.financing).toBeNull();
    expect(await auditCount(t, id, 'financing.recorded')).toBe(0);
    const cps: Array<{ n: string }> = await t.db.dataSource.query(
      `SELECT count(*) AS n FROM conditions_precedent WHERE application_id = $1`,
      [id],
    );
    expect(Number(cps[0]?.n)).toBe(0);
  }

  it('a US$5 bn equity structure on a US$300 m project: 409 naming both guards, nothing written', async () => {
    const { version } = await stageOf(t, id);
    const response = await put({ instrument: 'equity', amountUsd: 5_000_000_000 });
    expect(response.status).toBe(409);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('APPLICATION.GUARD_FAILED');
    expect(response.body.errors.map((e: { guard: string }) => e.guard).sort()).toEqual([
      'financing.amount_within_request',
      'financing.total_within_capex',
    ]);
    expect(response.body.detail).toContain('US$5,000,000,000');
    await nothingWritten(version);
  });

  it('a FORGE amount above the requested amount but within capex: 409 financing.amount_within_request', async () => {
    const { version } = await stageOf(t, id);
    const response = await put({ amountUsd: 150_000_000 });
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ guard: 'financing.amount_within_request', field: 'amountUsd' }),
    ]);
    await nothingWritten(version);
  });

  it.each([
    [
      'a coverage above 100',
      { type: 'offtake', coveragePct: 150, buyerInvestmentGrade: true, floorPrice: false },
    ],
    ['a negative first-loss tranche', { type: 'first_loss', pct: -5 }],
  ])('%s: 400 VALIDATION.FAILED naming the field, nothing written', async (_name, mitigant) => {
    const { version } = await stageOf(t, id);
    const response = await put({ mitigants: [mitigant] });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION.FAILED');
    expect(JSON.stringify(response.body.errors)).toMatch(/mitigants/);
    await nothingWritten(version);
  });

  it('co-financing plus the FORGE amount above capex: 409 financing.total_within_capex', async () => {
    const cofinancier = randomUUID();
    await t.db.dataSource.query(
      `INSERT INTO organizations (id, name, country, registration_number, kind, sector)
       VALUES ($1, 'Andes Development Bank', 'PE', $2, 'cofinancier', 'public')`,
      [cofinancier, `REG-${cofinancier.slice(0, 8)}`],
    );
    await t.db.dataSource.query(
      `INSERT INTO cofinancing_lines (application_id, organization_id, instrument, amount_usd, status, updated_at)
       VALUES ($1, $2, 'senior_loan', 250000000, 'indicated', now())`,
      [id, cofinancier],
    );
    try {
      const { version } = await stageOf(t, id);
      const response = await put({ amountUsd: 80_000_000 });
      expect(response.status).toBe(409);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ guard: 'financing.total_within_capex', field: 'coFinancing' }),
      ]);
      expect(response.body.detail).toContain('US$330,000,000');
      await nothingWritten(version);
    } finally {
      await t.db.dataSource.query(`DELETE FROM cofinancing_lines WHERE application_id = $1`, [id]);
    }
  });

  it('a structure that fits (FORGE = requested, within capex, coverages in range) is recorded', async () => {
    const response = await put({
      amountUsd: 100_000_000,
      mitigants: [{ type: 'offtake', coveragePct: 100, buyerInvestmentGrade: true, floorPrice: false }],
    });
    expect(response.status).toBe(200);
    expect(response.body.financing.amountUsd).toBe(100_000_000);
    expect(await auditCount(t, id, 'financing.recorded')).toBe(1);
  });
});
