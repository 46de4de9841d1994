/**
 * The due time of an application in SQL: the earliest due time of its waiting work (monitoring.md "Deadlines,
 * escalation"), the same work and the same rules as the overdue job (libs/messaging DeadlineSweep, which asks the
 * pure domain's `dueAt`):
 *
 * - its time in the stage: `stage_entered_at` + the stage's budget in business days (`STAGE_SLA_DAYS`);
 * - the open committee round: its stored `deadline`;
 * - open information requests: asked + `INFORMATION_REQUEST_DAYS` business days;
 * - pending maker-checker items: created + `APPROVAL_DAYS` business days;
 * - requested disbursements: requested + `DISBURSEMENT_REQUEST_DAYS` business days;
 * - ESAP items not verified (of a project not ended): the start of the day after the due date;
 * - annual reports owed and not submitted: the start of the day after `AMR_DUE_MONTH_DAY` of the next year.
 *
 * Business days are `forge_add_business_days` (migration 1795993872000), the twin of the domain's
 * `addBusinessDays`; test/integration/messaging/due-times-sql.spec.ts holds the two to the same answers.
 */
export interface DueTimePolicy {
  stageSlaBusinessDays: Readonly<Record<string, number>>;
  informationRequestBusinessDays: number;
  approvalBusinessDays: number;
  disbursementRequestBusinessDays: number;
  weekendDays: readonly number[];
  holidays: readonly string[];
  /** `AMR_DUE_MONTH_DAY` (`MM-DD`). */
  amrDueMonthDay: string;
}

/** What the due time is computed with: the policy and the clock (the clock decides which annual reports are owed). */
export interface DueTimeInput {
  policy: DueTimePolicy;
  now: Date;
}

const ENDED_STAGES = `('repaid','written_off','rejected','withdrawn')`;

/**
 * A SQL expression over `applications a`: its due time (`timestamptz`, NULL when no waiting work has one). Appends its
 * parameters to `params`.
 */
export function applicationDueAtSql(params: unknown[], input: DueTimeInput): string {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const { policy } = input;
  const weekend = `${p([...policy.weekendDays])}::integer[]`;
  const holidays = `${p([...policy.holidays])}::date[]`;
  const add = (start: string, days: string) =>
    `forge_add_business_days(${start}, ${days}, ${weekend}, ${holidays})`;
  const sla = `${p(JSON.stringify(policy.stageSlaBusinessDays))}::jsonb`;
  const ir = `${p(policy.informationRequestBusinessDays)}::integer`;
  const approval = `${p(policy.approvalBusinessDays)}::integer`;
  const disbursement = `${p(policy.disbursementRequestBusinessDays)}::integer`;
  const [month, day] = policy.amrDueMonthDay.split('-').map(Number);
  const now = `${p(input.now.toISOString())}::timestamptz`;
  const monthSql = p(month);
  const daySql = p(day);
  const midnightAfter = (date: string) => `((${date}) + 1)::timestamp AT TIME ZONE 'UTC'`;
  return `LEAST(
    ${add('a.stage_entered_at', `(${sla} ->> a.stage)::integer`)},
    (SELECT min(r.deadline) FROM committee_rounds r
      WHERE r.application_id = a.id AND r.closed_at IS NULL AND a.stage = 'committee'),
    (SELECT min(${add('ir.asked_at', ir)}) FROM information_requests ir
      WHERE ir.application_id = a.id AND ir.status = 'open'),
    (SELECT min(${add('ap.created_at', approval)}) FROM approvals ap
      WHERE ap.application_id = a.id AND ap.status = 'pending'),
    (SELECT min(${add('d.requested_at', disbursement)}) FROM disbursements d
      WHERE d.application_id = a.id AND d.status = 'requested'),
    (SELECT min(${midnightAfter('e.due_date')}) FROM esap_items e
      WHERE e.application_id = a.id AND e.status <> 'verified' AND a.stage NOT IN ${ENDED_STAGES}),
    (SELECT ${midnightAfter(`make_date(min(y) + 1, ${monthSql}::integer, ${daySql}::integer)`)}
       FROM generate_series(extract(year FROM a.financed_at AT TIME ZONE 'UTC')::integer,
                            extract(year FROM ${now} AT TIME ZONE 'UTC')::integer - 1) AS y
      WHERE a.stage IN ('financed','disbursing','monitoring') AND a.financed_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM monitoring_reports mr WHERE mr.application_id = a.id AND mr.year = y)
      HAVING min(y) IS NOT NULL)
  )`;
}
