import { dueAt, earliestDue, type DeadlinePolicy } from '@forge/domain';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { driveToFinancing, type Officers } from './support.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
/** The next two UTC dates: holidays of this fund, so that the configured calendar visibly moves the due times. */
const holidays = [1, 2].map((d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10));

/**
 * Due times are stored by the commands when they create the waiting work (docs/notifications.md "Due times are fixed
 * when the work is created"): the domain's `dueAt` with the configured budgets and calendar, and the application's
 * earliest one (`applications.due_at`, kept by triggers) is the list's `dueAt`, as the work comes and goes.
 */
describe('due times stored by the commands', () => {
  let t: TestApp;
  let sponsor: TestUser;
  let officers: Officers;
  let policy: DeadlinePolicy;

  beforeAll(async () => {
    t = await createTestApp({
      queueBackend: 'postgres',
      env: {
        STAGE_SLA_DAYS: 'screening=3,esg_review=7,financing=12',
        INFORMATION_REQUEST_DAYS: '4',
        BUSINESS_HOLIDAYS: holidays.join(','),
      },
    });
    policy = t.runtime.config.deadlines.policy;
    sponsor = await t.createUser(['sponsor']);
    officers = { officer: await t.createUser(['officer']), checker: await t.createUser(['officer']) };
  });
  afterAll(async () => {
    await t.close();
  });

  const row = async (id: string) => {
    const [app]: Array<{
      stage: string;
      stage_entered_at: Date;
      stage_due_at: Date | null;
      due_at: Date | null;
    }> = await t.db.dataSource.query(
      `SELECT stage, stage_entered_at, stage_due_at, due_at FROM applications WHERE id = $1`,
      [id],
    );
    return app!;
  };
  const listed = async (id: string) => {
    const page = await t.request('GET', '/api/v1/applications?sort=due&limit=100', {
      token: officers.officer.token,
    });
    expect(page.status).toBe(200);
    return (page.body.items as Array<{ id: string; dueAt: string | null }>).find((i) => i.id === id)!.dueAt;
  };

  it('a stage change and an information request carry the configured due time; the list shows the earliest', async () => {
    const id = await driveToFinancing(t, sponsor, officers);
    const app = await row(id);
    expect(app.stage).toBe('financing');
    const stageDue = dueAt(
      { kind: 'stage', stage: 'financing', enteredAt: iso(app.stage_entered_at)! },
      policy,
    );
    // The configured 12 business days, the two holidays skipped: not the default 30.
    expect(iso(app.stage_due_at)).toBe(stageDue);
    expect(Date.parse(stageDue!) - app.stage_entered_at.getTime()).toBeGreaterThanOrEqual(14 * 86_400_000);
    expect(Date.parse(stageDue!) - app.stage_entered_at.getTime()).toBeLessThan(30 * 86_400_000);
    expect(iso(app.due_at)).toBe(stageDue);
    expect(await listed(id)).toBe(stageDue);

    const asked = await t.request('POST', `/api/v1/applications/${id}/information-requests`, {
      token: officers.officer.token,
      body: { question: 'Please send the offtake agreement' },
    });
    expect(asked.status).toBe(201);
    const [request]: Array<{ asked_at: Date; due_at: Date | null }> = await t.db.dataSource.query(
      `SELECT asked_at, due_at FROM information_requests WHERE id = $1`,
      [asked.body.id],
    );
    const requestDue = dueAt({ kind: 'information_request', openedAt: iso(request!.asked_at)! }, policy);
    expect(iso(request!.due_at)).toBe(requestDue);
    // Four business days with two holidays among the next days: sooner than the stage, so it leads.
    expect(earliestDue([stageDue, requestDue])).toBe(requestDue);
    expect(iso((await row(id)).due_at)).toBe(requestDue);
    expect(await listed(id)).toBe(requestDue);

    const answered = await t.request(
      'POST',
      `/api/v1/applications/${id}/information-requests/${asked.body.id}/answer`,
      { token: sponsor.token, body: { answer: 'Attached' } },
    );
    expect(answered.status).toBe(200);
    expect(await listed(id)).toBe(stageDue);
  });
});
