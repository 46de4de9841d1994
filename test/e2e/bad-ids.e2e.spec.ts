import { registeredRoutes } from '../../apps/api/src/api.bootstrap.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A malformed id in the path is a client error on every route with a parameter, never a 500. */
describe('malformed path ids', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([['not-a-uuid'], ['X%23!by%3C'], ['1'], ["'%3B--"]])('answers 4xx for %s', async (bad) => {
    const sponsor = await t.createUser(['sponsor']);
    const staff = await t.createUser(['admin', 'officer', 'committee']);
    const routes = registeredRoutes(t.app).filter(
      (route) => route.url.includes('/:') && route.method !== 'HEAD',
    );
    const failures: string[] = [];
    for (const route of routes) {
      const url = `${route.url.replace(/:[^/]+/g, bad)}?cursor=1&limit=2`;
      const bodies = route.method === 'GET' ? [undefined] : [{}, { title: 'x', expectedVersion: 1 }];
      for (const token of [sponsor.token, staff.token]) {
        for (const body of bodies) {
          const response = await t.request(route.method as 'GET', url, { token, body });
          if (response.status >= 500) failures.push(`${route.method} ${route.url} ${JSON.stringify(body)}`);
        }
      }
    }
    expect(routes.length).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });
});
