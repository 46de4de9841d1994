import { registeredRoutes } from '../../apps/api/src/api.bootstrap.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A deeply nested body is refused with 400 problem+json on every write route, never a 500. */
describe('deeply nested bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 400 on every POST, PUT and PATCH route', async () => {
    const admin = await t.createUser(['admin', 'officer', 'committee']);
    // Built as text: JSON.stringify itself would overflow on this depth.
    const body = `${'{"nested":'.repeat(5000)}{"leaf":true}${'}'.repeat(5000)}`;
    const routes = registeredRoutes(t.app).filter(
      (route) => ['POST', 'PUT', 'PATCH'].includes(route.method) && route.url.startsWith('/api/'),
    );
    expect(routes.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:[^/]+/g, '00000000-0000-4000-8000-000000000000');
      const response = await t.request(route.method as 'POST', url, { token: admin.token, body });
      if (
        response.status >= 500 ||
        !String(response.headers['content-type']).includes('application/problem+json')
      ) {
        failures.push(`${route.method} ${route.url}: ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
