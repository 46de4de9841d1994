import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(['postgres', 'redis'] as const)('health on the %s queue backend', (queueBackend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ queueBackend });
  });
  afterAll(async () => {
    await t.close();
  });

  it('is live and ready when the database and the queue backend answer', async () => {
    expect((await t.request('GET', '/health/live')).status).toBe(200);
    const ready = await t.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details.queue).toEqual({ status: 'up', backend: queueBackend });
  });

  it('answers unknown routes with problem+json', async () => {
    const response = await t.request('GET', '/api/v1/does-not-exist');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('issues working tokens for seeded users', async () => {
    const user = await t.createUser(['officer']);
    expect(user.token.split('.')).toHaveLength(3);
  });
});
