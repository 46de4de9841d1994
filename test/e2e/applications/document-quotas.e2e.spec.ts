import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { DocumentFiles } from '../../../libs/application/src/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { auditCount, createDraft } from './support.js';

/** A PDF of exactly `size` bytes whose content no other test uses. */
function uniquePdf(size = 1000): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n`);
  const tail = Buffer.from('%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x20), tail]);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// Issue 12: an upload refused by its command stores nothing, a crash's leftovers are swept, and uploads have a
// per-application quota (413) and a per-user budget (429 with Retry-After).
describe('documents: store only what commits, quotas', () => {
  let t: TestApp;
  let documentsDir: string;

  beforeAll(async () => {
    t = await createTestApp({
      queueBackend: 'postgres',
      env: {
        MAX_UPLOAD_BYTES: '4096',
        DOCUMENTS_MAX_PER_APPLICATION: '5',
        DOCUMENTS_MAX_BYTES_PER_APPLICATION: '3000',
        UPLOADS_CONCURRENT_PER_USER: '2',
        UPLOAD_BYTES_PER_USER_HOUR: '5000',
        DOCUMENTS_SWEEP_GRACE_SECONDS: '3600',
      },
    });
    documentsDir = t.runtime.config.documents.dir;
  });
  afterAll(async () => {
    await t.close();
  });

  async function upload(id: string, user: TestUser, bytes: Buffer) {
    const response = await t
      .supertest('POST', `/api/v1/applications/${id}/documents`, { token: user.token })
      .field('kind', 'esia')
      .attach('file', bytes, { filename: 'esia.pdf', contentType: 'application/pdf' });
    return response;
  }

  const stored = (bytes: Buffer) => existsSync(join(documentsDir, sha256(bytes).slice(0, 2), sha256(bytes)));
  const unfinishedUploads = () => readdirSync(join(documentsDir, 'tmp')).length;

  async function withdrawnApplication(sponsor: TestUser) {
    const draft = await createDraft(t, sponsor);
    const withdrawn = await t.request('POST', `/api/v1/applications/${draft.id}/withdraw`, {
      token: sponsor.token,
      body: { reason: 'no longer pursued', expectedVersion: draft.version },
    });
    expect(withdrawn.status).toBe(200);
    return draft.id;
  }

  it('leaves no file when the command refuses the upload, and keeps content another document references', async () => {
    const sponsor = await t.createUser(['sponsor']);
    const closed = await withdrawnApplication(sponsor);
    const bytes = uniquePdf();
    const refused = await upload(closed, sponsor, bytes);
    expect(refused.status).toBe(409);
    expect(stored(bytes)).toBe(false);
    expect(unfinishedUploads()).toBe(0);
    expect(await auditCount(t, closed, 'document.added')).toBe(0);

    const open = await createDraft(t, sponsor);
    const shared = uniquePdf();
    expect((await upload(open.id, sponsor, shared)).status).toBe(201);
    expect((await upload(closed, sponsor, shared)).status).toBe(409);
    expect(stored(shared)).toBe(true);
  });

  it('refuses past the application quota with 413 DOCUMENT.QUOTA_EXCEEDED, storing nothing', async () => {
    const sponsor = await t.createUser(['sponsor']);
    const app = await createDraft(t, sponsor);
    for (let i = 0; i < 3; i += 1) expect((await upload(app.id, sponsor, uniquePdf())).status).toBe(201);
    const over = uniquePdf();
    const refused = await upload(app.id, sponsor, over);
    expect(refused.status).toBe(413);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.code).toBe('DOCUMENT.QUOTA_EXCEEDED');
    expect(stored(over)).toBe(false);

    const small = await createDraft(t, sponsor);
    for (let i = 0; i < 5; i += 1) expect((await upload(small.id, sponsor, uniquePdf(100))).status).toBe(201);
    expect((await upload(small.id, sponsor, uniquePdf(100))).body.code).toBe('DOCUMENT.QUOTA_EXCEEDED');
  });

  it('refuses a user past the hourly byte budget with 429 and Retry-After', async () => {
    const sponsor = await t.createUser(['sponsor']);
    const first = await createDraft(t, sponsor);
    const second = await createDraft(t, sponsor);
    for (const app of [first.id, first.id, first.id, second.id, second.id]) {
      expect((await upload(app, sponsor, uniquePdf())).status).toBe(201);
    }
    const refused = await upload(second.id, sponsor, uniquePdf(100));
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('DOCUMENT.UPLOAD_LIMIT');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3000);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    // Another user is not affected.
    const other = await t.createUser(['sponsor']);
    expect((await upload((await createDraft(t, other)).id, other, uniquePdf())).status).toBe(201);
  });

  it('refuses a third concurrent upload of one user with 429, and accepts again once one finishes', async () => {
    const sponsor = await t.createUser(['sponsor']);
    const app = await createDraft(t, sponsor);
    const other = await createDraft(t, sponsor);
    expect(unfinishedUploads()).toBe(0);
    const held = [startHeldUpload(app.id, sponsor), startHeldUpload(app.id, sponsor)];
    let finished: number[] | undefined;
    const finishHeld = async () => (finished ??= await Promise.all(held.map((upload) => upload.finish())));
    try {
      // A held upload counts from before its file is received: once both have begun writing their partial files,
      // both hold a slot (observed on disk, not guessed from timing).
      await heldUploadsStarted(2);
      const third = await upload(other.id, sponsor, uniquePdf(100));
      expect(third.status).toBe(429);
      expect(third.body.code).toBe('DOCUMENT.UPLOAD_LIMIT');
      expect(third.headers['retry-after']).toBe('5');
    } finally {
      // Never leave a request open: the app would not close.
      await finishHeld();
    }
    expect(finished).toEqual([201, 201]);
    expect((await upload(other.id, sponsor, uniquePdf(100))).status).toBe(201);
  });

  it('sweeps unfinished uploads and unreferenced files older than the grace period, and nothing else', async () => {
    const sponsor = await t.createUser(['sponsor']);
    const app = await createDraft(t, sponsor);
    const referenced = uniquePdf();
    expect((await upload(app.id, sponsor, referenced)).status).toBe(201);
    const hoursAgo = new Date(Date.now() - 2 * 3600_000);
    const place = (bytes: Buffer) => {
      const path = join(documentsDir, sha256(bytes).slice(0, 2), sha256(bytes));
      mkdirSync(join(documentsDir, sha256(bytes).slice(0, 2)), { recursive: true });
      if (!existsSync(path)) writeFileSync(path, bytes);
      return path;
    };
    const orphan = uniquePdf();
    const freshOrphan = uniquePdf();
    utimesSync(place(orphan), hoursAgo, hoursAgo);
    place(freshOrphan);
    utimesSync(place(referenced), hoursAgo, hoursAgo);
    const partial = join(documentsDir, 'tmp', `${randomUUID()}.part`);
    writeFileSync(partial, 'half an upload');
    utimesSync(partial, hoursAgo, hoursAgo);
    const freshPartial = join(documentsDir, 'tmp', `${randomUUID()}.part`);
    writeFileSync(freshPartial, 'an upload in progress');

    const result = await t.app.get(DocumentFiles).sweep();
    expect(result).toEqual({ unfinished: 1, unreferenced: 1 });
    expect(stored(orphan)).toBe(false);
    expect(stored(freshOrphan)).toBe(true);
    expect(stored(referenced)).toBe(true);
    expect(existsSync(partial)).toBe(false);
    expect(existsSync(freshPartial)).toBe(true);
  });

  /** Waits (bounded) until `count` uploads are being received: their partial files exist under `tmp`. */
  async function heldUploadsStarted(count: number) {
    const deadline = Date.now() + 30_000;
    while (unfinishedUploads() < count) {
      if (Date.now() > deadline) throw new Error(`${count} held uploads did not start within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** An upload whose body stays open until `finish()`: it holds one of the user's upload slots meanwhile. */
  function startHeldUpload(applicationId: string, user: TestUser): { finish(): Promise<number> } {
    const boundary = `----forge${randomUUID().replaceAll('-', '')}`;
    const bytes = uniquePdf(1000);
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nesia\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="held.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const url = new URL(`/api/v1/applications/${applicationId}/documents`, t.baseUrl);
    let request: ClientRequest;
    const response = new Promise<IncomingMessage>((resolve, reject) => {
      request = httpRequest(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${user.token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + bytes.length + tail.length),
        },
      });
      request.on('response', resolve);
      request.on('error', reject);
      request.write(head);
      request.write(bytes.subarray(0, 100));
    });
    return {
      async finish() {
        request.write(bytes.subarray(100));
        request.end(tail);
        const answer = await response;
        answer.resume();
        return answer.statusCode ?? 0;
      },
    };
  }
});
