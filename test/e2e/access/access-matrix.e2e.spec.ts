import { randomUUID } from 'node:crypto';
import {
  canReadApplication,
  ROLES,
  STAGE_TRAITS,
  STAGES,
  SPONSOR_FORBIDDEN_KEYS,
  type Actor,
  type ApplicationAccessFacts,
  type Role,
  type Stage,
} from '../../../libs/domain/src/index.js';
import { accessPredicateSql } from '../../../libs/application/src/access/access-sql.js';
import { discoverRoutes, pathParameters, type DiscoveredRoute } from '../../support/routes.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { createDraft, insertAssessment, sampleFinancing, sampleInput } from '../applications/support.js';
import { ensureCountriesSnapshot } from '../../integration/risk/risk-fixtures.js';

/**
 * The read rule, role × stage × route, generated (issue 12): every route that reads an application or
 * something hanging off it, walked as every role (plus a sponsor of another organisation) on an application
 * in every stage, must answer 404 exactly where `READ_ACCESS` (libs/domain/src/pipeline/read-access.ts)
 * says the caller may not read it, 403 where the route's policy does not name the role, and 2xx otherwise.
 *
 * The routes come from the running app's route metadata: a route added later is walked without editing this
 * file, and a route whose path parameter this file cannot place (application, child, or not an
 * application's at all) fails the first test until it is classified here.
 */

/** What a path parameter addresses: an application, one of its children (by the child's own id), or neither. */
type Target = 'application' | 'document' | 'risk_assessment' | 'approval';

/** Routes whose `:id` is a child's id. Routes under `/applications/:id` need no entry. */
const CHILD_ROUTES: Readonly<Record<string, Target>> = {
  '/api/v1/documents/:id': 'document',
  '/api/v1/risk-assessments/:id': 'risk_assessment',
  '/api/v1/risk-assessments/:id/replay': 'risk_assessment',
};

/** Reads with a path parameter that is not an application's, each with the reason. */
const NOT_APPLICATION_SCOPED: Readonly<Record<string, string>> = {
  '/api/v1/admin/users/:userId': 'a user account (admins)',
  '/api/v1/admin/webhooks/:id/deliveries': 'a webhook endpoint (admins)',
  '/api/v1/audit/events/:seq/inclusion-proof': 'a position in the whole trail (auditors, admins)',
};

const APPLICATION_PREFIX = '/api/v1/applications/:id';

/**
 * Reads of something an application may not have yet: where the caller may read the application, a 404 with
 * this code (not APPLICATION.NOT_FOUND) counts as readable.
 */
const MAY_BE_ABSENT: Readonly<Record<string, string>> = {
  // The IC pack exists from the application's first entry into committee (the matrix's rows have none).
  'GET /api/v1/applications/:id/committee/pack': 'COMMITTEE.PACK_NOT_FOUND',
};

/** The reads of the matrix: GET routes and the read-only others (`write: false`, e.g. a replay). */
function isRead(route: DiscoveredRoute): boolean {
  return route.policy?.kind === 'roles' && !route.policy.write && pathParameters(route.path).length > 0;
}

function classify(route: DiscoveredRoute): Target | 'not_application' | 'unclassified' {
  if (route.path in CHILD_ROUTES) return CHILD_ROUTES[route.path]!;
  if (route.path in NOT_APPLICATION_SCOPED) return 'not_application';
  const rest = route.path.slice(APPLICATION_PREFIX.length);
  const under = route.path === APPLICATION_PREFIX || route.path.startsWith(`${APPLICATION_PREFIX}/`);
  if (under && pathParameters(rest).length === 0) return 'application';
  return 'unclassified';
}

/** One seeded application: its stage and whether a committee round was opened, and its children's ids. */
interface Case {
  stage: Stage;
  reachedCommittee: boolean;
  ids: Record<Target, string>;
}

/** The callers: every role, a sponsor of another organisation and a partner of a cofinancier not in the deal. */
interface Caller {
  name: string;
  user: TestUser;
  actor: Actor;
}

/** Realistic facts: a committee round was opened in every stage from `committee` on; closed ones either way. */
function caseFacts(): Array<{ stage: Stage; reachedCommittee: boolean }> {
  return STAGES.flatMap((stage) => {
    const traits = STAGE_TRAITS[stage];
    if (traits.terminal && !traits.committeeOnward) {
      return [
        { stage, reachedCommittee: false },
        { stage, reachedCommittee: true },
      ];
    }
    return [{ stage, reachedCommittee: traits.committeeOnward }];
  });
}

/** Tables of the children the matrix addresses by their own id. */
const CHILD_TABLES: ReadonlyArray<{ target: Exclude<Target, 'application'>; table: string }> = [
  { target: 'document', table: 'documents' },
  { target: 'risk_assessment', table: 'risk_assessments' },
  { target: 'approval', table: 'approvals' },
];

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

describe('access matrix: role × stage × route (generated from the routes and READ_ACCESS)', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[];
  let organizationId: string;
  let cofinancierId: string;
  const callers: Caller[] = [];
  const cases: Case[] = [];

  beforeAll(async () => {
    // The smallest pool the configuration accepts: a read that takes a second connection while it holds one
    // deadlocks here under the walk's concurrency instead of someday in production.
    t = await createTestApp({ env: { DATABASE_POOL_SIZE: '2' } });
    routes = discoverRoutes(t.app);
    await ensureCountriesSnapshot(t.db.dataSource);
    for (const role of ROLES) {
      const user = await t.createUser([role]);
      callers.push({
        name: role,
        user,
        actor: { id: user.id, roles: user.roles, organizationId: user.organizationId },
      });
    }
    for (const [name, role] of [
      ['sponsor of another organisation', 'sponsor'],
      ['partner of a cofinancier not in the deal', 'partner'],
    ] as const) {
      const stranger = await t.createUser([role]);
      callers.push({
        name,
        user: stranger,
        actor: { id: stranger.id, roles: stranger.roles, organizationId: stranger.organizationId },
      });
    }
    const sponsor = callers.find((caller) => caller.name === 'sponsor')!.user;
    const officer = callers.find((caller) => caller.name === 'officer')!.user;
    organizationId = sponsor.organizationId!;
    cofinancierId = callers.find((caller) => caller.name === 'partner')!.user.organizationId!;

    // One application made through the API with a document, an assessment and a pending approval...
    const source = await createDraft(t, sponsor, sampleInput('S01'));
    const upload = await t
      .supertest('POST', `/api/v1/applications/${source.id}/documents`, { token: sponsor.token })
      .field('kind', 'esia')
      .attach('file', PDF, { filename: 'esia.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(201);
    await t.db.dataSource.query(`UPDATE applications SET financing = $2::jsonb WHERE id = $1`, [
      source.id,
      JSON.stringify(sampleFinancing('S01')),
    ]);
    await insertAssessment(t, source.id);
    await t.db.dataSource.query(
      `INSERT INTO approvals (id, application_id, action, subject, payload, maker_id)
       VALUES ($1, $2, 'check.waive', 'ESG.BIODIVERSITY', '{}'::jsonb, $3)`,
      [randomUUID(), source.id, officer.id],
    );

    // ...copied in SQL into every stage (one statement per row: the API would need a whole journey each).
    for (const { stage, reachedCommittee } of caseFacts()) {
      const id = randomUUID();
      await t.db.dataSource.query(
        `INSERT INTO applications
         SELECT (jsonb_populate_record(NULL::applications, to_jsonb(a) || $2::jsonb)).* FROM applications a WHERE a.id = $1`,
        [
          source.id,
          JSON.stringify({
            id,
            reference: `M-${id.slice(0, 8)}`,
            stage,
            committee_round: reachedCommittee ? 1 : 0,
          }),
        ],
      );
      const ids = { application: id } as Record<Target, string>;
      for (const { target, table } of CHILD_TABLES) {
        const childId = randomUUID();
        const copied: unknown[] = await t.db.dataSource.query(
          `INSERT INTO ${table}
           SELECT (jsonb_populate_record(NULL::${table}, to_jsonb(c) || $2::jsonb)).*
             FROM ${table} c WHERE c.application_id = $1 RETURNING id`,
          [source.id, JSON.stringify({ id: childId, application_id: id })],
        );
        expect(copied).toHaveLength(1);
        ids[target] = childId;
      }
      // The partner's organisation co-finances every copy (the rule then decides by stage).
      await t.db.dataSource.query(
        `INSERT INTO cofinancing_lines (application_id, organization_id, instrument, amount_usd, status, updated_at)
         VALUES ($1, $2, 'senior_loan', 10000000, 'indicated', now())`,
        [id, cofinancierId],
      );
      cases.push({ stage, reachedCommittee, ids });
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('places every read with a path parameter (a new one fails here until it is classified)', () => {
    const reads = routes.filter(isRead);
    expect(reads.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/applications/:id',
        'GET /api/v1/applications/:id/risk-assessments',
        'GET /api/v1/applications/:id/audit-trail',
        'GET /api/v1/applications/:id/proof-bundle',
        'GET /api/v1/documents/:id',
        'GET /api/v1/risk-assessments/:id',
      ]),
    );
    const unclassified = reads
      .filter((route) => classify(route) === 'unclassified')
      .map((route) => `${route.method} ${route.path}`);
    expect(unclassified).toEqual([]);
    const stale = [...Object.keys(CHILD_ROUTES), ...Object.keys(NOT_APPLICATION_SCOPED)].filter(
      (path) => !routes.some((route) => route.path === path),
    );
    expect(stale).toEqual([]);
  });

  it('covers every stage, both committee histories of the closed ones, every role and a stranger', () => {
    expect(new Set(cases.map((c) => c.stage))).toEqual(new Set(STAGES));
    expect(callers.map((caller) => caller.name)).toEqual([
      ...ROLES,
      'sponsor of another organisation',
      'partner of a cofinancier not in the deal',
    ]);
  });

  const expected = (
    route: DiscoveredRoute,
    caller: Caller,
    facts: ApplicationAccessFacts,
  ): number | '2xx' => {
    const policy = route.policy;
    if (policy?.kind !== 'roles') return 403;
    const granted = caller.actor.roles.some((role) => policy.roles.includes(role as Role));
    if (!granted) return 403;
    return canReadApplication(caller.actor, facts) ? '2xx' : 404;
  };

  it('answers 404 exactly where READ_ACCESS says the caller may not read, 2xx elsewhere', async () => {
    const reads = routes.filter(isRead).filter((route) => classify(route) !== 'not_application');
    expect(reads.length).toBeGreaterThan(5);
    const failures: string[] = [];
    let walked = 0;
    for (const route of reads) {
      const target = classify(route) as Target;
      // One route at a time, every case and caller at once (the app's pool bounds the database work).
      await Promise.all(
        cases.flatMap((c) => {
          const facts: ApplicationAccessFacts = {
            organizationId,
            stage: c.stage,
            reachedCommittee: c.reachedCommittee,
            cofinancierOrganizationIds: [cofinancierId],
          };
          const url = route.path.replace(/:[A-Za-z0-9_]+/, c.ids[target]);
          return callers.map(async (caller) => {
            const want = expected(route, caller, facts);
            const body = route.method === 'GET' ? undefined : {};
            const response = await t.request(route.method, url, { token: caller.user.token, body });
            walked += 1;
            const absent = MAY_BE_ABSENT[`${route.method} ${route.path}`];
            const ok =
              want === '2xx'
                ? (response.status >= 200 && response.status < 300) ||
                  (absent !== undefined && response.status === 404 && response.body?.code === absent)
                : response.status === want;
            if (!ok) {
              failures.push(
                `${caller.name} ${route.method} ${route.path} [${c.stage}${c.reachedCommittee ? ', reached committee' : ''}] → ${response.status} ${response.body?.code ?? ''}, expected ${want}`,
              );
            }
          });
        }),
      );
    }
    expect(walked).toBe(reads.length * cases.length * callers.length);
    expect(failures).toEqual([]);
  }, 600_000);

  it("co-financing lines in the view: every staff reader sees them; the sponsor view (a sponsor's, a partner's) never", async () => {
    const failures: string[] = [];
    const seen = { staff: 0, sponsor: 0 };
    const forbidden = new Set<string>(SPONSOR_FORBIDDEN_KEYS);
    /** Forbidden keys of the sponsor view at any depth (pipeline.md "What a sponsor sees"). */
    const leaked = (value: unknown, at: string): string[] =>
      Array.isArray(value)
        ? value.flatMap((v, i) => leaked(v, `${at}[${i}]`))
        : value !== null && typeof value === 'object'
          ? Object.entries(value).flatMap(([key, v]) => [
              ...(forbidden.has(key) ? [`${at}.${key}`] : []),
              ...leaked(v, `${at}.${key}`),
            ])
          : [];
    let partnerReads = 0;
    for (const c of cases) {
      for (const caller of callers) {
        const response = await t.request('GET', `/api/v1/applications/${c.ids.application}`, {
          token: caller.user.token,
        });
        if (response.status !== 200) continue;
        seen[response.body.audience as 'staff' | 'sponsor'] += 1;
        if (caller.user.roles.includes('partner')) {
          partnerReads += 1;
          if (response.body.audience !== 'sponsor') {
            failures.push(`${caller.name} [${c.stage}]: served the ${response.body.audience} view`);
          }
        }
        if (response.body.audience === 'sponsor') {
          for (const at of leaked(response.body, '$')) failures.push(`${caller.name} [${c.stage}]: ${at}`);
        }
        const lines = JSON.stringify(response.body.financing?.cofinancing ?? null);
        const want =
          response.body.audience === 'staff'
            ? JSON.stringify([
                {
                  organizationId: cofinancierId,
                  instrument: 'senior_loan',
                  amountUsd: 10_000_000,
                  status: 'indicated',
                },
              ])
            : 'null';
        if (
          lines !== want ||
          (response.body.audience !== 'staff' && JSON.stringify(response.body).includes(cofinancierId))
        ) {
          failures.push(`${caller.name} [${c.stage}] (${response.body.audience}): ${lines}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The partner in the deal reads the committee-onward copies as a sponsor would; the other partner nothing.
    const partner = callers.find((caller) => caller.name === 'partner')!;
    const partnerMay = cases.filter((c) =>
      canReadApplication(partner.actor, {
        organizationId,
        stage: c.stage,
        reachedCommittee: c.reachedCommittee,
        cofinancierOrganizationIds: [cofinancierId],
      }),
    ).length;
    expect(partnerMay).toBeGreaterThan(3);
    expect(partnerReads).toBe(partnerMay);
    // Staff read every stage; the sponsor reads its own in every stage.
    expect(seen.sponsor).toBe(cases.length + partnerMay);
    expect(seen.staff).toBeGreaterThan(3 * cases.length);
  });

  it('the list answers exactly the applications READ_ACCESS lets the caller read (the SQL reading of the rule)', async () => {
    const failures: string[] = [];
    const list = routes.find((route) => route.method === 'GET' && route.path === '/api/v1/applications')!;
    for (const caller of callers) {
      const seen = new Set<string>();
      if (
        expected(list, caller, {
          organizationId,
          stage: 'draft',
          reachedCommittee: false,
          cofinancierOrganizationIds: [],
        }) === 403
      ) {
        const refused = await t.request('GET', '/api/v1/applications', { token: caller.user.token });
        if (refused.status !== 403) failures.push(`${caller.name}: list → ${refused.status}, expected 403`);
        continue;
      }
      let cursor: string | null | undefined;
      do {
        const query = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
        const page = await t.request<{ items: Array<{ id: string }>; nextCursor: string | null }>(
          'GET',
          `/api/v1/applications?${query.toString()}`,
          { token: caller.user.token },
        );
        expect(page.status).toBe(200);
        for (const item of page.body.items) seen.add(item.id);
        cursor = page.body.nextCursor;
      } while (cursor);
      for (const c of cases) {
        const want = canReadApplication(caller.actor, {
          organizationId,
          stage: c.stage,
          reachedCommittee: c.reachedCommittee,
          cofinancierOrganizationIds: [cofinancierId],
        });
        if (want !== seen.has(c.ids.application)) {
          failures.push(
            `${caller.name} [${c.stage}${c.reachedCommittee ? ', reached committee' : ''}]: listed ${seen.has(c.ids.application)}, expected ${want}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('the SQL predicate selects exactly what the in-memory rule reads, for every caller (roles no route grants too)', async () => {
    const failures: string[] = [];
    const ids = cases.map((c) => c.ids.application);
    for (const caller of callers) {
      const params: unknown[] = [ids];
      const predicate = accessPredicateSql(caller.actor, params);
      const rows: Array<{ id: string }> = await t.db.dataSource.query(
        `SELECT a.id FROM applications a WHERE a.id = ANY($1::uuid[]) AND ${predicate}`,
        params,
      );
      const selected = new Set(rows.map((row) => row.id));
      for (const c of cases) {
        const want = canReadApplication(caller.actor, {
          organizationId,
          stage: c.stage,
          reachedCommittee: c.reachedCommittee,
          cofinancierOrganizationIds: [cofinancierId],
        });
        if (want !== selected.has(c.ids.application)) {
          failures.push(
            `${caller.name} [${c.stage}]: SQL ${selected.has(c.ids.application)}, in memory ${want}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
