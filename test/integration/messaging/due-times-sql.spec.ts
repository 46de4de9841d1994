import { randomUUID } from 'node:crypto';
import {
  addBusinessDays,
  businessCalendar,
  DEFAULT_DEADLINE_POLICY,
  earliestDue,
  isOverdue,
  type DeadlinePolicy,
} from '@forge/domain';
import { DeadlineSweep } from '@forge/messaging';
import { listApplications } from '@forge/persistence';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/**
 * Due times are stored with the waiting work when it is created (the domain's `dueAt`, docs/notifications.md "Due
 * times"), and the application's earliest one is kept in `applications.due_at` by triggers, which `GET
 * /applications` filters (`overdue`) and sorts (`sort=due`) by. One rule: the list's `dueAt` / `overdue` of every
 * application equal the domain's earliest due time of the work the overdue job sees, as the work comes and goes;
 * and the SQL twin of `addBusinessDays` (the migration's one-time backfill) gives the domain's answer.
 */
describe('stored due times: the list, the overdue job and the domain agree', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('forge_add_business_days equals addBusinessDays (weekends, holidays, other weekends, weekend starts)', async () => {
    const calendars = [
      DEFAULT_DEADLINE_POLICY.calendar,
      businessCalendar([0, 6], ['2027-03-08', '2027-03-09', '2027-04-02', '2027-12-24', '2027-12-31']),
      businessCalendar([5, 6], ['2027-03-14']),
      businessCalendar([0], []),
    ];
    const base = Date.parse('2027-03-01T00:00:00.000Z');
    const starts: number[] = [];
    // Every hour-ish of five weeks (7 h 13 min steps cross every weekday and time of day), plus midnights.
    for (let ms = base; ms < base + 35 * 86_400_000; ms += 26_000_000) starts.push(ms);
    for (let d = 0; d < 14; d += 1) starts.push(base + d * 86_400_000, base + d * 86_400_000 - 1);
    const days = [0, 1, 2, 3, 5, 10, 14, 30];
    for (const calendar of calendars) {
      const rows: { start: string; days: number }[] = [];
      for (const start of starts)
        for (const n of days) rows.push({ start: new Date(start).toISOString(), days: n });
      const result = (await db.dataSource.query(
        `SELECT to_char(forge_add_business_days(s, n, $3::integer[], $4::date[]) AT TIME ZONE 'UTC',
                        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS due
           FROM unnest($1::timestamptz[], $2::integer[]) AS t(s, n)`,
        [rows.map((r) => r.start), rows.map((r) => r.days), calendar.weekendDays, calendar.holidays],
      )) as { due: string }[];
      const expected = rows.map((r) =>
        new Date(addBusinessDays(Date.parse(r.start), r.days, calendar)).toISOString(),
      );
      expect(result.map((r) => r.due)).toEqual(expected);
    }
  });

  it("the list's dueAt, overdue filter and work-queue keyset equal the overdue job's earliest stored due time, as work comes and goes", async () => {
    const policy: DeadlinePolicy = {
      ...DEFAULT_DEADLINE_POLICY,
      calendar: businessCalendar([0, 6], ['2027-03-10']),
    };
    const amrDueMonthDay = '04-30';
    const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
    const org = randomUUID();
    const sponsor = randomUUID();
    const officer = randomUUID();
    await q(
      `INSERT INTO organizations (id, name, country, registration_number) VALUES ($1, 'Org', 'AR', 'R-1')`,
      [org],
    );
    await q(
      `INSERT INTO users (id, email, password_hash, display_name, roles, organization_id) VALUES
        ($1, 's@due.test', 'x', 'S', '{sponsor}', $3), ($2, 'o@due.test', 'x', 'O', '{officer}', NULL)`,
      [sponsor, officer, org],
    );
    let n = 0;
    const application = async (stage: string, enteredAt: string, extra: { financedAt?: string } = {}) => {
      const id = randomUUID();
      n += 1;
      await q(
        `INSERT INTO applications (id, reference, organization_id, created_by, stage, input, stage_entered_at, financed_at)
         VALUES ($1, $2, $3, $4, $5, '{"title":"t"}', $6, $7)`,
        [
          id,
          `FORGE-2027-${String(n).padStart(6, '0')}`,
          org,
          sponsor,
          stage,
          enteredAt,
          extra.financedAt ?? null,
        ],
      );
      return id;
    };
    // Stage budgets: entered on a Friday, a Saturday, before the holiday; a stage without budget.
    const screeningFri = await application('screening', '2027-03-05T16:30:00Z');
    const screeningSat = await application('screening', '2027-03-06T09:00:00Z');
    const esg = await application('esg_review', '2027-02-01T08:00:00Z');
    const approved = await application('approved', '2027-01-04T08:00:00Z');
    // A committee round: the stored deadline, not the stage entry, decides the vote.
    const committee = await application('committee', '2027-03-01T10:00:00Z');
    await q(
      `INSERT INTO committee_rounds (application_id, round, moved_by, eligible_member_ids, opened_at, deadline)
       VALUES ($1, 1, $2, '{}', '2027-03-01T10:00:00Z', '2027-03-04T12:00:00Z')`,
      [committee, officer],
    );
    // An information request and an approval earlier than the stage budget; answered/decided ones do not count.
    const financing = await application('financing', '2027-03-01T10:00:00Z');
    await q(
      `INSERT INTO information_requests (id, application_id, stage, question, asked_by, asked_at, status) VALUES
        ($1, $3, 'financing', 'q', $4, '2027-03-02T11:00:00Z', 'open'),
        ($2, $3, 'financing', 'q', $4, '2027-02-01T11:00:00Z', 'answered')`,
      [randomUUID(), randomUUID(), financing, officer],
    );
    await q(
      `INSERT INTO approvals (id, application_id, action, subject, maker_id, created_at) VALUES
        ($1, $2, 'check.waive', 'ESG.WATER', $3, '2027-03-09T15:00:00Z')`,
      [randomUUID(), financing, officer],
    );
    // Post close: a requested disbursement, an ESAP item, owed annual reports.
    const monitoring = await application('monitoring', '2025-06-01T00:00:00Z', {
      financedAt: '2025-06-01T00:00:00Z',
    });
    await q(
      `INSERT INTO disbursements (id, application_id, tranche_id, amount_usd, status, requested_by, requested_at)
       VALUES ($1, $2, 't1', 1000, 'requested', $3, '2027-03-11T09:00:00Z')`,
      [randomUUID(), monitoring, sponsor],
    );
    await q(
      `INSERT INTO esap_items (id, application_id, description, standard, due_date, status, created_by, created_at,
                               updated_at)
       VALUES ($1, $2, 'd', 'PS1', '2027-03-20', 'open', $3, now(), now())`,
      [randomUUID(), monitoring, officer],
    );
    const financedRecently = await application('financed', '2027-02-01T00:00:00Z', {
      financedAt: '2027-02-01T00:00:00Z',
    });
    const all = [
      screeningFri,
      screeningSat,
      esg,
      approved,
      committee,
      financing,
      monitoring,
      financedRecently,
    ];

    const sweep = new DeadlineSweep(db.dataSource, { policy, amrDueMonthDay });
    // Rows written here, outside the commands, carry no due time: the overdue job stamps them from their start.
    const stored = () =>
      q(`SELECT id, due_at FROM applications WHERE id = ANY($1)`, [all]) as Promise<
        { id: string; due_at: Date | null }[]
      >;
    expect(
      (await stored()).every((r) => r.due_at === null || r.id === committee || r.id === monitoring),
    ).toBe(true);
    await db.dataSource.transaction((manager) => sweep.stampMissingDueTimes(manager));
    const everyone = () => 'true';
    const agree = async (nowText: string) => {
      const now = new Date(nowText);
      const work = await sweep.waitingWork(db.dataSource.manager, now);
      const expected = new Map<string, string | null>(
        all.map((id) => [id, earliestDue(work.filter((w) => w.applicationId === id).map((w) => w.dueAt))]),
      );
      const rows = await listApplications(db.dataSource.manager, everyone, { now, sort: 'due', limit: 100 });
      const got = new Map(rows.map((r) => [r.id, r.dueAt ? r.dueAt.toISOString() : null]));
      expect(got).toEqual(expected);
      for (const row of rows) expect(row.overdue).toBe(isOverdue(expected.get(row.id) ?? null, nowText));

      const overdue = await listApplications(db.dataSource.manager, everyone, {
        now,
        overdue: true,
        limit: 100,
      });
      const expectedOverdue = all.filter((id) => isOverdue(expected.get(id) ?? null, nowText));
      expect(overdue.map((r) => r.id).sort()).toEqual([...expectedOverdue].sort());
      const notOverdue = await listApplications(db.dataSource.manager, everyone, {
        now,
        overdue: false,
        limit: 100,
      });
      expect(notOverdue.length + overdue.length).toBe(all.length);
      // The work queue order: by due time (so overdue first, the longest overdue leading), then none, ties by id.
      const key = (r: { dueAt: Date | null; id: string }) => [r.dueAt?.getTime() ?? Infinity, r.id] as const;
      const sorted = [...rows].sort((a, b) => key(a)[0] - key(b)[0] || (key(a)[1] < key(b)[1] ? -1 : 1));
      expect(rows.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
      // Keyset pages of one: the same order, nothing twice, nothing lost (ties and the NULLs at the end).
      const walked: string[] = [];
      let after: { dueAt: string | null; id: string } | undefined;
      for (;;) {
        const [row] = await listApplications(db.dataSource.manager, everyone, {
          now,
          sort: 'due',
          limit: 1,
          afterDue: after,
        });
        if (!row) break;
        walked.push(row.id);
        after = { dueAt: row.dueKey, id: row.id };
      }
      expect(walked).toEqual(rows.map((r) => r.id));
      return new Map(rows.map((r) => [r.id, r.dueAt?.toISOString() ?? null]));
    };
    for (const nowText of [
      '2027-03-04T11:59:59.999Z',
      '2027-03-04T12:00:00.000Z',
      '2027-03-08T09:00:00.000Z',
      '2027-03-12T16:30:00.000Z',
      '2027-03-15T09:00:00.000Z',
      '2027-06-01T00:00:00.000Z',
    ]) {
      await agree(nowText);
    }
    // Spot checks that the rules are the ones documented (not only that the two sides agree).
    let due = await agree('2027-03-01T00:00:00Z');
    expect(due.get(committee)).toBe('2027-03-04T12:00:00.000Z'); // the round's stored deadline
    expect(due.get(screeningFri)).toBe('2027-03-15T16:30:00.000Z'); // 5 business days, the 10th a holiday
    expect(due.get(screeningSat)).toBe('2027-03-15T09:00:00.000Z'); // Saturday: counted from Monday
    expect(due.get(approved)).toBeNull();
    // The next annual report is announced at close: the 2027 report, due 2028-04-30 (overdue from the day after).
    expect(due.get(financedRecently)).toBe('2028-05-01T00:00:00.000Z');
    expect(due.get(financing)).toBe('2027-03-12T15:00:00.000Z'); // the approval: 2 business days, the 10th a holiday

    // A due time is fixed when the work is created: a later policy stamps nothing already stamped.
    const stricter = new DeadlineSweep(db.dataSource, {
      policy: { ...policy, approvalBusinessDays: 1, stageSlaBusinessDays: { screening: 1 } },
      amrDueMonthDay: '01-31',
    });
    await db.dataSource.transaction((manager) => stricter.stampMissingDueTimes(manager));
    expect(await agree('2027-03-01T00:00:00Z')).toEqual(due);

    // The triggers follow the work as it comes and goes.
    await q(`UPDATE approvals SET status = 'approved', decided_at = now() WHERE application_id = $1`, [
      financing,
    ]);
    due = await agree('2027-03-01T00:00:00Z');
    expect(due.get(financing)).toBe('2027-03-17T11:00:00.000Z'); // the open request: 10 business days
    await q(`UPDATE information_requests SET status = 'answered' WHERE application_id = $1`, [financing]);
    expect((await agree('2027-03-01T00:00:00Z')).get(financing)).toBe('2027-04-13T10:00:00.000Z'); // the stage's 30
    await q(
      `UPDATE committee_rounds SET closed_at = '2027-03-02T00:00:00Z', close_reason = 'deferred'
              WHERE application_id = $1`,
      [committee],
    );
    expect((await agree('2027-03-01T00:00:00Z')).get(committee)).toBe('2027-03-22T10:00:00.000Z'); // the stage's 14 days
    // A stage changed outside the commands loses the old stage's due time until the overdue job stamps the new one.
    await q(`UPDATE applications SET stage = 'esg_review' WHERE id = $1`, [screeningFri]);
    expect((await agree('2027-03-01T00:00:00Z')).get(screeningFri)).toBeNull();
    await db.dataSource.transaction((manager) => sweep.stampMissingDueTimes(manager));
    expect((await agree('2027-03-01T00:00:00Z')).get(screeningFri)).not.toBeNull();
    // Post close: the 2025 report (due 2026-04-30) leads; once filed (the command moves the next report on), the
    // disbursement request; once decided, the ESAP item; repaid, none (no report, no ESAP item of an ended project).
    expect(due.get(monitoring)).toBe('2026-05-01T00:00:00.000Z');
    await q(`UPDATE applications SET next_report_due_date = '2028-04-30' WHERE id = $1`, [monitoring]);
    expect((await agree('2027-03-01T00:00:00Z')).get(monitoring)).toBe('2027-03-18T09:00:00.000Z');
    await q(`UPDATE disbursements SET status = 'declined' WHERE application_id = $1`, [monitoring]);
    expect((await agree('2027-03-01T00:00:00Z')).get(monitoring)).toBe('2027-03-21T00:00:00.000Z');
    await q(`UPDATE applications SET stage = 'repaid' WHERE id = $1`, [monitoring]);
    expect((await agree('2027-03-01T00:00:00Z')).get(monitoring)).toBeNull();
  });
});
