import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { sampleInput } from './support.js';

describe('applications: hostile input', () => {
  let t: TestApp;
  let sponsor: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ queueBackend: 'postgres' });
    sponsor = await t.createUser(['sponsor']);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([50, 3000, 10000])('an ownership tree %i levels deep is a 400, never a 500', async (depth) => {
    let owners = '[]';
    const node = (inner: string) =>
      `[{"name":"E","type":"entity","country":"AR","ownershipPct":100,"isPep":false,"owners":${inner}}]`;
    for (let i = 0; i < depth; i += 1) owners = node(owners);
    const input = sampleInput();
    input.governance.beneficialOwners = '__OWNERS__';
    const body = JSON.stringify(input).replace('"__OWNERS__"', owners);
    const response = await t.request('POST', '/api/v1/applications', { token: sponsor.token, body });
    expect(response.status).toBe(400);
  });
});
