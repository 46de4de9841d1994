import { createTestApp, type TestApp } from '../../support/test-app.js';

/** Numbers in exponent form are validated, never crash the validator (a 500 the fuzzing suite found). */
describe('percentages in unusual number forms', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['1e-7', 400],
    ['1e2', 201],
    ['35.5', 201],
    ['35.555', 400],
  ])('sponsor.equityPct %s answers %s', async (text, status) => {
    const sponsor = await t.createUser(['sponsor']);
    const body = `{"title":"Exponent test","sponsor":{"profile":"mid_tier","equityPct":${text},"baseCaseDscr":145}}`;
    const response = await t.request('POST', '/api/v1/applications', { token: sponsor.token, body });
    expect(response.status).toBe(status);
    if (status === 400) expect(response.body.code).toBe('VALIDATION.FAILED');
  });
});
