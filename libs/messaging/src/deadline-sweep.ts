import { appendAuditEvent, SYSTEM_AUDIT_ACTOR, type JsonValue } from '@forge/audit';
import {
  amrSchedule,
  dueAt,
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
    const work = await this.waitingWork(this.dataSource.manager, now);
    const byKey = new Map(work.map((w) => [`${w.key}@${w.dueAt}`, w]));
    const steps = overdueSteps(work, now.toISOString(), this.options.policy);
    const recorded: OverdueStep[] = [];
    for (const step of steps) {
      const item = byKey.get(`${step.key}@${step.dueAt}`) as WaitingWork;
      const wrote = await this.dataSource.transaction(async (manager) => {
        const rows = (await manager.query(
          `INSERT INTO deadline_escalations (work_key, due_at, kind, application_id, level)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (work_key, due_at) DO UPDATE SET level = EXCLUDED.level, recorded_at = now()
             WHERE deadline_escalations.level = 'assignee' AND EXCLUDED.level = 'officers'
           RETURNING work_key`,
          [step.key, step.dueAt, step.kind, step.applicationId, step.to],
        )) as unknown[];
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

  /** Every piece of waiting work with its due time and the level recorded so far. */
  async waitingWork(manager: EntityManager, now: Date): Promise<WaitingWork[]> {
    const policy = this.options.policy;
    const work: Omit<WaitingWork, 'level'>[] = [];
    const push = (
      key: string,
      kind: WorkKind,
      applicationId: string | null,
      start: WorkStart,
      awaiting: Audience[],
      target: LinkTarget,
    ) => work.push({ key, kind, applicationId, dueAt: dueAt(start, policy), awaiting, target });

    const stages = Object.keys(policy.stageSlaBusinessDays);
    const target = (id: string, rest = '') => ({
      type: 'application',
      id,
      applicationId: id,
      path: app(id, rest),
    });
    const apps = (await manager.query(
      `SELECT id, stage, stage_entered_at FROM applications WHERE stage = ANY($1)`,
      [stages],
    )) as { id: string; stage: string; stage_entered_at: Date }[];
    for (const a of apps) {
      push(
        `stage:${a.id}`,
        'stage',
        a.id,
        { kind: 'stage', stage: a.stage, enteredAt: iso(a.stage_entered_at) },
        [{ kind: 'assignee_or_officers' }],
        target(a.id),
      );
    }
    // A vote is due at its round's stored deadline (set when the round opened), while the round is open.
    const rounds = (await manager.query(
      `SELECT r.application_id, r.deadline FROM committee_rounds r JOIN applications a ON a.id = r.application_id
        WHERE r.closed_at IS NULL AND a.stage = 'committee'`,
    )) as { application_id: string; deadline: Date }[];
    for (const r of rounds) {
      push(
        `vote:${r.application_id}`,
        'vote',
        r.application_id,
        { kind: 'vote', deadline: iso(r.deadline) },
        [{ kind: 'role', role: 'committee' }],
        target(r.application_id, '/committee'),
      );
    }

    const requests = (await manager.query(
      `SELECT r.id, r.application_id, r.asked_at, a.organization_id
         FROM information_requests r JOIN applications a ON a.id = r.application_id WHERE r.status = 'open'`,
    )) as { id: string; application_id: string; asked_at: Date; organization_id: string }[];
    for (const r of requests) {
      push(
        `information_request:${r.id}`,
        'information_request',
        r.application_id,
        { kind: 'information_request', openedAt: iso(r.asked_at) },
        [{ kind: 'organization', organizationId: r.organization_id }],
        {
          type: 'information_request',
          id: r.id,
          applicationId: r.application_id,
          path: app(r.application_id, `/information-requests/${r.id}`),
        },
      );
    }

    const approvals = (await manager.query(
      `SELECT id, application_id, created_at FROM approvals WHERE status = 'pending'`,
    )) as {
      id: string;
      application_id: string;
      created_at: Date;
    }[];
    for (const p of approvals) {
      push(
        `approval:${p.id}`,
        'approval',
        p.application_id,
        { kind: 'approval', createdAt: iso(p.created_at) },
        [{ kind: 'role', role: 'officer' }],
        { type: 'approval', id: p.id, applicationId: p.application_id, path: `/approvals/${p.id}` },
      );
    }

    const disbursements = (await manager.query(
      `SELECT id, application_id, requested_at FROM disbursements WHERE status = 'requested'`,
    )) as { id: string; application_id: string; requested_at: Date }[];
    for (const d of disbursements) {
      push(
        `disbursement:${d.id}`,
        'disbursement_request',
        d.application_id,
        { kind: 'disbursement_request', requestedAt: iso(d.requested_at) },
        [{ kind: 'assignee_or_officers' }],
        {
          type: 'disbursement',
          id: d.id,
          applicationId: d.application_id,
          path: app(d.application_id, `/disbursements/${d.id}`),
        },
      );
    }

    const esap = (await manager.query(
      `SELECT e.id, e.application_id, e.status, to_char(e.due_date, 'YYYY-MM-DD') AS due_date, a.organization_id
         FROM esap_items e JOIN applications a ON a.id = e.application_id
        WHERE e.status <> 'verified' AND a.stage NOT IN ('repaid','written_off','rejected','withdrawn')`,
    )) as { id: string; application_id: string; status: string; due_date: string; organization_id: string }[];
    for (const e of esap) {
      const review = e.status === 'done';
      push(
        `${review ? 'esap_review' : 'esap_item'}:${e.id}`,
        'esap_item',
        e.application_id,
        { kind: 'esap_item', dueDate: e.due_date },
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

    const financed = (await manager.query(
      `SELECT a.id, a.organization_id, a.financed_at,
              COALESCE(array_agg(r.year) FILTER (WHERE r.year IS NOT NULL), '{}') AS years
         FROM applications a LEFT JOIN monitoring_reports r ON r.application_id = a.id
        WHERE a.stage IN ('financed','disbursing','monitoring') AND a.financed_at IS NOT NULL
        GROUP BY a.id`,
    )) as { id: string; organization_id: string; financed_at: Date; years: number[] }[];
    for (const f of financed) {
      for (const owed of amrSchedule(iso(f.financed_at), now.toISOString(), {
        dueMonthDay: this.options.amrDueMonthDay,
      })) {
        if (f.years.includes(owed.year)) continue;
        push(
          `amr:${f.id}:${owed.year}`,
          'amr',
          f.id,
          { kind: 'amr', dueDate: owed.dueDate },
          [{ kind: 'organization', organizationId: f.organization_id }],
          {
            type: 'amr',
            id: String(owed.year),
            applicationId: f.id,
            path: app(f.id, `/monitoring-reports/${owed.year}`),
          },
        );
      }
    }

    const recorded = (await manager.query(
      `SELECT work_key, due_at, level FROM deadline_escalations WHERE work_key = ANY($1)`,
      [work.map((w) => w.key)],
    )) as { work_key: string; due_at: Date; level: EscalationLevel }[];
    const levels = new Map(recorded.map((r) => [`${r.work_key}@${iso(r.due_at)}`, r.level]));
    return work.map((w) => ({ ...w, level: (w.dueAt && levels.get(`${w.key}@${w.dueAt}`)) || 'none' }));
  }
}
