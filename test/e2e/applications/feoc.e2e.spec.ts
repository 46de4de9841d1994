import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { waitFor } from '../../integration/screening/screening-fixtures.js';
import { createDraft, createSubmitted, sampleInput } from './support.js';

interface Owner {
  name: string;
  type: 'person' | 'entity';
  country: string;
  ownershipPct: number;
  isPep: boolean;
  stateOwned?: boolean;
  owners?: Owner[];
}

/** S01 with its top-level owners replaced. */
function withOwners(owners: Owner[]): Record<string, any> {
  const input = sampleInput('S01');
  input.governance.beneficialOwners = owners;
  return input;
}

const person = (name: string, pct: number, country = 'AR'): Owner => ({
  name,
  type: 'person',
  country,
  ownershipPct: pct,
  isPep: false,
});

/**
 * TRANS.FEOC (checks.md, issue 13 item 8) through the API, the outbox and the worker's screening job on
 * PostgreSQL. The covered nations come from FEOC_COVERED_COUNTRIES: here the default four plus BY, so the
 * test also proves the setting reaches the job.
 */
describe('TRANS.FEOC evaluated by the screening job', () => {
  let t: TestApp;
  let sponsor: TestUser;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: true, env: { FEOC_COVERED_COUNTRIES: 'CN,RU,IR,KP,BY' } });
    sponsor = await t.createUser(['sponsor']);
    officer = await t.createUser(['officer']);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Submits `input` and answers its TRANS.FEOC check once the screening job has written it. */
  async function feocOf(input: Record<string, any>) {
    const { id } = await createSubmitted(t, sponsor, input);
    return waitFor(async () => {
      const view = await t.request('GET', `/api/v1/applications/${id}`, { token: officer.token });
      expect(view.status).toBe(200);
      const check = (view.body.checks as Array<{ code: string; outcome: string; detail: any }>).find(
        (c) => c.code === 'TRANS.FEOC',
      );
      return view.body.stage === 'screening' && check ? { id, check } : null;
    }, 30_000);
  }

  it('fails at 25% or more: a state-owned Chinese entity holding 30% directly', async () => {
    const { check } = await feocOf(
      withOwners([
        person('Mariela Quispe Condori', 70),
        {
          name: 'Sinomin Overseas Holdings Ltd',
          type: 'entity',
          country: 'CN',
          ownershipPct: 30,
          isPep: false,
          stateOwned: true,
          owners: [person('State Council SASAC delegate', 100, 'CN')],
        },
      ]),
    );
    expect(check.outcome).toBe('fail');
    expect(check.detail).toMatchObject({
      sharePct: 30,
      owners: [expect.objectContaining({ name: 'Sinomin Overseas Holdings Ltd', country: 'CN' })],
    });
    expect(check.detail.coveredCountries).toEqual(['BY', 'CN', 'IR', 'KP', 'RU']);
  });

  it('needs review from 10% to under 25% of look-through ownership (25% of a 60% holder = 15%)', async () => {
    const { check } = await feocOf(
      withOwners([
        {
          name: 'Altiplano Resources Holdings S.A.',
          type: 'entity',
          country: 'AR',
          ownershipPct: 60,
          isPep: false,
          owners: [
            person('Mariela Quispe Condori', 75),
            {
              name: 'Rosatom Mining Investments JSC',
              type: 'entity',
              country: 'RU',
              ownershipPct: 25,
              isPep: false,
              stateOwned: true,
            },
          ],
        },
        person('Tomas Ibarra Wolff', 40, 'CL'),
      ]),
    );
    expect(check.outcome).toBe('needs_review');
    expect(check.detail.sharePct).toBe(15);
  });

  it('counts the configured nations only: a state-owned Norwegian fund passes, a Belarusian one fails', async () => {
    const norwegian = await feocOf(
      withOwners([
        person('Mariela Quispe Condori', 50),
        {
          name: 'Nordic State Minerals AS',
          type: 'entity',
          country: 'NO',
          ownershipPct: 50,
          isPep: false,
          stateOwned: true,
        },
      ]),
    );
    expect(norwegian.check.outcome).toBe('pass');
    const belarusian = await feocOf(
      withOwners([
        person('Mariela Quispe Condori', 74),
        {
          name: 'Belaruskali Overseas',
          type: 'entity',
          country: 'BY',
          ownershipPct: 26,
          isPep: false,
          stateOwned: true,
        },
      ]),
    );
    expect(belarusian.check.outcome).toBe('fail');
    // The flag is part of the input: whoever reads the application input reads it.
    const view = await t.request('GET', `/api/v1/applications/${belarusian.id}`, { token: sponsor.token });
    expect(view.status).toBe(200);
    expect(view.body.governance.beneficialOwners[1].stateOwned).toBe(true);
  });

  it('refuses the flag on a person, and a non-boolean flag, with 400 problem+json and writes nothing', async () => {
    const before = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM applications`);
    for (const owner of [
      { ...person('Mariela Quispe Condori', 100), stateOwned: true },
      { ...person('Mariela Quispe Condori', 100), stateOwned: 'yes' },
    ]) {
      const response = await t.request('POST', '/api/v1/applications', {
        token: sponsor.token,
        body: withOwners([owner as Owner]),
      });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.code).toBe('VALIDATION.FAILED');
      expect(JSON.stringify(response.body.errors)).toContain('stateOwned');
    }
    expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM applications`)).toEqual(before);
    // A draft without the flag is fine.
    expect((await createDraft(t, sponsor, withOwners([person('Mariela Quispe Condori', 100)]))).id).toEqual(
      expect.any(String),
    );
  });
});
