import { waitFor } from '../../integration/screening/screening-fixtures.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { auditCount, createSubmitted, sampleInput } from '../applications/support.js';

/** On the bundled fictional list (config/reference/sanctions): entries 9001 and 9004. */
const X = 'Ignacio Tadeo Krasnov-Ardiles';
const Y = 'Lucia Veronika Orlov Santander';
const CLEAN = 'Pedro Nadie Gomez';

const person = (name: string, ownershipPct: number) => ({
  name,
  type: 'person',
  country: 'AR',
  ownershipPct,
  isPep: false,
});
const entity = (name: string, ownershipPct: number, owners: unknown[]) => ({
  name,
  type: 'entity',
  country: 'AR',
  ownershipPct,
  isPep: false,
  owners,
});

interface Party {
  name: string;
  path: string[];
  effectivePct: number;
  result: string;
  matchedName: string | null;
  similarity: number | null;
  disposition: string | null;
}

/**
 * checks.md "OFAC 50% rule" through the API and the worker, on the bundled list: the examples the contract
 * gives, as a client reads them in the application view (`screening` and `SANCTIONS.PARTIES`).
 */
describe('the OFAC 50% rule through the screening job', () => {
  let t: TestApp;
  let officer: TestUser;
  let sponsor: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: true });
    officer = await t.createUser(['officer']);
    sponsor = await t.createUser(['sponsor']);
  });
  afterAll(async () => {
    await t.close();
  });

  const screened = async (owners: unknown[]) => {
    const input = sampleInput('S01');
    input.governance.beneficialOwners = owners;
    const { id } = await createSubmitted(t, sponsor, input);
    await waitFor(async () => (await auditCount(t, id, 'screening.completed')) === 1, 30_000);
    const view = await t.request('GET', `/api/v1/applications/${id}`, { token: officer.token });
    expect(view.status).toBe(200);
    const check = (view.body.checks as Array<{ code: string; outcome: string }>).find(
      (c) => c.code === 'SANCTIONS.PARTIES',
    );
    const party = (name: string) => (view.body.screening.parties as Party[]).find((p) => p.name === name);
    return { view: view.body, check, party };
  };

  it('documents the screening shape of api.md: both percentages required, blocked_by_ownership a party result', () => {
    const schemas = t.contract.document.components?.schemas ?? {};
    const screening = schemas.ScreeningResponseDto as { required?: string[] };
    expect(screening.required).toEqual(
      expect.arrayContaining(['result', 'blockedOwnershipPct', 'lookThroughPct', 'listSha256', 'parties']),
    );
    const party = schemas.ScreeningPartyResponseDto as { required?: string[] };
    expect(party.required).toEqual(
      expect.arrayContaining([
        'name',
        'path',
        'effectivePct',
        'result',
        'matchedName',
        'similarity',
        'disposition',
      ]),
    );
    expect(schemas.ScreeningPartyResult).toMatchObject({
      enum: ['clear', 'potential_match', 'match', 'blocked_by_ownership'],
    });
  });

  it('a listed person with 50% of A, A with 50% of the applicant: A is blocked and its 50% counts in full', async () => {
    const { view, check, party } = await screened([
      entity('Alpha Holdings S.A.', 50, [person(X, 50), person(CLEAN, 50)]),
      person('Tomas Lopez Perez', 50),
    ]);
    expect(view.screening).toMatchObject({ result: 'blocked', blockedOwnershipPct: 50, lookThroughPct: 25 });
    expect(party('Alpha Holdings S.A.')).toMatchObject({ result: 'blocked_by_ownership', effectivePct: 50 });
    expect(party(X)).toMatchObject({
      result: 'match',
      matchedName: 'KRASNOV-ARDILES, Ignacio Tadeo',
      effectivePct: 25,
      path: [expect.any(String), 'Alpha Holdings S.A.', X],
    });
    expect(party('Tomas Lopez Perez')?.result).toBe('clear');
    expect(check?.outcome).toBe('fail');
  });

  it('a listed person with 40% of A, A with 100% of the applicant: not blocked, review', async () => {
    const { view, check, party } = await screened([
      entity('Beta Holdings S.A.', 100, [person(X, 40), person(CLEAN, 60)]),
    ]);
    expect(view.screening).toMatchObject({ result: 'review', blockedOwnershipPct: 0, lookThroughPct: 40 });
    expect(party('Beta Holdings S.A.')?.result).toBe('clear');
    expect(party(X)?.result).toBe('match');
    expect(check?.outcome).toBe('needs_review');
  });

  it('stakes of different listed parties add up: two at 25% each block', async () => {
    const { view, check } = await screened([person(X, 25), person(Y, 25), person(CLEAN, 50)]);
    expect(view.screening).toMatchObject({ result: 'blocked', blockedOwnershipPct: 50, lookThroughPct: 50 });
    expect(check?.outcome).toBe('fail');
  });

  it('a potential match confirmed as a true match counts as listed: its holding company is blocked, and so is the applicant', async () => {
    const near = 'Ignacio Tadeo Krasnov Ardile';
    const { view, check, party } = await screened([
      entity('Gamma Holdings S.A.', 60, [person(near, 100)]),
      person(CLEAN, 40),
    ]);
    expect(view.screening).toMatchObject({ result: 'review', blockedOwnershipPct: 0, lookThroughPct: 0 });
    expect(party(near)).toMatchObject({ result: 'potential_match', disposition: null });
    expect(check?.outcome).toBe('needs_review');

    const disposed = await t.request('POST', `/api/v1/applications/${view.id}/screening/dispositions`, {
      token: officer.token,
      body: { partyName: near, disposition: 'true_match', note: 'same date of birth as the listed person' },
    });
    expect(disposed.status).toBe(200);
    expect(disposed.body.screening).toMatchObject({
      result: 'blocked',
      blockedOwnershipPct: 60,
      lookThroughPct: 60,
    });
    const parties = disposed.body.screening.parties as Party[];
    expect(parties.find((p) => p.name === near)).toMatchObject({ disposition: 'true_match' });
    expect(parties.find((p) => p.name === 'Gamma Holdings S.A.')?.result).toBe('blocked_by_ownership');
    const after = (disposed.body.checks as Array<{ code: string; outcome: string }>).find(
      (c) => c.code === 'SANCTIONS.PARTIES',
    );
    expect(after?.outcome).toBe('fail');
  });

  it("a match that does not block is the fund's decision: an officer resolves SANCTIONS.PARTIES and the application moves on", async () => {
    const { view } = await screened([entity('Delta Holdings S.A.', 100, [person(X, 40), person(CLEAN, 60)])]);
    expect(view.screening.result).toBe('review');
    const checks = view.checks as Array<{ code: string; stage: string; outcome: string }>;
    expect(checks.filter((c) => c.stage === 'screening' && c.outcome !== 'pass').map((c) => c.code)).toEqual([
      'SANCTIONS.PARTIES',
    ]);
    const resolved = await t.request(
      'POST',
      `/api/v1/applications/${view.id}/checks/SANCTIONS.PARTIES/resolve`,
      {
        token: officer.token,
        body: {
          outcome: 'pass',
          note: 'a 40% indirect holder: no control, enhanced monitoring',
          expectedVersion: view.version,
        },
      },
    );
    expect(resolved.status).toBe(200);
    const moved = await t.request('POST', `/api/v1/applications/${view.id}/transitions`, {
      token: officer.token,
      body: { to: 'esg_review', expectedVersion: resolved.body.version },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.stage).toBe('esg_review');
  });
});
