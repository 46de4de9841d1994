import { appendAuditEvent, SYSTEM_AUDIT_ACTOR, type JsonValue } from '@forge/audit';
import {
  amrSchedule,
  dueAt,
  ESCALATION_LEVELS,
  nextAmrDue,
  oneOf,
  overdueSteps,
  type Audience,
  type DeadlinePolicy,
  type EscalationLevel,
  type LinkTarget,
  type OverdueStep,
  type TrackedWork,
  type WorkKind,
  type WorkStart,
} from '@forge/domain';
import type {
  ApplicationsRow,
  ApprovalsRow,
  CommitteeRoundsRow,
  DeadlineEscalationsRow,
  DisbursementsRow,
  EsapItemsRow,
  InformationRequestsRow,
} from '@forge/persistence';
import type { DataSource, EntityManager } from 'typeorm';

/** A piece of waiting work found in the database: what it is, whom it awaits, where it links. */
export interface WaitingWork extends TrackedWork {
  awaiting: Audience[];
  target: LinkTarget;
}

export interface DeadlineSweepOptions {
  policy: DeadlinePolicy;
  /** `AMR_DUE_MONTH_DAY`. */
  amrDueMonthDay: string;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const app = (id: string, rest = '') => `/applications/${id}${rest}`;

/**
 * The overdue job (monitoring.md "Deadlines, escalation"): finds every piece of waiting work, asks the
 * pure domain which fell overdue or escalates at `now`, and records each step once: the level is raised
 * in `deadline_escalations` with `ON CONFLICT … WHERE` (so two workers, or a retried job, record it
 * once) and the same transaction appends the audit event (`work.overdue` / `work.escalated`) that the
 * notification dispatcher turns into inbox items and emails.
 */
export class DeadlineSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: DeadlineSweepOptions,
  ) {}

  async run(now: Date, jobId: string | null = null): Promise<OverdueStep[]> {
    await this.dataSource.transaction((manager) => this.stampMissingDueTimes(manager));
    const work = await this.waitingWork(this.dataSource.manager, now);
    const byKey = new Map(work.map((w) => [`${w.key}@${w.dueAt}`, w]));
    const steps = overdueSteps(work, now.toISOString(), this.options.policy);
    const recorded: OverdueStep[] = [];
    for (const step of steps) {
      const item = byKey.get(`${step.key}@${step.dueAt}`) as WaitingWork;
      const wrote = await this.dataSource.transaction(async (manager) => {
        const rows: Pick<DeadlineEscalationsRow, 'work_key'>[] = await manager.query(
          `INSERT INTO deadline_escalations (work_key, due_at, kind, application_id, level)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (work_key, due_at) DO UPDATE SET level = EXCLUDED.level, recorded_at = now()
             WHERE deadline_escalations.level = 'assignee' AND EXCLUDED.level = 'officers'
           RETURNING work_key`,
          [step.key, step.dueAt, step.kind, step.applicationId, step.to],
        );
        if (rows.length === 0) return false;
        await appendAuditEvent(manager, {
          actor: SYSTEM_AUDIT_ACTOR,
          action: step.action,
          subject: { type: 'work', id: step.key },
          applicationId: step.applicationId,
          before: { level: step.from },
          after: { level: step.to },
          context: {
            workKey: step.key,
            kind: step.kind,
            dueAt: step.dueAt,
            awaiting: item.awaiting as unknown as JsonValue,
            target: item.target as unknown as JsonValue,
            ...(jobId ? { jobId } : {}),
          },
        });
        return true;
      });
      if (wrote) recorded.push(step);
    }
    return recorded;
  }

  /**
   * Work that reached the database without its due time gets it now, from its start and the configured policy
   * (the domain's `dueAt`, as the commands stamp it): rows written before migration StoredDueTimes1796002436999 by a
   * writer outside the commands (a bulk import, the check engine's re-evaluation item), a stage changed outside them
   * (the trigger clears the old stage's due time), a financial close recorded outside them. Each is stamped once
   * (`… IS NULL` in the UPDATE), so two workers agree; from then on the stored value is the deadline.
   */
  async stampMissingDueTimes(manager: EntityManager): Promise<void> {
    const policy = this.options.policy;
    // One UPDATE per kind: `$1` the ids, `$2` their due times, then what `more` adds.
    const stamp = async <R extends { id: string; due: string | null }>(
      sql: string,
      rows: R[],
      more: (rows: R[]) => unknown[] = () => [],
    ) => {
      const due = rows.filter((r) => r.due !== null);
      if (due.length > 0)
        await manager.query(sql, [due.map((r) => r.id), due.map((r) => r.due), ...more(due)]);
    };
    const stages: Pick<ApplicationsRow, 'id' | 'stage' | 'stage_entered_at'>[] = await manager.query(
      `SELECT id, stage, stage_entered_at FROM applications WHERE stage = ANY($1) AND stage_due_at IS NULL`,
      [Object.keys(policy.stageSlaBusinessDays)],
    );
    await stamp(
      `UPDATE applications a SET stage_due_at = v.due
         FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) v(id, due, stage)
        WHERE a.id = v.id AND a.stage = v.stage AND a.stage_due_at IS NULL`,
      stages.map((a) => ({
        id: a.id,
        due: dueAt({ kind: 'stage', stage: a.stage, enteredAt: iso(a.stage_entered_at) }, policy),
        stage: a.stage,
      })),
      // Only if the stage is still the one read.
      (rows) => [rows.map((r) => r.stage)],
    );
    const started = async (
      table: string,
      status: string,
      column: string,
      work: (at: string) => WorkStart,
    ) => {
      // `started` is the work's start column (`asked_at`, `created_at`, `requested_at`): a timestamptz.
      const rows: { id: string; started: Date }[] = await manager.query(
        `SELECT id, ${column} AS started FROM ${table} WHERE status = $1 AND due_at IS NULL`,
        [status],
      );
      await stamp(
        `UPDATE ${table} t SET due_at = v.due FROM unnest($1::uuid[], $2::timestamptz[]) v(id, due)
          WHERE t.id = v.id AND t.due_at IS NULL`,
        rows.map((r) => ({ id: r.id, due: dueAt(work(iso(r.started)), policy) })),
      );
    };
    await started('information_requests', 'open', 'asked_at', (at) => ({
      kind: 'information_request',
      openedAt: at,
    }));
    await started('approvals', 'pending', 'created_at', (at) => ({ kind: 'approval', createdAt: at }));
    await started('disbursements', 'requested', 'requested_at', (at) => ({
      kind: 'disbursement_request',
      requestedAt: at,
    }));
    const financed: (Pick<ApplicationsRow, 'id'> & { financed_at: Date; years: number[] })[] =
      await manager.query(
        `SELECT a.id, a.financed_at, ARRAY(SELECT r.year FROM monitoring_reports r WHERE r.application_id = a.id) AS years
         FROM applications a WHERE a.financed_at IS NOT NULL AND a.next_report_due_date IS NULL`,
      );
    await stamp(
      `UPDATE applications a SET next_report_due_date = v.due
         FROM unnest($1::uuid[], $2::date[]) v(id, due)
        WHERE a.id = v.id AND a.next_report_due_date IS NULL`,
      financed.map((f) => ({
        id: f.id,
        due: nextAmrDue(iso(f.financed_at), f.years.map(Number), { dueMonthDay: this.options.amrDueMonthDay })
          .dueDate,
      })),
    );
  }

  /**
   * Every piece of waiting work with its stored due time (fixed when the work was created: docs/notifications.md
   * "Due times") and the level recorded so far. The same work and the same due times as `applications.due_at`,
   * which the list filters and sorts by (test/integration/messaging/due-times-sql.spec.ts).
   */
  async waitingWork(manager: EntityManager, now: Date): Promise<WaitingWork[]> {
    const policy = this.options.policy;
    const work: Omit<WaitingWork, 'level'>[] = [];
    const push = (
      key: string,
      kind: WorkKind,
      applicationId: string | null,
      due: string | null,
      awaiting: Audience[],
      target: LinkTarget,
    ) => work.push({ key, kind, applicationId, dueAt: due, awaiting, target });

    const target = (id: string, rest = '') => ({
      type: 'application',
      id,
      applicationId: id,
      path: app(id, rest),
    });
    const apps: (Pick<ApplicationsRow, 'id'> & { stage_due_at: Date })[] = await manager.query(
      `SELECT id, stage_due_at FROM applications WHERE stage_due_at IS NOT NULL`,
    );
    for (const a of apps) {
      push(
        `stage:${a.id}`,
        'stage',
        a.id,
        iso(a.stage_due_at),
        [{ kind: 'assignee_or_officers' }],
        target(a.id),
      );
    }
    // A vote is due at its round's stored deadline (set when the round opened), while the round is open.
    const rounds: Pick<CommitteeRoundsRow, 'application_id' | 'deadline'>[] = await manager.query(
      `SELECT r.application_id, r.deadline FROM committee_rounds r JOIN applications a ON a.id = r.application_id
        WHERE r.closed_at IS NULL AND a.stage = 'committee'`,
    );
    for (const r of rounds) {
      push(
        `vote:${r.application_id}`,
        'vote',
        r.application_id,
        iso(r.deadline),
        [{ kind: 'role', role: 'committee' }],
        target(r.application_id, '/committee'),
      );
    }

    const requests: (Pick<InformationRequestsRow, 'id' | 'application_id' | 'due_at'> &
      Pick<ApplicationsRow, 'organization_id'>)[] = await manager.query(
      `SELECT r.id, r.application_id, r.due_at, a.organization_id
         FROM information_requests r JOIN applications a ON a.id = r.application_id WHERE r.status = 'open'`,
    );
    for (const r of requests) {
      push(
        `information_request:${r.id}`,
        'information_request',
        r.application_id,
        r.due_at ? iso(r.due_at) : null,
        [{ kind: 'organization', organizationId: r.organization_id }],
        {
          type: 'information_request',
          id: r.id,
          applicationId: r.application_id,
          path: app(r.application_id, `/information-requests/${r.id}`),
        },
      );
    }

    const approvals: Pick<ApprovalsRow, 'id' | 'application_id' | 'due_at'>[] = await manager.query(
      `SELECT id, application_id, due_at FROM approvals WHERE status = 'pending'`,
    );
    for (const p of approvals) {
      push(
        `approval:${p.id}`,
        'approval',
        p.application_id,
        p.due_at ? iso(p.due_at) : null,
        [{ kind: 'role', role: 'officer' }],
        { type: 'approval', id: p.id, applicationId: p.application_id, path: `/approvals/${p.id}` },
      );
    }

    const disbursements: Pick<DisbursementsRow, 'id' | 'application_id' | 'due_at'>[] = await manager.query(
      `SELECT id, application_id, due_at FROM disbursements WHERE status = 'requested'`,
    );
    for (const d of disbursements) {
      push(
        `disbursement:${d.id}`,
        'disbursement_request',
        d.application_id,
        d.due_at ? iso(d.due_at) : null,
        [{ kind: 'assignee_or_officers' }],
        {
          type: 'disbursement',
          id: d.id,
          applicationId: d.application_id,
          path: app(d.application_id, `/disbursements/${d.id}`),
        },
      );
    }

    // `due_date` selected as text (a `date` parsed by pg would be local midnight, a day off west of UTC).
    const esap: (Pick<EsapItemsRow, 'id' | 'application_id' | 'status'> & { due_date: string } & Pick<
        ApplicationsRow,
        'organization_id'
      >)[] = await manager.query(
      `SELECT e.id, e.application_id, e.status, to_char(e.due_date, 'YYYY-MM-DD') AS due_date, a.organization_id
         FROM esap_items e JOIN applications a ON a.id = e.application_id
        WHERE e.status <> 'verified' AND a.stage NOT IN ('repaid','written_off','rejected','withdrawn')`,
    );
    for (const e of esap) {
      const review = e.status === 'done';
      push(
        `${review ? 'esap_review' : 'esap_item'}:${e.id}`,
        'esap_item',
        e.application_id,
        dueAt({ kind: 'esap_item', dueDate: e.due_date }, policy),
        review
          ? [{ kind: 'assignee_or_officers' }]
          : [{ kind: 'organization', organizationId: e.organization_id }],
        {
          type: 'esap_item',
          id: e.id,
          applicationId: e.application_id,
          path: app(e.application_id, `/esap/${e.id}`),
        },
      );
    }

    // Annual reports: the next one not filed, at its stored due date (whether or not its year has ended: it
    // cannot fall due before), then every later one owed at `now` and not filed, at the configured date.
    const financed: (Pick<ApplicationsRow, 'id' | 'organization_id'> & {
      financed_at: Date;
      next_due: string;
      years: number[];
    })[] = await manager.query(
      `SELECT a.id, a.organization_id, a.financed_at, to_char(a.next_report_due_date, 'YYYY-MM-DD') AS next_due,
              COALESCE(array_agg(r.year) FILTER (WHERE r.year IS NOT NULL), '{}') AS years
         FROM applications a LEFT JOIN monitoring_reports r ON r.application_id = a.id
        WHERE a.stage IN ('financed','disbursing','monitoring') AND a.next_report_due_date IS NOT NULL
        GROUP BY a.id`,
    );
    for (const f of financed) {
      const nextYear = Number(f.next_due.slice(0, 4)) - 1;
      const owed = amrSchedule(iso(f.financed_at), now.toISOString(), {
        dueMonthDay: this.options.amrDueMonthDay,
      }).filter((o) => o.year > nextYear && !f.years.map(Number).includes(o.year));
      for (const report of [{ year: nextYear, dueDate: f.next_due }, ...owed]) {
        push(
          `amr:${f.id}:${report.year}`,
          'amr',
          f.id,
          dueAt({ kind: 'amr', dueDate: report.dueDate }, policy),
          [{ kind: 'organization', organizationId: f.organization_id }],
          {
            type: 'amr',
            id: String(report.year),
            applicationId: f.id,
            path: app(f.id, `/monitoring-reports/${report.year}`),
          },
        );
      }
    }

    const recorded: Pick<DeadlineEscalationsRow, 'work_key' | 'due_at' | 'level'>[] = await manager.query(
      `SELECT work_key, due_at, level FROM deadline_escalations WHERE work_key = ANY($1)`,
      [work.map((w) => w.key)],
    );
    const levels = new Map<string, EscalationLevel>(
      recorded.map((r) => [
        `${r.work_key}@${iso(r.due_at)}`,
        oneOf(ESCALATION_LEVELS, r.level, 'deadline_escalations.level'),
      ]),
    );
    return work.map((w) => ({ ...w, level: (w.dueAt && levels.get(`${w.key}@${w.dueAt}`)) || 'none' }));
  }
}
