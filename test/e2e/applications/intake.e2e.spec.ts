import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { auditCount, createDraft, sampleInput, stageOf } from './support.js';

describe('applications: intake (create, patch, submit, withdraw) and validation', () => {
  let t: TestApp;
  let sponsor: TestUser;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ queueBackend: 'postgres' });
    sponsor = await t.createUser(['sponsor']);
    officer = await t.createUser(['officer']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a draft with version 1 and a FORGE-YYYY-NNNNNN reference, increasing in creation order', async () => {
    const a = await createDraft(t, sponsor);
    const b = await createDraft(t, sponsor);
    expect(a.stage).toBe('draft');
    expect(a.version).toBe(1);
    expect(a.reference).toMatch(/^FORGE-\d{4}-\d{6}$/);
    const seqA = Number(a.reference.slice(-6));
    expect(Number(b.reference.slice(-6))).toBeGreaterThan(seqA);
    expect((a as any).organizationId).toBe(sponsor.organizationId);
    expect((a as any).title).toBe(sampleInput().title);
    expect(await auditCount(t, a.id, 'application.created')).toBe(1);
  });

  it('honours Idempotency-Key on create: the same key and body replay the first response', async () => {
    const headers = { 'idempotency-key': `create-${Date.now()}` };
    const first = await t.request('POST', '/api/v1/applications', {
      token: sponsor.token,
      body: sampleInput(),
      headers,
    });
    const second = await t.request('POST', '/api/v1/applications', {
      token: sponsor.token,
      body: sampleInput(),
      headers,
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const other = sampleInput();
    other.title = 'Another body';
    const reused = await t.request('POST', '/api/v1/applications', {
      token: sponsor.token,
      body: other,
      headers,
    });
    expect(reused.status).toBe(422);
  });

  it('accepts a partial draft, patches it (merge patch) and refuses submit with the missing fields', async () => {
    const draft = await createDraft(t, sponsor, { title: 'Partial', country: 'AR' });
    const patched = await t.request('PATCH', `/api/v1/applications/${draft.id}`, {
      token: sponsor.token,
      body: { mineral: 'copper', sponsor: { equityPct: 30.5 }, expectedVersion: 1 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.version).toBe(2);
    expect(patched.body.mineral).toBe('copper');
    expect(patched.body.sponsor).toEqual({ equityPct: 30.5 });

    const submit = await t.request('POST', `/api/v1/applications/${draft.id}/submit`, {
      token: sponsor.token,
      body: { expectedVersion: 2 },
    });
    expect(submit.status).toBe(409);
    expect(submit.body.code).toBe('APPLICATION.GUARD_FAILED');
    const fields = submit.body.errors.map((e: { field?: string }) => e.field);
    expect(fields).toContain('summary');
    expect(fields).toContain('governance.beneficialOwners');
    expect(await stageOf(t, draft.id)).toEqual({ stage: 'draft', version: 2 });
  });

  it('PATCH with a stale version (body or If-Match) answers 409 VERSION_CONFLICT', async () => {
    const draft = await createDraft(t, sponsor);
    const stale = await t.request('PATCH', `/api/v1/applications/${draft.id}`, {
      token: sponsor.token,
      body: { title: 'New title', expectedVersion: 7 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('APPLICATION.VERSION_CONFLICT');
    const ifMatch = await t.request('PATCH', `/api/v1/applications/${draft.id}`, {
      token: sponsor.token,
      body: { title: 'New title' },
      headers: { 'if-match': '"1"' },
    });
    expect(ifMatch.status).toBe(200);
    expect(ifMatch.body.version).toBe(2);
    const missing = await t.request('PATCH', `/api/v1/applications/${draft.id}`, {
      token: sponsor.token,
      body: { title: 'No version' },
    });
    expect(missing.status).toBe(400);
  });

  it('submits a complete draft: stage submitted, outbox rows for screening and scoring, one audit event', async () => {
    const draft = await createDraft(t, sponsor);
    const before = await auditCount(t, draft.id);
    const submit = await t.request('POST', `/api/v1/applications/${draft.id}/submit`, {
      token: sponsor.token,
      body: { expectedVersion: 1 },
    });
    expect(submit.status).toBe(200);
    expect(submit.body.stage).toBe('submitted');
    expect(submit.body.version).toBe(2);
    expect(await auditCount(t, draft.id)).toBe(before + 1);
    expect(await auditCount(t, draft.id, 'application.submitted')).toBe(1);
    const outbox: Array<{ queue: string }> = await t.db.dataSource.query(
      `SELECT queue FROM outbox WHERE payload->>'applicationId' = $1 ORDER BY queue`,
      [draft.id],
    );
    expect(outbox.map((o) => o.queue)).toEqual(['risk-scoring', 'screening']);
    const again = await t.request('PATCH', `/api/v1/applications/${draft.id}`, {
      token: sponsor.token,
      body: { title: 'Too late', expectedVersion: 2 },
    });
    expect(again.status).toBe(409);
  });

  it('answers create and submit with the application as a read after the command shows it; each event names the sponsor', async () => {
    // Neither answer is read back inside the command (issue 18.4): the draft is built from the inserted row, the
    // submitted application from the aggregate read under the row lock and the row the UPDATE returned.
    const created = await t.request('POST', '/api/v1/applications', {
      token: sponsor.token,
      body: sampleInput(),
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const afterCreate = await t.request('GET', `/api/v1/applications/${id}`, { token: sponsor.token });
    expect(created.body).toEqual(afterCreate.body);
    const submitted = await t.request('POST', `/api/v1/applications/${id}/submit`, {
      token: sponsor.token,
      body: { expectedVersion: 1 },
    });
    expect(submitted.status).toBe(200);
    const afterSubmit = await t.request('GET', `/api/v1/applications/${id}`, { token: sponsor.token });
    expect(submitted.body).toEqual(afterSubmit.body);

    // The events carry the account's display name (checked by the append itself, not read first).
    const [account] = await t.db.dataSource.query(`SELECT display_name FROM users WHERE id = $1`, [
      sponsor.id,
    ]);
    const events: Array<{ action: string; actor_id: string; actor_name: string }> =
      await t.db.dataSource.query(
        `SELECT action, actor_id, actor_name FROM audit_events WHERE application_id = $1 ORDER BY entry`,
        [id],
      );
    expect(events).toEqual([
      { action: 'application.created', actor_id: sponsor.id, actor_name: account.display_name },
      { action: 'application.submitted', actor_id: sponsor.id, actor_name: account.display_name },
    ]);
  });

  it('withdraws with a reason (terminal), and a withdrawn application cannot move again', async () => {
    const draft = await createDraft(t, sponsor);
    const noReason = await t.request('POST', `/api/v1/applications/${draft.id}/withdraw`, {
      token: sponsor.token,
      body: { expectedVersion: 1 },
    });
    expect(noReason.status).toBe(400);
    const withdrawn = await t.request('POST', `/api/v1/applications/${draft.id}/withdraw`, {
      token: sponsor.token,
      body: { reason: 'Financed elsewhere', expectedVersion: 1 },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.stage).toBe('withdrawn');
    const again = await t.request('POST', `/api/v1/applications/${draft.id}/withdraw`, {
      token: sponsor.token,
      body: { reason: 'again', expectedVersion: 2 },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('APPLICATION.INVALID_TRANSITION');
  });

  it('officers cannot create or submit; auditors cannot write', async () => {
    const create = await t.request('POST', '/api/v1/applications', {
      token: officer.token,
      body: sampleInput(),
    });
    expect(create.status).toBe(403);
    const auditor = await t.createUser(['auditor']);
    const draft = await createDraft(t, sponsor);
    const submit = await t.request('POST', `/api/v1/applications/${draft.id}/submit`, {
      token: auditor.token,
      body: { expectedVersion: 1 },
    });
    expect(submit.status).toBe(403);
    const read = await t.request('GET', `/api/v1/applications/${draft.id}`, { token: auditor.token });
    expect(read.status).toBe(200);
  });

  describe('validation → 400 VALIDATION.FAILED', () => {
    const ENUM_FIELDS: Array<[string, (input: Record<string, any>) => void]> = [
      ['applicantType', (i) => (i.applicantType = 'company')],
      ['mineral', (i) => (i.mineral = 'uranium')],
      ['valueChainSegment', (i) => (i.valueChainSegment = 'trading')],
      ['projectPhase', (i) => (i.projectPhase = 'closure')],
      ['technologyMaturity', (i) => (i.technologyMaturity = 'experimental')],
      ['instrument', (i) => (i.instrument = 'grant')],
      ['fxExposure', (i) => (i.fxExposure = 'hedged')],
      ['sponsor.profile', (i) => (i.sponsor.profile = 'major')],
      ['environment.waterStress', (i) => (i.environment.waterStress = 'none')],
      ['environment.tailings', (i) => (i.environment.tailings = 'wet')],
      ['environment.tailingsConsequenceClass', (i) => (i.environment.tailingsConsequenceClass = 'medium')],
      ['environment.esiaStatus', (i) => (i.environment.esiaStatus = 'done')],
      ['social.fpicStatus', (i) => (i.social.fpicStatus = 'refused')],
      ['governance.antiCorruptionProgram', (i) => (i.governance.antiCorruptionProgram = 'iso9001')],
      ['governance.beneficialOwners', (i) => (i.governance.beneficialOwners[0].type = 'trust')],
      ['country (lower case)', (i) => (i.country = 'ar')],
      ['country (3 letters)', (i) => (i.country = 'ARG')],
      ['owner country', (i) => (i.governance.beneficialOwners[1].country = 'cl')],
      ['capexUsd (not an integer)', (i) => (i.capexUsd = 1.5)],
      ['capexUsd (> 10^13)', (i) => (i.capexUsd = 10_000_000_000_001)],
      ['requestedAmountUsd (0)', (i) => (i.requestedAmountUsd = 0)],
      ['requestedAmountUsd (string)', (i) => (i.requestedAmountUsd = '250000000')],
      ['tenorYears (0)', (i) => (i.tenorYears = 0)],
      ['tenorYears (31)', (i) => (i.tenorYears = 31)],
      ['equityPct (100.5)', (i) => (i.sponsor.equityPct = 100.5)],
      ['equityPct (-1)', (i) => (i.sponsor.equityPct = -1)],
      ['equityPct (3 decimals)', (i) => (i.sponsor.equityPct = 35.125)],
      ['baseCaseDscr (1001)', (i) => (i.sponsor.baseCaseDscr = 1001)],
      ['baseCaseDscr (1.45)', (i) => (i.sponsor.baseCaseDscr = 1.45)],
      ['ownershipPct (3 decimals)', (i) => (i.governance.beneficialOwners[0].ownershipPct = 33.333)],
      ['ownershipPct (101)', (i) => (i.governance.beneficialOwners[0].ownershipPct = 101)],
      ['siblings 100.01', (i) => (i.governance.beneficialOwners[1].ownershipPct = 40.01)],
      ['owner unknown field', (i) => (i.governance.beneficialOwners[0].score = 1)],
      ['mass assignment: stage', (i) => (i.stage = 'approved')],
      ['mass assignment: version', (i) => (i.version = 9)],
      ['mass assignment: organizationId', (i) => (i.organizationId = '00000000-0000-0000-0000-000000000000')],
      ['mass assignment: score', (i) => (i.score = 100)],
      ['mass assignment: nested', (i) => (i.sponsor.rating = 'AAA')],
    ];

    it.each(ENUM_FIELDS)('%s', async (_name, mutate) => {
      const input = sampleInput();
      mutate(input);
      const response = await t.request('POST', '/api/v1/applications', { token: sponsor.token, body: input });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION.FAILED');
      expect(response.body.errors.length).toBeGreaterThan(0);
    });

    function chain(depth: number): any[] {
      let owners: any[] = [
        { name: `P${depth}`, type: 'person', country: 'AR', ownershipPct: 100, isPep: false },
      ];
      for (let level = depth - 1; level >= 1; level -= 1) {
        owners = [
          { name: `E${level}`, type: 'entity', country: 'AR', ownershipPct: 100, isPep: false, owners },
        ];
      }
      return owners;
    }

    it('accepts an ownership tree of depth 6 and refuses depth 7', async () => {
      const ok = sampleInput();
      ok.governance.beneficialOwners = chain(6);
      expect(
        (await t.request('POST', '/api/v1/applications', { token: sponsor.token, body: ok })).status,
      ).toBe(201);
      const deep = sampleInput();
      deep.governance.beneficialOwners = chain(7);
      const response = await t.request('POST', '/api/v1/applications', { token: sponsor.token, body: deep });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.errors)).toContain('deeper than 6');
    });

    it('refuses 201 owners', async () => {
      const input = sampleInput();
      const leaves = Array.from({ length: 200 }, (_, i) => ({
        name: `Person ${i}`,
        type: 'person',
        country: 'AR',
        ownershipPct: 0.5,
        isPep: false,
      }));
      input.governance.beneficialOwners = [
        { name: 'Holding', type: 'entity', country: 'AR', ownershipPct: 100, isPep: false, owners: leaves },
      ];
      const response = await t.request('POST', '/api/v1/applications', { token: sponsor.token, body: input });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.errors)).toContain('201 owners');
    });

    it('refuses malformed JSON and a PATCH that breaks the tree', async () => {
      const malformed = await t.request('POST', '/api/v1/applications', {
        token: sponsor.token,
        body: '{"title":',
      });
      expect(malformed.status).toBe(400);
      const draft = await createDraft(t, sponsor);
      const patch = await t.request('PATCH', `/api/v1/applications/${draft.id}`, {
        token: sponsor.token,
        body: {
          governance: {
            beneficialOwners: [
              { name: 'A', type: 'person', country: 'AR', ownershipPct: 60, isPep: false },
              { name: 'B', type: 'person', country: 'AR', ownershipPct: 40.01, isPep: false },
            ],
          },
          expectedVersion: 1,
        },
      });
      expect(patch.status).toBe(400);
      expect(await stageOf(t, draft.id)).toEqual({ stage: 'draft', version: 1 });
    });
  });
});
