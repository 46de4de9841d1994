import { createTestApp, type TestApp } from '../../support/test-app.js';
import { driveToFinancing, type Officers, stageOf } from '../applications/support.js';

/**
 * monitoring.md: "The financing structure gains tranches" and "Covenants are data on the financing structure".
 * PUT /applications/:id/financing takes them with the structure (besides their own routes): checked by the domain
 * (400 with the fields, nothing written), kept when a later recording leaves them out, and a condition precedent
 * whose text is unchanged keeps its id, so the tranches that name it stay valid.
 */
describe('tranches and covenants on the financing structure (e2e)', () => {
  let t: TestApp;
  let officers: Officers;
  let id: string;
  const base = () => `/api/v1/applications/${id}`;

  beforeAll(async () => {
    t = await createTestApp();
    officers = { officer: await t.createUser(['officer']), checker: await t.createUser(['officer']) };
    id = await driveToFinancing(t, await t.createUser(['sponsor']), officers, 'S01');
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  const structure = (extra: Record<string, unknown> = {}) => ({
    instrument: 'senior_loan',
    amountUsd: 200_000_000,
    tenorYears: 12,
    mitigants: [],
    conditionsPrecedent: ['Signed offtake agreement', 'Equity injected'],
    ...extra,
  });
  const put = async (body: Record<string, unknown>) =>
    t.request('PUT', `${base()}/financing`, {
      token: officers.officer.token,
      body: { ...body, expectedVersion: (await stageOf(t, id)).version },
    });

  it('records tranches and covenants with the structure, keeps them and the condition ids across recordings', async () => {
    const first = await put(structure());
    expect(first.status).toBe(200);
    const [offtake, equity] = first.body.conditionsPrecedent as Array<{ id: string; text: string }>;

    const tranches = [
      { id: 'T1', amountUsd: 120_000_000, conditionIds: [offtake!.id] },
      { id: 'T2', amountUsd: 80_000_000, conditionIds: [equity!.id] },
    ];
    const covenants = [{ code: 'DSCR_MIN', kind: 'financial', rule: { type: 'min_dscr', min: 130 } }];
    const second = await put(structure({ tranches, covenants }));
    expect(second.status).toBe(200);
    expect(second.body.conditionsPrecedent.map((c: { id: string }) => c.id)).toEqual([
      offtake!.id,
      equity!.id,
    ]);

    const read = async () => ({
      tranches: (await t.request('GET', `${base()}/disbursements`, { token: officers.officer.token })).body
        .tranches as Array<{ id: string; amountUsd: number; conditionIds: string[] }>,
      covenants: (await t.request('GET', `${base()}/covenants`, { token: officers.officer.token })).body,
    });
    const recorded = await read();
    expect(
      recorded.tranches.map(({ id: tid, amountUsd, conditionIds }) => ({ id: tid, amountUsd, conditionIds })),
    ).toEqual(tranches);
    expect(recorded.covenants).toMatchObject({ source: 'financing', covenants });

    // A structure that breaks the tranches (they no longer sum to the amount) is refused whole: nothing written.
    const refused = await put(
      structure({
        amountUsd: 150_000_000,
        tranches,
        covenants: [{ code: 'x', kind: 'financial', rule: {} }],
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION.FAILED');
    const fields = (refused.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields.some((f) => f.startsWith('tranches'))).toBe(true);
    expect(fields.some((f) => f.startsWith('covenants'))).toBe(true);
    expect(await read()).toEqual(recorded);

    // Recorded again without them: both stay (same amount, same conditions).
    const third = await put(structure({ tenorYears: 10 }));
    expect(third.status).toBe(200);
    expect(third.body.financing.tenorYears).toBe(10);
    expect(await read()).toEqual(recorded);
  });
});
