import { type Role } from '../../../libs/domain/src/index.js';
import { createTestApp, type HttpMethod, type TestApp, type TestUser } from '../../support/test-app.js';

/**
 * What the HTTP edge refuses before any handler runs (issue 12, items 5 and 8), on every route of the
 * OpenAPI document, so routes added later are covered: bodies that are not JSON objects, media types a route
 * does not take, malformed path ids, Fastify's own errors, and client request ids.
 */

const EVERY_ROLE: Role[] = ['sponsor', 'officer', 'committee', 'auditor', 'admin', 'partner'];

interface Operation {
  method: HttpMethod;
  path: string;
  pathParameters: string[];
  consumes: string[];
}

describe('the HTTP edge', () => {
  let t: TestApp;
  let user: TestUser;
  let operations: Operation[];

  beforeAll(async () => {
    t = await createTestApp();
    // Every role: the guard lets every route through, so what answers is the edge, not the policy.
    user = await t.createUser(EVERY_ROLE);
    operations = Object.entries(t.contract.document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => {
        const raw = operation as {
          parameters?: Array<{ in: string; name: string }>;
          requestBody?: { content?: Record<string, unknown> };
        };
        return {
          method: method.toUpperCase() as HttpMethod,
          path,
          pathParameters: (raw.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
          consumes: Object.keys(raw.requestBody?.content ?? {}),
        };
      }),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  async function applicationCount(): Promise<number> {
    const [row] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM applications`);
    return row.n;
  }

  /** A concrete URL: every path parameter a valid-looking value the route will not find. */
  function concrete(operation: Operation, overrides: Record<string, string> = {}): string {
    let url = operation.path;
    for (const name of operation.pathParameters) {
      const value =
        overrides[name] ??
        (name === 'seq'
          ? '1'
          : name === 'version'
            ? '9.9.9'
            : name === 'code'
              ? 'ESG.ESIA'
              : '00000000-0000-4000-8000-000000000000');
      url = url.replace(`{${name}}`, encodeURIComponent(value));
    }
    return url;
  }

  describe('bodies that are not a JSON object', () => {
    it.each([
      ['null', 'null'],
      ['an array', '[]'],
      ['a number', '42'],
      ['a string', '"draft"'],
      ['a boolean', 'true'],
    ])('%s is 400 VALIDATION.FAILED on every route that takes a JSON body', async (_label, raw) => {
      const json = operations.filter((operation) => operation.consumes.includes('application/json'));
      expect(json.length).toBeGreaterThan(15);
      const failures: string[] = [];
      for (const operation of json) {
        const response = await t.request(operation.method, concrete(operation), {
          token: user.token,
          body: raw,
        });
        if (response.status !== 400 || response.body?.code !== 'VALIDATION.FAILED') {
          failures.push(`${operation.method} ${operation.path} → ${response.status} ${response.body?.code}`);
        }
      }
      expect(failures).toEqual([]);
      expect(await applicationCount()).toBe(0);
    });

    it('POST /applications with the body null creates nothing (it created an empty draft)', async () => {
      const sponsor = await t.createUser(['sponsor']);
      const response = await t.request('POST', '/api/v1/applications', {
        token: sponsor.token,
        body: 'null',
      });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
      expect(await applicationCount()).toBe(0);
    });
  });

  describe('media types a route does not take: 415', () => {
    it.each([
      ['form-encoded', 'application/x-www-form-urlencoded', 'title=Puna+Clara&country=AR'],
      ['plain text', 'text/plain', '{"title":"Puna Clara"}'],
      ['XML', 'application/xml', '<application/>'],
      [
        'multipart',
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nPuna\r\n--x--\r\n',
      ],
    ])('%s on every JSON route', async (_label, contentType, body) => {
      const failures: string[] = [];
      for (const operation of operations.filter((o) => o.consumes.includes('application/json'))) {
        const response = await t.request(operation.method, concrete(operation), {
          token: user.token,
          body,
          headers: { 'content-type': contentType },
        });
        if (response.status !== 415 || response.body?.code !== 'UNSUPPORTED_MEDIA_TYPE') {
          failures.push(`${operation.method} ${operation.path} → ${response.status} ${response.body?.code}`);
        }
      }
      expect(failures).toEqual([]);
      expect(await applicationCount()).toBe(0);
    });

    it('JSON on the upload route (it takes multipart only)', async () => {
      const uploads = operations.filter((o) => o.consumes.includes('multipart/form-data'));
      expect(uploads.length).toBeGreaterThan(0);
      for (const operation of uploads) {
        const response = await t.request(operation.method, concrete(operation), {
          token: user.token,
          body: { kind: 'esia', file: 'JVBERi0=' },
        });
        expect([operation.path, response.status, response.body.code]).toEqual([
          operation.path,
          415,
          'UNSUPPORTED_MEDIA_TYPE',
        ]);
      }
    });

    it('looks at a body only once the caller is authenticated (401 before 415 or 400)', async () => {
      const upload = operations.find((o) => o.consumes.includes('multipart/form-data'))!;
      const json = await t.request(upload.method, concrete(upload), { body: { kind: 'esia' } });
      expect([json.status, json.body.code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
      const array = await t.request('POST', '/api/v1/applications', { body: [] });
      expect([array.status, array.body.code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
    });
  });

  describe('path ids are validated at the edge', () => {
    it.each([['not-an-id'], ["1' OR '1'='1"], ['..'], ['-1']])(
      'a malformed parameter (%s) is 400 VALIDATION.FAILED naming it, on every route with one',
      async (bad) => {
        const withParameters = operations.filter((o) => o.pathParameters.length > 0);
        expect(withParameters.length).toBeGreaterThan(20);
        const failures: string[] = [];
        for (const operation of withParameters) {
          for (const name of operation.pathParameters) {
            const response = await t.request(operation.method, concrete(operation, { [name]: bad }), {
              token: user.token,
              body: operation.consumes.includes('application/json') ? {} : undefined,
            });
            const named = (response.body?.errors ?? []).some((e: { field?: string }) => e.field === name);
            if (response.status !== 400 || response.body?.code !== 'VALIDATION.FAILED' || !named) {
              failures.push(
                `${operation.method} ${operation.path} {${name}} → ${response.status} ${response.text}`,
              );
            }
          }
        }
        expect(failures).toEqual([]);
      },
    );

    it('documents what each parameter must be', () => {
      const vague: string[] = [];
      for (const [path, item] of Object.entries(t.contract.document.paths)) {
        for (const [method, operation] of Object.entries(item)) {
          const parameters = (
            (operation as { parameters?: Array<Record<string, any>> }).parameters ?? []
          ).filter((p) => p.in === 'path');
          for (const parameter of parameters) {
            const schema = parameter.schema ?? {};
            const precise =
              schema.format ||
              schema.enum ||
              schema.pattern ||
              schema.$ref ||
              schema.type === 'integer' ||
              schema.type === 'number';
            if (!precise) vague.push(`${method} ${path} {${parameter.name}}`);
          }
        }
      }
      expect(vague).toEqual([]);
    });
  });

  describe("Fastify's own errors are problem+json with a stable code, and never echo the request", () => {
    it.each([
      ['bad percent-encoding', '/api/v1/applications/%E0%A4%A', 'E0%A4%A'],
      ['an over-long parameter', `/api/v1/applications/${'a'.repeat(500)}`, 'aaaaaaaaaa'],
      ['an over-long parameter with markup', `/api/v1/applications/${'%3Cscript%3E'.repeat(30)}`, 'script'],
    ])('%s', async (_label, url, echo) => {
      const response = await t.request('GET', url, { token: user.token });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.code).toBe('VALIDATION.FAILED');
      expect(response.text).not.toContain(echo);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it('an unknown route answers 404 without quoting its path', async () => {
      const response = await t.request('GET', '/api/v1/%3Cscript%3Ealert(1)%3C%2Fscript%3E', {
        token: user.token,
      });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
      expect(response.text).not.toMatch(/script/i);
    });

    it('malformed JSON and a prototype-poisoning body are 400 with a fixed text', async () => {
      for (const body of [
        '{"title":',
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{"x":1}}}',
      ]) {
        const response = await t.request('POST', '/api/v1/applications', { token: user.token, body });
        expect([response.status, response.body.code]).toEqual([400, 'VALIDATION.FAILED']);
        expect(response.text).not.toContain('content-type is set');
      }
      expect(await applicationCount()).toBe(0);
    });

    it("the problem's instance is the request id, not the URL", async () => {
      const response = await t.request('GET', '/api/v1/applications/00000000-0000-4000-8000-000000000000', {
        token: user.token,
      });
      expect(response.status).toBe(404);
      expect(response.body.instance).toBe(`urn:forge:request:${response.headers['x-request-id']}`);
    });
  });

  describe('X-Request-Id', () => {
    async function failedSignIn(requestId: string) {
      const email = `nobody-${Math.random().toString(36).slice(2)}@forge.test`;
      const response = await t.request('POST', '/api/v1/auth/token', {
        body: { email, password: 'not the password' },
        headers: { 'x-request-id': requestId },
      });
      expect(response.status).toBe(401);
      const [event] = await t.db.dataSource.query(
        `SELECT context FROM audit_events WHERE action = 'auth.failed_login' AND context->>'email' = $1`,
        [email],
      );
      return { echoed: response.headers['x-request-id'], stored: event.context.requestId as string };
    }

    it('a short safe id is echoed and stored as sent', async () => {
      const id = 'edge-Req_42.retry-1';
      expect(await failedSignIn(id)).toEqual({ echoed: id, stored: id });
    });

    it.each([
      ['too long', 'a'.repeat(65)],
      ['markup', '<script>alert(1)</script>'],
      ['spaces and quotes', 'id "with" spaces'],
      ['a CRLF-free log forgery attempt', 'x\\nlevel=fatal'],
    ])('%s is replaced with a fresh UUID, echoed and stored instead', async (_label, sent) => {
      const { echoed, stored } = await failedSignIn(sent);
      expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(stored).toBe(echoed);
    });
  });
});
