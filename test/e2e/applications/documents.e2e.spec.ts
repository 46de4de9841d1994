import { createHash } from 'node:crypto';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { auditCount, createDraft } from './support.js';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('applications: documents', () => {
  let t: TestApp;
  let sponsor: TestUser;
  let stranger: TestUser;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ queueBackend: 'postgres', env: { MAX_UPLOAD_BYTES: '4096' } });
    sponsor = await t.createUser(['sponsor']);
    stranger = await t.createUser(['sponsor']);
    officer = await t.createUser(['officer']);
  });
  afterAll(async () => {
    await t.close();
  });

  async function upload(
    id: string,
    token: string,
    file: { bytes: Buffer; name: string; type: string } | null,
    kind: string | null = 'esia',
  ) {
    const request = t.supertest('POST', `/api/v1/applications/${id}/documents`, { token });
    if (kind !== null) void request.field('kind', kind);
    if (file) void request.attach('file', file.bytes, { filename: file.name, contentType: file.type });
    const response = await request;
    return { status: response.status, body: response.body };
  }

  it('stores a PDF content-addressed, answers 201 with its hash, writes document.added, and serves it back', async () => {
    const app = await createDraft(t, sponsor);
    const response = await upload(app.id, sponsor.token, {
      bytes: PDF,
      name: 'esia.pdf',
      type: 'application/pdf',
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      sha256: createHash('sha256').update(PDF).digest('hex'),
      size: PDF.length,
      mediaType: 'application/pdf',
      kind: 'esia',
    });
    expect(await auditCount(t, app.id, 'document.added')).toBe(1);

    const download = await t.request<Buffer>('GET', `/api/v1/documents/${response.body.id}`, {
      token: officer.token,
    });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.body.equals(PDF)).toBe(true);

    const foreign = await t.request('GET', `/api/v1/documents/${response.body.id}`, {
      token: stranger.token,
    });
    expect(foreign.status).toBe(404);
    const view = await t.request('GET', `/api/v1/applications/${app.id}`, { token: sponsor.token });
    expect(view.body.documents.map((d: { id: string }) => d.id)).toEqual([response.body.id]);
  });

  it('accepts PNG and UTF-8 text/CSV; refuses a mismatch (400) and unknown binary (415)', async () => {
    const app = await createDraft(t, sponsor);
    expect(
      (await upload(app.id, sponsor.token, { bytes: PNG, name: 'map.png', type: 'image/png' }, 'other'))
        .status,
    ).toBe(201);
    const csv = await upload(
      app.id,
      officer.token,
      { bytes: Buffer.from('year,capex\n2026,1\n'), name: 'model.csv', type: 'text/csv' },
      'financial_model',
    );
    expect(csv.status).toBe(201);
    expect(csv.body.mediaType).toBe('text/csv');
    const mismatch = await upload(app.id, sponsor.token, {
      bytes: PNG,
      name: 'report.pdf',
      type: 'application/pdf',
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.code).toBe('DOCUMENT.CONTENT_MISMATCH');
    const textAsPdf = await upload(app.id, sponsor.token, {
      bytes: Buffer.from('hello'),
      name: 'x.pdf',
      type: 'application/pdf',
    });
    expect(textAsPdf.status).toBe(400);
    const binary = await upload(app.id, sponsor.token, {
      bytes: Buffer.from([0, 1, 2, 3, 0, 255, 254]),
      name: 'x.bin',
      type: 'application/octet-stream',
    });
    expect(binary.status).toBe(415);
    const gif = await upload(app.id, sponsor.token, {
      bytes: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
      name: 'x.gif',
      type: 'image/gif',
    });
    expect(gif.status).toBe(415);
  });

  it('refuses a file over MAX_UPLOAD_BYTES (413), a missing kind or file (400), and a stranger (404)', async () => {
    const app = await createDraft(t, sponsor);
    const big = Buffer.concat([PDF, Buffer.alloc(8192, 0x20)]);
    const tooLarge = await upload(app.id, sponsor.token, {
      bytes: big,
      name: 'big.pdf',
      type: 'application/pdf',
    });
    expect(tooLarge.status).toBe(413);
    expect(
      (await upload(app.id, sponsor.token, { bytes: PDF, name: 'a.pdf', type: 'application/pdf' }, null))
        .status,
    ).toBe(400);
    expect(
      (await upload(app.id, sponsor.token, { bytes: PDF, name: 'a.pdf', type: 'application/pdf' }, 'selfie'))
        .status,
    ).toBe(400);
    expect((await upload(app.id, sponsor.token, null)).status).toBe(400);
    expect(
      (await upload(app.id, stranger.token, { bytes: PDF, name: 'a.pdf', type: 'application/pdf' })).status,
    ).toBe(404);
    const committee = await t.createUser(['committee']);
    expect(
      (await upload(app.id, committee.token, { bytes: PDF, name: 'a.pdf', type: 'application/pdf' })).status,
    ).toBe(403);
    expect(await auditCount(t, app.id, 'document.added')).toBe(0);
  });

  it("lets a sponsor download its own documents but not the fund's (404, pipeline.md: what a sponsor sees)", async () => {
    const app = await createDraft(t, sponsor);
    const pdf = { bytes: PDF, name: 'policy.pdf', type: 'application/pdf' };
    // The mitigant evidence kinds of FORGE-RRS 1.1.0 are document kinds like any other.
    const own = await upload(app.id, sponsor.token, pdf, 'pri_policy');
    expect(own.status).toBe(201);
    const fund = await upload(app.id, officer.token, pdf, 'ownership_evidence');
    expect(fund.status).toBe(201);

    const get = (id: string, token: string) => t.request<Buffer>('GET', `/api/v1/documents/${id}`, { token });
    expect((await get(own.body.id, sponsor.token)).status).toBe(200);
    const refused = await get(fund.body.id, sponsor.token);
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ code: 'DOCUMENT.NOT_FOUND' });
    expect((await get(fund.body.id, officer.token)).status).toBe(200);
    const auditor = await t.createUser(['auditor']);
    expect((await get(fund.body.id, auditor.token)).status).toBe(200);
    // A colleague of the sponsor's organisation reads the sponsor's documents, still not the fund's.
    const colleague = await t.createUser(['sponsor'], { organizationId: sponsor.organizationId });
    expect((await get(own.body.id, colleague.token)).status).toBe(200);
    expect((await get(fund.body.id, colleague.token)).status).toBe(404);
  });
});
