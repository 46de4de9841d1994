import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import {
  driveToCommittee,
  driveToFinancing,
  insertAssessment,
  stageOf,
  type Officers,
} from '../applications/support.js';
import { seedFinanced } from './support.js';

/**
 * Guards `portfolio.envelope` and `portfolio.concentration` (portfolio.md) through the API on PostgreSQL.
 * Envelope US$10bn; the book holds one financed US$9.6bn nickel project in Brazil, so US$400m is available
 * and Brazil already exceeds the 25% country limit (US$2.5bn).
 */
describe('portfolio guards (e2e)', () => {
  let t: TestApp;
  let officers: Officers;
  let members: TestUser[];

  beforeAll(async () => {
    t = await createTestApp({ env: { FORGE_ENVELOPE_USD: '10000000000' } });
    officers = { officer: await t.createUser(['officer']), checker: await t.createUser(['officer']) };
    members = [
      await t.createUser(['committee']),
      await t.createUser(['committee']),
      await t.createUser(['committee']),
    ];
    await seedFinanced(t, {
      country: 'BR',
      mineral: 'nickel',
      amountUsd: 9_600_000_000,
      reference: 'FRG-2026-BOOK1',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const vote = (id: string, member: TestUser, decision: string) =>
    t.request('POST', `/api/v1/applications/${id}/committee/votes`, {
      token: member.token,
      body: { decision, rationale: `${decision} by ${member.id.slice(0, 4)}` },
    });

  async function recordFinancing(id: string, amountUsd: number, assess = true) {
    const { version } = await stageOf(t, id);
    const response = await t.request('PUT', `/api/v1/applications/${id}/financing`, {
      token: officers.officer.token,
      body: {
        instrument: 'senior_loan',
        amountUsd,
        tenorYears: 12,
        mitigants: [],
        conditionsPrecedent: ['Equity injected'],
        expectedVersion: version,
      },
    });
    expect(response.status).toBe(200);
    if (assess) await insertAssessment(t, id, { residualBand: 'moderate' });
  }

  async function moveToCommittee(id: string) {
    const { version } = await stageOf(t, id);
    return t.request('POST', `/api/v1/applications/${id}/transitions`, {
      token: officers.officer.token,
      body: { to: 'committee', expectedVersion: version },
    });
  }

  it('a breached concentration limit is recorded as a failed check, waived under four eyes, and the committee then needs unanimity', async () => {
    const sponsor = await t.createUser(['sponsor']);
    const id = await driveToFinancing(t, sponsor, officers, 'S06'); // Brazil, rare earths
    await recordFinancing(id, 100_000_000);

    const refused = await moveToCommittee(id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('APPLICATION.GUARD_FAILED');
    const concentration = refused.body.errors.find((e: any) => e.guard === 'portfolio.concentration');
    // COUNTRY BR: (9,600m + 100m) / 10,000m = 97.00% (rounded up), limit 25.00%.
    expect(concentration.message).toContain('COUNTRY BR would reach 97.00%');
    expect((await stageOf(t, id)).stage).toBe('financing');
    const [check]: Array<{ outcome: string; stage: string; detail: any }> = await t.db.dataSource.query(
      `SELECT outcome, stage, detail FROM checks WHERE application_id = $1 AND code = 'PORTFOLIO.CONCENTRATION'`,
      [id],
    );
    expect(check).toMatchObject({ outcome: 'fail', stage: 'financing' });
    expect(check!.detail.policy).toMatchObject({ policy: 'FORGE-PP', version: '1.0.0' });
    expect(check!.detail.breaches).toEqual([
      expect.objectContaining({
        limit: 'COUNTRY',
        key: 'BR',
        wouldBeSharePct: '97.00',
        wouldBeUsd: 9_700_000_000,
      }),
    ]);

    // Waived through the existing maker-checker: one officer proposes, a second approves.
    const { version } = await stageOf(t, id);
    const proposed = await t.request(
      'POST',
      `/api/v1/applications/${id}/checks/PORTFOLIO.CONCENTRATION/resolve`,
      {
        token: officers.officer.token,
        body: {
          outcome: 'waived',
          note: 'Strategic rare-earth supply; board mandate',
          expectedVersion: version,
        },
      },
    );
    expect(proposed.status).toBe(200);
    const pending = (
      await t.request('GET', `/api/v1/approvals?applicationId=${id}`, { token: officers.checker.token })
    ).body.items as Array<{ id: string }>;
    expect(pending).toHaveLength(1);
    const approved = await t.request('POST', `/api/v1/approvals/${pending[0]!.id}/approve`, {
      token: officers.checker.token,
      body: { note: 'agreed' },
    });
    expect(approved.status).toBe(200);

    const moved = await moveToCommittee(id);
    expect(moved.status).toBe(200);
    expect(moved.body.stage).toBe('committee');
    const [after]: Array<{ outcome: string }> = await t.db.dataSource.query(
      `SELECT outcome FROM checks WHERE application_id = $1 AND code = 'PORTFOLIO.CONCENTRATION'`,
      [id],
    );
    expect(after?.outcome).toBe('waived');

    // Band moderate would decide 2–1 by majority; the waived limit needs every non-abstaining vote.
    expect((await vote(id, members[0]!, 'approve')).status).toBe(201);
    expect((await vote(id, members[1]!, 'approve')).status).toBe(201);
    const last = await vote(id, members[2]!, 'reject');
    expect(last.status).toBe(201);
    expect(last.body.stage).toBe('rejected');
  });

  it('two approvals that arrive together cannot both take the last dollar', async () => {
    // US$400m available; two US$250m applications each fit alone.
    const a = await driveToCommittee(t, await t.createUser(['sponsor']), officers);
    const b = await driveToCommittee(t, await t.createUser(['sponsor']), officers);
    for (const id of [a, b]) {
      expect((await vote(id, members[0]!, 'approve')).status).toBe(201);
      expect((await vote(id, members[1]!, 'approve')).status).toBe(201);
    }
    const [ra, rb] = await Promise.all([vote(a, members[2]!, 'approve'), vote(b, members[2]!, 'approve')]);
    expect([ra.status, rb.status]).toEqual([201, 201]);
    // The round is fully voted on both; only one approval fits. The other is held back (pipeline.md: the vote
    // stands, the round stays open and due) naming the envelope.
    expect([ra.body.stage, rb.body.stage].sort()).toEqual(['approved', 'committee']);
    const loserId = ra.body.stage === 'committee' ? a : b;
    const [held]: Array<{ context: any }> = await t.db.dataSource.query(
      `SELECT context FROM audit_events WHERE application_id = $1 AND action = 'committee.vote_cast'
        ORDER BY entry DESC LIMIT 1`,
      [loserId],
    );
    expect(held!.context.closeHeldBack).toEqual([
      expect.objectContaining({
        guard: 'portfolio.envelope',
        message: expect.stringContaining('exceeds what is available, US$150,000,000'),
      }),
    ]);
    expect((await stageOf(t, loserId)).stage).toBe('committee');
    const view = (await t.request('GET', '/api/v1/portfolio', { token: officers.officer.token })).body;
    expect(view.envelope).toMatchObject({
      committedUsd: 250_000_000,
      financedUsd: 9_600_000_000,
      availableUsd: 150_000_000,
    });
  });

  it('financing → committee needs the FORGE amount to fit what is available, to the dollar', async () => {
    const id = await driveToFinancing(t, await t.createUser(['sponsor']), officers, 'S02'); // requests US$600m
    // US$150m after the previous test's approval; US$400m when this test runs alone.
    const available: number = (await t.request('GET', '/api/v1/portfolio', { token: officers.officer.token }))
      .body.envelope.availableUsd;
    await recordFinancing(id, available + 1);
    const refused = await moveToCommittee(id);
    expect(refused.status).toBe(409);
    expect(refused.body.errors.map((e: any) => e.guard)).toEqual(['portfolio.envelope']);
    expect(refused.body.errors[0].message).toContain('by US$1');
    // The risk inputs do not change with one dollar: the assessment stays current.
    await recordFinancing(id, available, false);
    const moved = await moveToCommittee(id);
    expect(moved.status).toBe(200);
    expect(moved.body.stage).toBe('committee');
    const [event]: Array<{ context: any }> = await t.db.dataSource.query(
      `SELECT context FROM audit_events WHERE application_id = $1 AND action = 'application.stage_changed'
        AND after->>'stage' = 'committee'`,
      [id],
    );
    expect(event!.context.portfolio).toMatchObject({
      concentration: 'pass',
      amountUsd: available,
      availableUsd: available,
      policy: { policy: 'FORGE-PP', version: '1.0.0' },
    });
  });
});
