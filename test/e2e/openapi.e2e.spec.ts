import { Validator } from '@seriousme/openapi-schema-validator';
import { registeredRoutes } from '../../apps/api/src/api.bootstrap.js';
import { QUEUE_DASHBOARD_PATH } from '../../apps/api/src/operations/queue-dashboard.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Every route the app registers is in the OpenAPI document, and the document is valid OpenAPI 3. */
describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('validates against the OpenAPI 3 schema', async () => {
    const response = await t.request('GET', '/docs-json');
    expect(response.status).toBe(200);
    const result = await new Validator().validate(response.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route the app registers', async () => {
    const document = (await t.request('GET', '/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map(
          (method) => `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, ':param')}`,
        ),
      ),
    );
    const registered = registeredRoutes(t.app)
      .filter((route) => !['HEAD', 'OPTIONS'].includes(route.method))
      .filter((route) => !route.url.startsWith('/docs'))
      // The queue dashboard (Bull Board) is an admin tool beside the API, not part of it.
      .filter((route) => !route.url.startsWith(QUEUE_DASHBOARD_PATH))
      .map((route) => `${route.method} ${route.url.replace(/:[^/]+/g, ':param')}`);
    const missing = registered.filter((route) => !documented.has(route));
    expect(missing).toEqual([]);
    expect(registered.length).toBeGreaterThan(0);
    expect(documented.size).toBeGreaterThanOrEqual(new Set(registered).size);
  });

  it('documents problem+json errors on every API operation', async () => {
    const document = (await t.request('GET', '/docs-json')).body as {
      paths: Record<
        string,
        Record<
          string,
          {
            responses: Record<string, { content?: Record<string, unknown> }>;
            'x-forge-policy'?: string;
          }
        >
      >;
    };
    const gaps: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
        if (operation['x-forge-policy'] !== 'public' && !operation.responses['401'])
          gaps.push(`${method} ${path}: no 401`);
        for (const [status, response] of errors) {
          if (!response.content?.['application/problem+json'])
            gaps.push(`${method} ${path}: ${status} not problem+json`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it('documents a response schema for every 2xx answer of every operation', () => {
    const gaps: string[] = [];
    for (const [path, operations] of Object.entries(t.contract.document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const responses = operation.responses ?? {};
        const successes = Object.keys(responses).filter((status) => /^2/.test(status));
        // A browser redirect (single sign-on's start and callback) answers with a documented 302 and no body.
        const redirects = Object.keys(responses).filter((status) => /^30[1237]$/.test(status));
        if (successes.length === 0 && redirects.length === 0) gaps.push(`${method} ${path}: no 2xx response`);
        for (const status of successes) {
          if (status === '204') continue;
          const content = responses[status]!.content ?? {};
          if (Object.keys(content).length === 0) gaps.push(`${method} ${path} ${status}: no content`);
          for (const [mediaType, media] of Object.entries(content)) {
            if (!media.schema) gaps.push(`${method} ${path} ${status} ${mediaType}: no schema`);
          }
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it('refuses a response the document does not describe (the check every e2e request runs)', () => {
    const contract = t.contract;
    const conforming = {
      method: 'GET',
      url: '/health/live',
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: { status: 'ok' },
    };
    expect(contract.violations(conforming)).toEqual([]);
    expect(contract.violations({ ...conforming, body: { status: 'ok', extra: 1 } })).toEqual([
      expect.stringContaining('extra (not in the document)'),
    ]);
    expect(contract.violations({ ...conforming, body: { status: 'fine' } })[0]).toContain('/status');
    expect(contract.violations({ ...conforming, status: 201 })[0]).toContain('status 201 is not documented');
    expect(contract.violations({ ...conforming, contentType: 'text/html' })[0]).toContain(
      'media type text/html',
    );
    expect(
      contract.violations({
        method: 'GET',
        url: '/api/v1/nothing-here',
        status: 404,
        contentType: 'application/json',
        body: { message: 'Not Found' },
      })[0],
    ).toContain('expected application/problem+json');
  });
});
