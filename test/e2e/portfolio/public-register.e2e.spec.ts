import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import { PUBLIC_DOCUMENT_FIELDS, PUBLIC_PROJECT_FIELDS } from '../../../libs/domain/src/index.js';
import { expectIatiActivityElements } from '../../support/iati.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import {
  driveToCommittee,
  driveToFinancing,
  publishDisclosure,
  sampleInput,
  type Officers,
} from '../applications/support.js';

/** Every key path of a JSON value, arrays as `[]`: `items[].documents[].url`. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keyPaths(item, `${prefix}[]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      return [path, ...keyPaths(child, path)];
    });
  }
  return [];
}

/** Every string at every depth. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function ownerNames(owners: Array<{ name: string; owners?: unknown[] }>): string[] {
  return owners.flatMap((o) => [o.name, ...ownerNames((o.owners ?? []) as typeof owners)]);
}

/** The allow-list as key paths, from the domain's field lists (the one place that names them). */
function allowedPaths(prefix: string): Set<string> {
  const paths = new Set<string>();
  for (const field of PUBLIC_PROJECT_FIELDS) paths.add(`${prefix}${field}`);
  for (const field of PUBLIC_DOCUMENT_FIELDS) paths.add(`${prefix}documents[].${field}`);
  for (const field of ['version', 'disclosedAt', 'firstDisclosedAt'])
    paths.add(`${prefix}disclosure.${field}`);
  for (const field of ['outcome', 'decidedAt']) paths.add(`${prefix}decision.${field}`);
  return paths;
}

const PDF = (label: string) =>
  Buffer.from(
    `%PDF-1.4\n% ${label}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
  );

/**
 * The public register (portfolio.md): no authentication, rate-limited, exactly the disclosed fields (every key at
 * every depth checked against the allow-list; no owner, score, vote, note or person id anywhere), public documents
 * downloadable and private ones not; and the IATI 2.03 file parsed back with fast-xml-parser (`preserveOrder`) and
 * checked against portfolio.md's mapping, element order included.
 */
describe('public register and IATI (e2e)', () => {
  let t: TestApp;
  let officers: Officers;
  let members: TestUser[];
  let sponsor: TestUser;
  let approvedId: string;
  let approvedRef: string;
  let pendingRef: string;
  let publicDocumentId: string;
  let privateDocumentId: string;
  let financedRef: string;
  const rationale = `Approved: strong sponsor ${randomUUID()}`;

  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '30' } });
    officers = { officer: await t.createUser(['officer']), checker: await t.createUser(['officer']) };
    members = [
      await t.createUser(['committee']),
      await t.createUser(['committee']),
      await t.createUser(['committee']),
    ];
    sponsor = await t.createUser(['sponsor']);
    approvedId = await driveToCommittee(t, sponsor, officers, { key: 'S01' });
    const uploaded: string[] = [];
    for (const label of ['public ESIA', 'private financial model']) {
      const upload = await t
        .supertest('POST', `/api/v1/applications/${approvedId}/documents`, { token: officers.officer.token })
        .field('kind', label.startsWith('public') ? 'esia' : 'financial_model')
        .attach('file', PDF(label), { filename: 'doc.pdf', contentType: 'application/pdf' });
      expect(upload.status).toBe(201);
      uploaded.push(upload.body.id);
    }
    [publicDocumentId, privateDocumentId] = uploaded as [string, string];
    // An amendment in committee makes the ESIA public (the period still runs from version 1).
    const amended = await t.request('POST', `/api/v1/applications/${approvedId}/disclosure`, {
      token: officers.officer.token,
      body: {
        summary: 'Lithium carbonate by direct extraction in Jujuy; the ESIA is public.',
        esReviewSummary: 'Water use and Indigenous Peoples engagement reviewed under PS1, PS3 and PS7.',
        publicDocumentIds: [publicDocumentId],
      },
    });
    expect(amended.status).toBe(201);
    for (const member of members) {
      const cast = await t.request('POST', `/api/v1/applications/${approvedId}/committee/votes`, {
        token: member.token,
        body: { decision: 'approve', rationale },
      });
      expect(cast.status).toBe(201);
    }
    const approved = await t.request('GET', `/api/v1/applications/${approvedId}`, {
      token: officers.officer.token,
    });
    expect(approved.body.stage).toBe('approved');
    approvedRef = approved.body.reference;

    const pendingSponsor = await t.createUser(['sponsor']);
    const pendingId = await driveToFinancing(t, pendingSponsor, officers, 'S05');
    await publishDisclosure(t, pendingId, officers.officer, { daysAgo: 2 });
    pendingRef = (
      await t.request('GET', `/api/v1/applications/${pendingId}`, { token: officers.officer.token })
    ).body.reference;

    // A financed project with a private co-financier's committed line and one disbursement (written in SQL).
    financedRef = await seedFinancedWithDisbursement();
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  async function seedFinancedWithDisbursement(): Promise<string> {
    const ds = t.db.dataSource;
    const id = randomUUID();
    const reference = 'FRG-2026-PUB01';
    const organizationId = await t.createOrganization('Cerro Verde Zinc S.A.');
    const cofinancier = await t.createOrganization('Andes Commercial Bank', 'cofinancier');
    const input = { ...sampleInput('S14') };
    await ds.query(
      `INSERT INTO applications (id, reference, organization_id, created_by, stage, version, input, proposed_category,
         category, financing, submitted_at, decided_at, financed_at)
       VALUES ($1, $2, $3, $4, 'financed', 9, $5::jsonb, 'C', 'C', $6::jsonb, '2026-03-01', '2026-06-15T10:00:00Z',
               '2026-08-01T10:00:00Z')`,
      [
        id,
        reference,
        organizationId,
        officers.officer.id,
        JSON.stringify(input),
        JSON.stringify({
          instrument: 'equity',
          amountUsd: 70_000_000,
          tenorYears: 8,
          mitigants: [],
          conditionsPrecedent: [],
        }),
      ],
    );
    await ds.query(
      `INSERT INTO cofinancing_lines (application_id, organization_id, instrument, amount_usd, status, updated_at)
       VALUES ($1, $2, 'senior_loan', 30000000, 'committed', now())`,
      [id, cofinancier],
    );
    // A second co-financier whose line is only indicated: still a co-financier of the activity (portfolio.md).
    const dfi = await t.createOrganization('Banco Andino de Desarrollo', 'cofinancier');
    await ds.query(
      `INSERT INTO cofinancing_lines (application_id, organization_id, instrument, amount_usd, status, updated_at)
       VALUES ($1, $2, 'subordinated_loan', 10000000, 'indicated', now())`,
      [id, dfi],
    );
    await ds.query(
      `INSERT INTO disclosure_packages (id, application_id, version, disclosed_at, disclosed_by, content, content_hash)
       VALUES ($1, $2, 1, '2026-04-01T00:00:00Z', $3, $4::jsonb, $5)`,
      [
        randomUUID(),
        id,
        officers.officer.id,
        JSON.stringify({
          reference,
          title: 'Cerro Verde zinc & lead <expansion>',
          sponsorName: 'Cerro Verde Zinc S.A.',
          country: input.country,
          region: input.region,
          mineral: input.mineral,
          valueChainSegment: input.valueChainSegment,
          forgeAmountUsd: 70_000_000,
          instrument: 'equity',
          category: 'C',
          summary: 'Equity in a zinc mine expansion.',
          esReviewSummary: null,
          publicDocuments: [],
        }),
        'a'.repeat(64),
      ],
    );
    await ds.query(
      `INSERT INTO disbursements (id, application_id, tranche_id, amount_usd, status, requested_by, requested_at,
         value_date)
       VALUES ($1, $2, 'T1', 25000000, 'disbursed', $3, '2026-08-10T00:00:00Z', '2026-08-20')`,
      [randomUUID(), id, officers.officer.id],
    );
    return reference;
  }

  it('lists disclosed projects without authentication, with exactly the allow-listed fields at every depth', async () => {
    const list = await t.request('GET', '/api/v1/public/projects');
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('public, max-age=60');
    const references = list.body.items.map((p: any) => p.reference);
    expect(references).toEqual(expect.arrayContaining([approvedRef, pendingRef, financedRef]));
    expect(references).toHaveLength(3);

    const allowed = allowedPaths('items[].');
    allowed.add('items');
    const unexpected = keyPaths(list.body).filter((path) => !allowed.has(path));
    expect(unexpected).toEqual([]);
    for (const item of list.body.items) expect(Object.keys(item)).toEqual([...PUBLIC_PROJECT_FIELDS]);

    const approved = list.body.items.find((p: any) => p.reference === approvedRef);
    expect(approved).toMatchObject({
      status: 'approved',
      category: 'B',
      forgeAmountUsd: 250_000_000,
      instrument: 'senior_loan',
      disclosure: { version: 2 },
      decision: { outcome: 'approved' },
    });
    expect(approved.documents).toEqual([
      expect.objectContaining({
        id: publicDocumentId,
        url: `/api/v1/public/projects/${approvedRef}/documents/${publicDocumentId}`,
      }),
    ]);
    expect(list.body.items.find((p: any) => p.reference === pendingRef)).toMatchObject({
      status: 'pending_decision',
      decision: null,
    });

    // Nothing internal in any value either: owners, people's ids, votes, the private document.
    const everything = strings(list.body).join('\n');
    const forbidden = [
      ...ownerNames(sampleInput('S01').governance.beneficialOwners),
      ...ownerNames(sampleInput('S05').governance.beneficialOwners),
      officers.officer.id,
      sponsor.id,
      ...members.map((m) => m.id),
      rationale,
      privateDocumentId,
      approvedId,
    ];
    expect(forbidden.filter((value) => everything.includes(value))).toEqual([]);
  });

  it('one project by reference; unknown references and bad ones are refused', async () => {
    const one = await t.request('GET', `/api/v1/public/projects/${approvedRef}`);
    expect(one.status).toBe(200);
    const unexpected = keyPaths(one.body).filter((path) => !allowedPaths('').has(path));
    expect(unexpected).toEqual([]);
    const unknown = await t.request('GET', '/api/v1/public/projects/FORGE-2099-999999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('PUBLIC_PROJECT.NOT_FOUND');
    const bad = await t.request('GET', `/api/v1/public/projects/${encodeURIComponent('x y')}`);
    expect(bad.status).toBe(400);
  });

  it('serves the documents a package made public, and no other', async () => {
    const document = await fetch(
      `${t.baseUrl}/api/v1/public/projects/${approvedRef}/documents/${publicDocumentId}`,
    );
    expect(document.status).toBe(200);
    expect(document.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await document.arrayBuffer()).toString('latin1')).toContain('public ESIA');
    const hidden = await t.request(
      'GET',
      `/api/v1/public/projects/${approvedRef}/documents/${privateDocumentId}`,
    );
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('DOCUMENT.NOT_FOUND');
  });

  it('is rate-limited per client address: 429 problem+json with Retry-After', async () => {
    // From addresses of their own (all of 127.0.0.0/8 is loopback): the other tests' requests count elsewhere.
    const from = (localAddress: string) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
        const request = httpRequest(`${t.baseUrl}/api/v1/public/projects`, { localAddress }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
          );
        });
        request.on('error', reject);
        request.end();
      });
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof from>> | null = null;
    for (let i = 0; i < 31; i += 1) {
      const response = await from('127.0.0.77');
      statuses.push(response.status);
      if (response.status === 429) refused = response;
    }
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect(refused!.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(refused!.body).code).toBe('RATE_LIMITED');
    // Another address is not affected.
    expect((await from('127.0.0.78')).status).toBe(200);
  });

  it('publishes IATI 2.03 as portfolio.md maps it, elements in the schema order', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/public/iati/activities.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/xml');
    const xml = await response.text();
    const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' });
    const tree = parser.parse(xml) as any[];
    const rootNode = tree.find((node) => 'iati-activities' in node);
    expect(rootNode[':@']).toMatchObject({ version: '2.03' });
    expect(rootNode[':@']['generated-datetime']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const activities = (rootNode['iati-activities'] as any[]).filter((node) => 'iati-activity' in node);
    // Approved and financed only: the pending project is not published.
    const identifiers = activities.map((a) => {
      const idNode = a['iati-activity'].find((n: any) => 'iati-identifier' in n);
      return idNode['iati-identifier'][0]['#text'];
    });
    expect(identifiers).toEqual([`XI-IATI-FORGE-${financedRef}`, `XI-IATI-FORGE-${approvedRef}`].sort());

    const name = (node: any) => Object.keys(node).find((k) => k !== ':@')!;
    const attrs = (node: any) => node[':@'] ?? {};
    const narrative = (node: any) =>
      node[name(node)].find((n: any) => 'narrative' in n).narrative[0]['#text'];
    for (const activity of activities) {
      expect(activity[':@']).toMatchObject({ 'default-currency': 'USD' });
    }

    const byId = (ref: string) =>
      activities.find((a) =>
        a['iati-activity'].some((n: any) => n['iati-identifier']?.[0]?.['#text'] === `XI-IATI-FORGE-${ref}`),
      )['iati-activity'] as any[];

    const approved = byId(approvedRef);
    // FORGE and the sponsor; planned start; the commitment (no cofinancier has committed).
    expectIatiActivityElements(
      { 'iati-activity': approved },
      { participatingOrgs: 2, activityDates: 1, transactions: 1 },
    );
    const a = Object.fromEntries(approved.map((n) => [name(n), n]));
    expect(attrs(a['reporting-org'])).toEqual({ ref: 'XI-IATI-FORGE', type: '40' });
    expect(narrative(a['reporting-org'])).toBe('FORGE');
    expect(narrative(a.title)).toBe(sampleInput('S01').title);
    expect(narrative(a.description)).toBe(
      'Lithium carbonate by direct extraction in Jujuy; the ESIA is public.',
    );
    const participants = approved.filter((n) => name(n) === 'participating-org');
    expect(participants.map(attrs)).toEqual([{ ref: 'XI-IATI-FORGE', role: '1', type: '40' }, { role: '4' }]);
    expect(attrs(a['activity-status'])).toEqual({ code: '1' });
    const decided = (
      await t.db.dataSource.query(`SELECT decided_at FROM applications WHERE id = $1`, [approvedId])
    )[0].decided_at as Date;
    const decidedOn = decided.toISOString().slice(0, 10);
    expect(attrs(a['activity-date'])).toEqual({ type: '1', 'iso-date': decidedOn });
    expect(attrs(a['recipient-country'])).toEqual({ code: 'AR', percentage: '100' });
    const segment = sampleInput('S01').valueChainSegment;
    expect(attrs(a.sector)).toEqual({ vocabulary: '1', code: segment === 'extraction' ? '32264' : '32170' });
    expect(attrs(a['default-flow-type'])).toEqual({ code: '20' });
    expect(attrs(a['default-finance-type'])).toEqual({ code: '421' });
    const [type, date, value] = a.transaction.transaction;
    expect(attrs(type)).toEqual({ code: '2' });
    expect(attrs(date)).toEqual({ 'iso-date': decidedOn });
    expect(attrs(value)).toEqual({ 'value-date': decidedOn });
    expect(value.value[0]['#text']).toBe(250000000);

    const financed = byId(financedRef);
    // FORGE, the sponsor and both co-financiers (committed and indicated, each role 1 funding); planned and actual
    // start; the commitment and one disbursement.
    expectIatiActivityElements(
      { 'iati-activity': financed },
      { participatingOrgs: 4, activityDates: 2, transactions: 2 },
    );
    const f = financed;
    expect(narrative(f[2])).toBe('Cerro Verde zinc & lead <expansion>');
    expect(xml).toContain('Cerro Verde zinc &amp; lead &lt;expansion&gt;');
    expect(narrative(f[5])).toBe('Cerro Verde Zinc S.A.');
    expect([f[6], f[7]].map(attrs)).toEqual([{ role: '1' }, { role: '1' }]);
    expect([f[6], f[7]].map(narrative).sort()).toEqual([
      'Andes Commercial Bank',
      'Banco Andino de Desarrollo',
    ]);
    expect(attrs(f[8])).toEqual({ code: '2' });
    expect(attrs(f[9])).toEqual({ type: '1', 'iso-date': '2026-06-15' });
    expect(attrs(f[10])).toEqual({ type: '2', 'iso-date': '2026-08-01' });
    expect(attrs(f[12]).code).toBe(sampleInput('S14').valueChainSegment === 'extraction' ? '32264' : '32170');
    expect(attrs(f[14])).toEqual({ code: '510' });
    const disbursement = f[16].transaction;
    expect(attrs(disbursement[0])).toEqual({ code: '3' });
    expect(attrs(disbursement[1])).toEqual({ 'iso-date': '2026-08-20' });
    expect(disbursement[2].value[0]['#text']).toBe(25000000);
  });
});
