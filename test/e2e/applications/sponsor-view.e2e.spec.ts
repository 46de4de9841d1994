import { randomUUID } from 'node:crypto';
import { SPONSOR_FORBIDDEN_KEYS } from '../../../libs/domain/src/index.js';
import {
  discoverRoutes as registeredRoutes,
  type DiscoveredRoute as RegisteredRoute,
} from '../../support/routes.js';
import { createTestApp, type TestApp, type TestResponse, type TestUser } from '../../support/test-app.js';
import {
  createDraft,
  createSubmitted,
  driveToCommittee,
  sampleInput,
  simulateScreening,
  stageOf,
  type Officers,
} from './support.js';

/**
 * Issue 13, item 2 (pipeline.md "What a sponsor sees"). Applications of one sponsor in several stages carry
 * the fund's deliberation (screening hits, check notes, a pending waiver, a category rationale, votes and
 * rationales, a rejection reason, officers' identities). The test then walks EVERY route whose policy lets a
 * sponsor in (read from the registered routes, so a route added later is walked too: a sponsor route
 * without a recipe below fails the test) and proves that no forbidden field name (recursively) and no
 * deliberation text or staff identity reaches the sponsor. Every other route answers the sponsor 403.
 */
const SECRET = 'SECRET-DELIBERATION';

interface Fixture {
  draft: string;
  screening: string;
  esg: string;
  committee: string;
  approved: string;
  rejected: string;
  toWithdraw: string;
  openRequest: string;
}

describe('the sponsor view: no deliberation reaches a sponsor through any route', () => {
  let t: TestApp;
  let sponsor: TestUser;
  let otherSponsor: TestUser;
  let officers: Officers;
  let members: TestUser[];
  let fx: Fixture;
  const walked: Array<{ route: string; status: number; body: unknown }> = [];

  async function ok(method: 'POST' | 'PUT', url: string, token: string, body: unknown, expected = 200) {
    const response = await t.request(method, url, { token, body });
    if (response.status !== expected)
      throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  beforeAll(async () => {
    t = await createTestApp({ queueBackend: 'postgres' });
    sponsor = await t.createUser(['sponsor']);
    otherSponsor = await t.createUser(['sponsor']);
    officers = { officer: await t.createUser(['officer']), checker: await t.createUser(['officer']) };
    members = [
      await t.createUser(['committee']),
      await t.createUser(['committee']),
      await t.createUser(['committee']),
    ];
    const officer = officers.officer.token;

    const draft = (await createDraft(t, sponsor)).id;

    // Screening with a potential match, a check resolved with a note, a pending waiver, a contact officer and
    // an open information request.
    const screening = (await createSubmitted(t, sponsor)).id;
    await simulateScreening(t, screening, {
      result: 'review',
      checkOutcome: 'needs_review',
      parties: [
        {
          name: 'Tomas Ibarra Wolff',
          path: ['Tomas Ibarra Wolff'],
          effectivePct: 40,
          result: 'potential_match',
          matchedName: 'IBARRA WOLFF, Tomas',
          similarity: 0.95,
          disposition: null,
        },
      ],
    });
    let { version } = await stageOf(t, screening);
    await ok('POST', `/api/v1/applications/${screening}/assign`, officer, {
      assigneeId: officers.officer.id,
      expectedVersion: version,
    });
    ({ version } = await stageOf(t, screening));
    await ok('POST', `/api/v1/applications/${screening}/checks/ELIG.COUNTRY/resolve`, officer, {
      outcome: 'pass',
      note: `${SECRET}: country confirmed by desk research`,
      expectedVersion: version,
    });
    ({ version } = await stageOf(t, screening));
    await ok('POST', `/api/v1/applications/${screening}/checks/ELIG.TICKET/resolve`, officer, {
      outcome: 'waived',
      note: `${SECRET}: ticket waiver proposed`,
      expectedVersion: version,
    });
    const request = await ok(
      'POST',
      `/api/v1/applications/${screening}/information-requests`,
      officer,
      { question: 'Please send the offtake term sheet' },
      201,
    );

    // ESG review: moved with an internal reason, category upgraded with a rationale.
    const esg = (await createSubmitted(t, sponsor)).id;
    await simulateScreening(t, esg, { proposedCategory: 'B' });
    ({ version } = await stageOf(t, esg));
    await ok('POST', `/api/v1/applications/${esg}/transitions`, officer, {
      to: 'esg_review',
      reason: `${SECRET}: eligible, watch the water balance`,
      expectedVersion: version,
    });
    ({ version } = await stageOf(t, esg));
    await ok('POST', `/api/v1/applications/${esg}/category`, officer, {
      category: 'A',
      rationale: `${SECRET}: tailings upgrade`,
      expectedVersion: version,
    });

    // Before the committee with one vote; approved with three (risk assessment, mitigants, conditions).
    const committee = await driveToCommittee(t, sponsor, officers);
    await ok(
      'POST',
      `/api/v1/applications/${committee}/committee/votes`,
      members[0]!.token,
      { decision: 'reject', rationale: `${SECRET}: the offtake is too thin` },
      201,
    );
    const approved = await driveToCommittee(t, sponsor, officers);
    for (const member of members) {
      await ok(
        'POST',
        `/api/v1/applications/${approved}/committee/votes`,
        member.token,
        { decision: 'approve', rationale: `${SECRET}: ${member.id} approves` },
        201,
      );
    }

    // A co-financing line on the financing structure (portfolio.md): staff read it, the sponsor never does.
    await t.db.dataSource.query(
      `INSERT INTO cofinancing_lines (application_id, organization_id, instrument, amount_usd, status, updated_at)
       VALUES ($1, $2, 'senior_loan', 90000000, 'committed', now())`,
      [approved, await t.createOrganization('Andes Commercial Bank', 'cofinancier')],
    );

    // Rejected by an officer for a blocked screening.
    const rejected = (await createSubmitted(t, sponsor)).id;
    await simulateScreening(t, rejected, { result: 'blocked', checkOutcome: 'fail' });
    ({ version } = await stageOf(t, rejected));
    await ok('POST', `/api/v1/applications/${rejected}/transitions`, officer, {
      to: 'rejected',
      reason: `${SECRET}: owner on the SDN list`,
      expectedVersion: version,
    });

    const toWithdraw = (await createSubmitted(t, sponsor)).id;
    fx = {
      draft,
      screening,
      esg,
      committee,
      approved,
      rejected,
      toWithdraw,
      openRequest: (request as { id: string }).id,
    };
  });
  afterAll(async () => {
    await t.close();
  });

  const applicationIds = () => [fx.draft, fx.screening, fx.esg, fx.committee, fx.approved, fx.rejected];
  const path = (template: string, params: Record<string, string>) =>
    template.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
      const value = params[name];
      if (!value) throw new Error(`no value for :${name} in ${template}`);
      return value;
    });

  /** How the walk calls each sponsor route (several applications where the route takes one). */
  const RECIPES: Record<string, (route: RegisteredRoute) => Promise<TestResponse[]>> = {
    'GET /api/v1/me': (r) => Promise.all([t.request('GET', r.path, { token: sponsor.token })]),
    'PATCH /api/v1/me': (r) =>
      Promise.all([t.request('PATCH', r.path, { token: sponsor.token, body: { locale: 'en' } })]),
    'GET /api/v1/applications': (r) => Promise.all([t.request('GET', r.path, { token: sponsor.token })]),
    'POST /api/v1/applications': (r) =>
      Promise.all([t.request('POST', r.path, { token: sponsor.token, body: sampleInput() })]),
    'GET /api/v1/applications/:id': (r) =>
      Promise.all(
        applicationIds().map((id) => t.request('GET', path(r.path, { id }), { token: sponsor.token })),
      ),
    'PATCH /api/v1/applications/:id': async (r) => {
      const { version } = await stageOf(t, fx.draft);
      return [
        await t.request('PATCH', path(r.path, { id: fx.draft }), {
          token: sponsor.token,
          body: { title: 'Puna Clara DLE, phase 1', expectedVersion: version },
        }),
      ];
    },
    'POST /api/v1/applications/:id/submit': async (r) => {
      const draft = await createDraft(t, sponsor);
      return [
        await t.request('POST', path(r.path, { id: draft.id }), {
          token: sponsor.token,
          body: { expectedVersion: draft.version },
        }),
      ];
    },
    'POST /api/v1/applications/:id/withdraw': async (r) => {
      const { version } = await stageOf(t, fx.toWithdraw);
      return [
        await t.request('POST', path(r.path, { id: fx.toWithdraw }), {
          token: sponsor.token,
          body: { reason: 'Project postponed', expectedVersion: version },
        }),
      ];
    },
    'POST /api/v1/applications/:id/information-requests/:rid/answer': async (r) => [
      await t.request('POST', path(r.path, { id: fx.screening, rid: fx.openRequest }), {
        token: sponsor.token,
        body: { answer: 'Term sheet attached to the data room' },
      }),
    ],
    'POST /api/v1/applications/:id/documents': async (r) => {
      const response = await t
        .supertest('POST', path(r.path, { id: fx.screening }), { token: sponsor.token })
        .field('kind', 'other')
        .attach('file', Buffer.from('offtake term sheet\n'), {
          filename: 'term-sheet.txt',
          contentType: 'text/plain',
        });
      return [{ status: response.status, body: response.body, text: '', headers: response.headers }];
    },
    'GET /api/v1/documents/:id': async (r) => {
      const [doc]: Array<{ id: string }> = await t.db.dataSource.query(
        `SELECT id FROM documents WHERE application_id = $1 LIMIT 1`,
        [fx.screening],
      );
      return [await t.request('GET', path(r.path, { id: doc!.id }), { token: sponsor.token })];
    },
    'GET /api/v1/applications/:id/disbursements': (r) =>
      Promise.all(
        applicationIds().map((id) => t.request('GET', path(r.path, { id }), { token: sponsor.token })),
      ),
    'POST /api/v1/applications/:id/disbursements': async (r) => [
      await t.request('POST', path(r.path, { id: fx.approved }), {
        token: sponsor.token,
        body: { amountUsd: 1_000_000 },
      }),
    ],
    // After close (monitoring.md): ESAP, covenants, annual reports, incidents. Items an officer made, so a
    // staff id sits in the rows the sponsor's answers come from.
    'GET /api/v1/applications/:id/esap': (r) =>
      Promise.all(
        applicationIds().map((id) => t.request('GET', path(r.path, { id }), { token: sponsor.token })),
      ),
    'PATCH /api/v1/applications/:id/esap/:itemId': async (r) => {
      const [item]: Array<{ id: string }> = await t.db.dataSource.query(
        `INSERT INTO esap_items (id, application_id, description, standard, due_date, status, created_by,
           created_at, updated_at)
         VALUES (gen_random_uuid(), $1, 'Water balance model', 'PS3', '2099-01-31', 'open', $2, now(), now())
         RETURNING id`,
        [fx.esg, officers.officer.id],
      );
      return [
        await t.request('PATCH', path(r.path, { id: fx.esg, itemId: item!.id }), {
          token: sponsor.token,
          body: { status: 'in_progress', note: 'Consultant engaged' },
        }),
      ];
    },
    'GET /api/v1/applications/:id/covenants': (r) =>
      Promise.all(
        applicationIds().map((id) => t.request('GET', path(r.path, { id }), { token: sponsor.token })),
      ),
    'GET /api/v1/applications/:id/monitoring-reports': (r) =>
      Promise.all(
        applicationIds().map((id) => t.request('GET', path(r.path, { id }), { token: sponsor.token })),
      ),
    'POST /api/v1/applications/:id/monitoring-reports': async (r) => [
      await t.request('POST', path(r.path, { id: fx.approved }), {
        token: sponsor.token,
        body: { documentId: '00000000-0000-4000-8000-000000000000', figures: { year: 2026 } },
      }),
    ],
    'GET /api/v1/applications/:id/incidents': (r) =>
      Promise.all(
        applicationIds().map((id) => t.request('GET', path(r.path, { id }), { token: sponsor.token })),
      ),
    'POST /api/v1/applications/:id/incidents': async (r) => [
      await t.request('POST', path(r.path, { id: fx.approved }), {
        token: sponsor.token,
        body: { occurredAt: new Date().toISOString(), kind: 'spill', severity: 1, description: 'Fuel spill' },
      }),
    ],
    'POST /api/v1/applications/:id/incidents/:incidentId/updates': async (r) => {
      const [incident]: Array<{ id: string }> = await t.db.dataSource.query(
        `INSERT INTO incidents (id, application_id, occurred_at, reported_at, reported_by, kind, severity,
           description, serious, late, status, updates)
         VALUES (gen_random_uuid(), $1, now(), now(), $2::uuid, 'security', 2, 'Road blockade', false, false, 'open',
           jsonb_build_array(jsonb_build_object('kind', 'note', 'text', 'Police informed', 'authorId', $2::text,
             'at', now())))
         RETURNING id`,
        [fx.approved, officers.officer.id],
      );
      return [
        await t.request('POST', path(r.path, { id: fx.approved, incidentId: incident!.id }), {
          token: sponsor.token,
          body: { kind: 'corrective_action', text: 'Community meeting held' },
        }),
      ];
    },
    'GET /api/v1/scoring/models': (r) => Promise.all([t.request('GET', r.path, { token: sponsor.token })]),
    'GET /api/v1/me/inbox': (r) => Promise.all([t.request('GET', r.path, { token: sponsor.token })]),
    'POST /api/v1/me/inbox/read': (r) =>
      Promise.all([t.request('POST', r.path, { token: sponsor.token, body: {} })]),
    'GET /api/v1/reference/countries': (r) =>
      Promise.all([t.request('GET', r.path, { token: sponsor.token })]),
    'GET /api/v1/reference/minerals': (r) =>
      Promise.all([t.request('GET', r.path, { token: sponsor.token })]),
  };

  const sponsorRoutes = () =>
    registeredRoutes(t.app).filter((r) => r.policy?.kind === 'roles' && r.policy.roles.includes('sponsor'));

  /** Every forbidden key (at any depth) and every string carrying deliberation or a staff identity. */
  function leaks(body: unknown, staffIds: readonly string[]): string[] {
    const found: string[] = [];
    const forbidden = new Set(SPONSOR_FORBIDDEN_KEYS);
    const visit = (value: unknown, at: string) => {
      if (typeof value === 'string') {
        if (value.includes(SECRET)) found.push(`${at}: deliberation text`);
        for (const id of staffIds) if (value.includes(id)) found.push(`${at}: staff id ${id}`);
        return;
      }
      if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${at}[${i}]`));
      if (value !== null && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if (forbidden.has(key)) found.push(`${at}.${key}: forbidden field`);
          visit(v, `${at}.${key}`);
        }
      }
    };
    visit(body, '$');
    return found;
  }

  it('the fixture really holds the deliberation (the staff view shows it, so the walk can fail)', async () => {
    const staff = await t.request('GET', `/api/v1/applications/${fx.approved}`, {
      token: officers.officer.token,
    });
    expect(staff.body.audience).toBe('staff');
    expect(staff.body.committee.votes.map((v: { rationale: string }) => v.rationale).join()).toContain(
      SECRET,
    );
    expect(staff.body.financing.cofinancing).toEqual([
      expect.objectContaining({ amountUsd: 90_000_000, status: 'committed' }),
    ]);
    expect(leaks(staff.body, [])).toContain('$.financing.cofinancing: forbidden field');
    const screening = await t.request('GET', `/api/v1/applications/${fx.screening}`, {
      token: officers.officer.token,
    });
    expect(screening.body.screening.parties[0].matchedName).toBe('IBARRA WOLFF, Tomas');
    expect(screening.body.pendingApprovals).toHaveLength(1);
    expect(
      leaks(staff.body, [officers.officer.id]).length + leaks(screening.body, []).length,
    ).toBeGreaterThan(0);
  });

  it('walks every route a sponsor may call; nothing forbidden reaches the sponsor', async () => {
    const routes = sponsorRoutes();
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(keys).toEqual(
      expect.arrayContaining(['GET /api/v1/applications/:id', 'POST /api/v1/applications']),
    );
    const withoutRecipe = keys.filter((key) => !RECIPES[key]);
    // A new route open to sponsors must be walked: add its recipe above.
    expect(withoutRecipe).toEqual([]);

    const staffIds = [officers.officer.id, officers.checker.id, ...members.map((m) => m.id)];
    const problems: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      for (const response of await RECIPES[key]!(route)) {
        walked.push({ route: key, status: response.status, body: response.body });
        if (response.status >= 500) problems.push(`${key}: ${response.status}`);
        if (Buffer.isBuffer(response.body)) continue;
        problems.push(...leaks(response.body, staffIds).map((leak) => `${key} ${leak}`));
      }
    }
    expect(problems).toEqual([]);
    // The walk reached the data: application reads answered 200 with the sponsor view in every stage.
    const reads = walked.filter((w) => w.route === 'GET /api/v1/applications/:id');
    expect(reads.map((w) => w.status)).toEqual(applicationIds().map(() => 200));
    expect(reads.map((w) => (w.body as { audience: string }).audience)).toEqual(
      applicationIds().map(() => 'sponsor'),
    );
    const answered = walked.find((w) => w.route.endsWith('/answer'));
    expect(answered?.status).toBe(200);
  });

  it('the sponsor view says what the sponsor may know: its stage, requests, contact, decision, timeline', async () => {
    const screening = (
      await t.request('GET', `/api/v1/applications/${fx.screening}`, { token: sponsor.token })
    ).body;
    expect(screening.contactOfficer).toEqual({
      displayName: expect.any(String),
      email: officers.officer.email,
    });
    expect(screening.informationRequests[0]).toEqual(
      expect.objectContaining({ question: 'Please send the offtake term sheet' }),
    );
    const approved = (await t.request('GET', `/api/v1/applications/${fx.approved}`, { token: sponsor.token }))
      .body;
    expect(approved.stage).toBe('approved');
    expect(approved.committeeDecision).toBe('approved');
    expect(approved.conditionsPrecedent.map((c: { text: string }) => c.text)).toEqual([
      'Signed offtake agreement',
      'Equity injected',
    ]);
    expect(approved.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['created', 'submitted', 'stage_changed', 'committee_decision']),
    );
    const list = (await t.request('GET', '/api/v1/applications', { token: sponsor.token })).body;
    expect(list.audience).toBe('sponsor');
  });

  it("a stage move shows the sponsor the note addressed to it, never the fund's reason", async () => {
    const id = (await createSubmitted(t, sponsor)).id;
    await simulateScreening(t, id, { proposedCategory: 'B' });
    const move = async (body: Record<string, unknown>) => {
      const { version } = await stageOf(t, id);
      const response = await t.request('POST', `/api/v1/applications/${id}/transitions`, {
        token: officers.officer.token,
        body: { ...body, expectedVersion: version },
      });
      expect(response.status).toBe(200);
    };
    await move({
      to: 'esg_review',
      reason: `${SECRET}: eligible, watch the water balance`,
      noteToSponsor: 'Your application is now in the ESG review.',
    });
    await move({
      to: 'rejected',
      reason: `${SECRET}: outside the mandate`,
      noteToSponsor: 'The fund cannot finance this project.',
    });
    const own = await t.request('GET', `/api/v1/applications/${id}`, { token: sponsor.token });
    expect(own.status).toBe(200);
    const timeline = own.body.timeline as Array<{ kind: string; stage: string; message: string | null }>;
    expect(timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'stage_changed',
          stage: 'esg_review',
          message: 'Your application is now in the ESG review.',
        }),
        expect.objectContaining({ kind: 'rejected', message: 'The fund cannot finance this project.' }),
      ]),
    );
    expect(JSON.stringify(own.body)).not.toContain(SECRET);
    // Staff read both in the trail: the reason as the event's reason, the note in its context.
    const trail = await t.request('GET', `/api/v1/applications/${id}/audit-trail`, {
      token: officers.officer.token,
    });
    const rejected = (trail.body.items as Array<Record<string, any>>).find(
      (e) => e.action === 'application.rejected',
    );
    expect(rejected).toMatchObject({
      reason: `${SECRET}: outside the mandate`,
      context: expect.objectContaining({ noteToSponsor: 'The fund cannot finance this project.' }),
    });
  });

  it('every other route answers the sponsor 403, even on its own application', async () => {
    const staffOnly = registeredRoutes(t.app).filter(
      (r) => r.policy?.kind === 'roles' && !r.policy.roles.includes('sponsor'),
    );
    expect(staffOnly.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/applications/:id/audit-trail',
        'GET /api/v1/applications/:id/risk-assessments',
        'GET /api/v1/risk-assessments/:id',
        'GET /api/v1/approvals',
      ]),
    );
    const statuses: string[] = [];
    for (const route of staffOnly) {
      const url = route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) =>
        name === 'id' ? fx.approved : randomUUID(),
      );
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      const response = await t.request(route.method, url, { token: sponsor.token, body });
      if (response.status !== 403) statuses.push(`${route.method} ${route.path}: ${response.status}`);
    }
    expect(statuses).toEqual([]);
  });

  it("another organisation's sponsor gets 404 for every application", async () => {
    for (const id of applicationIds()) {
      const response = await t.request('GET', `/api/v1/applications/${id}`, { token: otherSponsor.token });
      expect(response.status).toBe(404);
    }
  });
});
