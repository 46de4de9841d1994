import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock, CommitteeCommands } from '../../../libs/application/src/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import {
  auditCount,
  createSubmitted,
  driveToFinancing,
  insertAssessment,
  publishDisclosure,
  stageOf,
  type Officers,
} from '../applications/support.js';

const DAY_MS = 86_400_000;

/**
 * Disclosure packages (portfolio.md "Disclosure before decision") through the API on PostgreSQL: who publishes,
 * the stages, versions kept and audited, and the guard `disclosure.period` on the committee's approval (30 days
 * for category B), with the clock moved, never slept: a round whose votes approve too early is held back with
 * the round still open, and closes as approved once the period has run.
 */
describe('disclosure packages and disclosure.period (e2e)', () => {
  let t: TestApp;
  let officers: Officers;
  let members: TestUser[];
  let clock: Clock;

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock);
    officers = { officer: await t.createUser(['officer']), checker: await t.createUser(['officer']) };
    members = [
      await t.createUser(['committee']),
      await t.createUser(['committee']),
      await t.createUser(['committee']),
    ];
  });
  afterAll(async () => {
    clock?.set(null);
    await t?.close();
  });

  const publish = (id: string, token: string, body: unknown) =>
    t.request('POST', `/api/v1/applications/${id}/disclosure`, { token, body });

  async function recordFinancing(id: string) {
    const { version } = await stageOf(t, id);
    const response = await t.request('PUT', `/api/v1/applications/${id}/financing`, {
      token: officers.officer.token,
      body: {
        instrument: 'senior_loan',
        amountUsd: 80_000_000,
        tenorYears: 12,
        mitigants: [],
        conditionsPrecedent: ['Equity injected'],
        expectedVersion: version,
      },
    });
    expect(response.status).toBe(200);
    await insertAssessment(t, id, { residualBand: 'moderate' });
  }

  async function toCommittee(id: string) {
    const { version } = await stageOf(t, id);
    return t.request('POST', `/api/v1/applications/${id}/transitions`, {
      token: officers.officer.token,
      body: { to: 'committee', expectedVersion: version },
    });
  }

  async function voteAll(id: string) {
    for (const member of members) {
      const cast = await t.request('POST', `/api/v1/applications/${id}/committee/votes`, {
        token: member.token,
        body: { decision: 'approve', rationale: 'sound' },
      });
      expect(cast.status).toBe(201);
    }
  }

  it('an officer publishes in esg_review … committee; versions are kept and audited; bad bodies are refused', async () => {
    const sponsor = await t.createUser(['sponsor']);
    const early = await createSubmitted(t, sponsor);
    const wrongStage = await publish(early.id, officers.officer.token, {
      summary: 'Too early',
      esReviewSummary: 'n/a',
    });
    expect(wrongStage.status).toBe(409);
    expect(wrongStage.body.code).toBe('DISCLOSURE.WRONG_STAGE');

    const id = await driveToFinancing(t, sponsor, officers, 'S03');
    const body = { summary: 'A copper concentrator expansion.', esReviewSummary: 'Manageable impacts.' };
    expect((await publish(id, sponsor.token, body)).status).toBe(403);
    expect((await publish(id, members[0]!.token, body)).status).toBe(403);
    const missing = await publish(id, officers.officer.token, { summary: 'Category B needs more' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: any) => e.field)).toEqual(['esReviewSummary']);
    const massAssignment = await publish(id, officers.officer.token, { ...body, version: 7 });
    expect(massAssignment.status).toBe(400);
    const foreignDocument = await publish(id, officers.officer.token, {
      ...body,
      publicDocumentIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(foreignDocument.status).toBe(400);
    expect(foreignDocument.body.errors[0].field).toBe('publicDocumentIds[0]');
    // The ownership evidence names the beneficial owners: no package ever makes it public.
    const owners = await t
      .supertest('POST', `/api/v1/applications/${id}/documents`, { token: officers.officer.token })
      .field('kind', 'ownership_evidence')
      .attach(
        'file',
        Buffer.from(
          '%PDF-1.4\n% owners\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
        ),
        { filename: 'owners.pdf', contentType: 'application/pdf' },
      );
    expect(owners.status).toBe(201);
    const ownersPublic = await publish(id, officers.officer.token, {
      ...body,
      publicDocumentIds: [owners.body.id],
    });
    expect(ownersPublic.status).toBe(400);
    expect(ownersPublic.body.errors).toEqual([
      {
        field: 'publicDocumentIds[0]',
        message: 'ownership_evidence names beneficial owners and is never made public',
      },
    ]);
    expect(await auditCount(t, id, 'disclosure.published')).toBe(0);

    const first = await publish(id, officers.officer.token, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ applicationId: id, version: 1, disclosedBy: officers.officer.id });
    expect(first.body.content).toMatchObject({
      summary: body.summary,
      esReviewSummary: body.esReviewSummary,
      category: 'B',
      publicDocuments: [],
    });
    expect(first.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const same = await publish(id, officers.officer.token, body);
    expect(same.status).toBe(409);
    expect(same.body.code).toBe('DISCLOSURE.UNCHANGED');
    const amended = await publish(id, officers.officer.token, { ...body, summary: 'Amended summary.' });
    expect(amended.status).toBe(201);
    expect(amended.body.version).toBe(2);

    const history = await t.request('GET', `/api/v1/applications/${id}/disclosure`, {
      token: members[0]!.token,
    });
    // A committee member does not read an application before committee: the one read rule.
    expect(history.status).toBe(404);
    const read = await t.request('GET', `/api/v1/applications/${id}/disclosure`, {
      token: officers.checker.token,
    });
    expect(read.status).toBe(200);
    expect(read.body.versions.map((v: any) => v.version)).toEqual([1, 2]);
    expect(read.body.latest.content.summary).toBe('Amended summary.');
    expect(
      (await t.request('GET', `/api/v1/applications/${id}/disclosure`, { token: sponsor.token })).status,
    ).toBe(403);
    expect(await auditCount(t, id, 'disclosure.published')).toBe(1);
    expect(await auditCount(t, id, 'disclosure.amended')).toBe(1);
    const [row] = await t.db.dataSource.query(
      `SELECT after FROM audit_events WHERE application_id = $1 AND action = 'disclosure.amended'`,
      [id],
    );
    expect(row.after.contentHash).toBe(amended.body.contentHash);
    // Append-only: the database refuses an edit of a disclosed version.
    await expect(
      t.db.dataSource.query(
        `UPDATE disclosure_packages SET content = '{}'::jsonb WHERE application_id = $1`,
        [id],
      ),
    ).rejects.toThrow(/append-only/);
  });

  it('the approval waits for the disclosure period: held back with the round open, approved once 30 days have run', async () => {
    const sponsor = await t.createUser(['sponsor']);
    const id = await driveToFinancing(t, sponsor, officers, 'S05');
    await recordFinancing(id);

    // No package at all: the committee may still be convened, but its approval would be held back.
    const start = Date.now();
    await publishDisclosure(t, id, officers.officer, { daysAgo: 29 });
    expect((await toCommittee(id)).status).toBe(200);
    await voteAll(id);
    const held = await stageOf(t, id);
    expect(held.stage).toBe('committee');
    const [round] = await t.db.dataSource.query(
      `SELECT closed_at FROM committee_rounds WHERE application_id = $1 ORDER BY round DESC LIMIT 1`,
      [id],
    );
    expect(round.closed_at).toBeNull();
    const [event] = await t.db.dataSource.query(
      `SELECT context FROM audit_events WHERE application_id = $1 AND action = 'committee.vote_cast'
        ORDER BY entry DESC LIMIT 1`,
      [id],
    );
    expect(JSON.stringify(event.context)).toContain('disclosure.period');

    // Still short by a minute: the deadline job's retry keeps it held back.
    const committee = t.app.get(CommitteeCommands);
    clock.set(new Date(start + DAY_MS - 60_000));
    expect(await committee.closeIfDue(id)).toBe('held_back');
    // The period has run (29 days back + 1 day): the retry approves.
    clock.set(new Date(start + DAY_MS + 60_000));
    expect(await committee.closeIfDue(id)).toBe('closed');
    clock.set(null);
    expect((await stageOf(t, id)).stage).toBe('approved');
  });

  it('a package disclosed before the structure changed the amount does not hold the approval back', async () => {
    // portfolio.md: the guard is the period and a package; an amendment is the officer's call, never a new wait.
    const sponsor = await t.createUser(['sponsor']);
    const id = await driveToFinancing(t, sponsor, officers, 'S09');
    await publishDisclosure(t, id, officers.officer, { daysAgo: 40 }); // the requested amount
    await recordFinancing(id);
    const { body: view } = await t.request('GET', `/api/v1/applications/${id}`, {
      token: officers.officer.token,
    });
    expect(view.financing.amountUsd).not.toBe(view.requestedAmountUsd);
    expect((await toCommittee(id)).status).toBe(200);
    await voteAll(id);
    expect((await stageOf(t, id)).stage).toBe('approved');
    const history = await t.request('GET', `/api/v1/applications/${id}/disclosure`, {
      token: officers.officer.token,
    });
    expect(history.body.versions).toHaveLength(1);
    expect(history.body.versions[0].content.forgeAmountUsd).toBe(view.requestedAmountUsd);
  });
});
