import { Validator } from '@seriousme/openapi-schema-validator';
import { registeredRoutes } from '../../apps/api/src/api.bootstrap.js';
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
});
