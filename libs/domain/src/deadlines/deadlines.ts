import { DomainError } from '../errors/domain-error.js';
import { addBusinessDays, DEFAULT_BUSINESS_CALENDAR, type BusinessCalendar } from './business-calendar.js';
import { MS_PER_DAY, formatInstant, parseInstant, parseIsoDate } from './time.js';

/**
 * monitoring.md "Deadlines, escalation": every piece of waiting work has a due time, computed here
 * from the moment the work started and the fund's policy; the clock is an argument.
 */
export const WORK_KINDS = [
  'stage',
  'information_request',
  'approval',
  'vote',
  'disbursement_request',
  'esap_item',
  'amr',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** The fund's deadline policy (configuration, validated at boot). */
export interface DeadlinePolicy {
  /** `STAGE_SLA_DAYS`: business days an application may spend in a stage; absent stages have no budget. */
  stageSlaBusinessDays: Readonly<Record<string, number>>;
  /** `INFORMATION_REQUEST_DAYS`: business days the sponsor has to answer. */
  informationRequestBusinessDays: number;
  /** `APPROVAL_DAYS`: business days a maker-checker item may wait for its checker. */
  approvalBusinessDays: number;
  /** `DISBURSEMENT_REQUEST_DAYS`: business days an officer has to propose (or decline) a request. */
  disbursementRequestBusinessDays: number;
  /**
   * `COMMITTEE_VOTING_DAYS`: calendar days a voting round stays open (pipeline.md). The round stores its deadline
   * when it opens; a vote is due at that stored deadline, so a later change of this setting moves no open round.
   */
  committeeVotingDays: number;
  /** `ESCALATION_DAYS`: business days after the due time before every officer is told. */
  escalationBusinessDays: number;
  calendar: BusinessCalendar;
}

/** monitoring.md's examples; a fund sets its own with `STAGE_SLA_DAYS`. */
export const DEFAULT_STAGE_SLA_DAYS: Readonly<Record<string, number>> = Object.freeze({
  screening: 5,
  esg_review: 30,
  financing: 30,
  committee: 14,
});

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = Object.freeze({
  stageSlaBusinessDays: DEFAULT_STAGE_SLA_DAYS,
  informationRequestBusinessDays: 10,
  approvalBusinessDays: 2,
  disbursementRequestBusinessDays: 5,
  committeeVotingDays: 10,
  escalationBusinessDays: 3,
  calendar: DEFAULT_BUSINESS_CALENDAR,
});

/**
 * Parses `STAGE_SLA_DAYS`: `stage=days` pairs separated by commas (`screening=5,esg_review=30`).
 * Every stage must be one of `stages` and appear once; days are positive integers (≤ 3650).
 * An empty string means no stage budgets.
 */
export function parseStageSlaDays(text: string, stages: readonly string[]): Record<string, number> {
  const result: Record<string, number> = {};
  if (text.trim() === '') return result;
  for (const part of text.split(',')) {
    const m = /^\s*([a-z_]+)\s*[=:]\s*(\d+)\s*$/.exec(part);
    if (!m) throw new DomainError('VALIDATION.FAILED', `STAGE_SLA_DAYS: "${part.trim()}" is not stage=days`);
    const [, stage, daysText] = m;
    const days = Number(daysText);
    if (!stages.includes(stage))
      throw new DomainError('VALIDATION.FAILED', `STAGE_SLA_DAYS: unknown stage ${stage}`);
    if (stage in result) throw new DomainError('VALIDATION.FAILED', `STAGE_SLA_DAYS: ${stage} given twice`);
    if (days < 1 || days > 3650) {
      throw new DomainError('VALIDATION.FAILED', `STAGE_SLA_DAYS: ${stage} must have 1 to 3650 days`);
    }
    result[stage] = days;
  }
  return result;
}

/** What a piece of waiting work started from: enough to compute its due time. */
export type WorkStart =
  | { kind: 'stage'; stage: string; enteredAt: string }
  | { kind: 'information_request'; openedAt: string }
  | { kind: 'approval'; createdAt: string }
  /** A committee round's deadline is fixed and stored when the round opens (committee-round.ts). */
  | { kind: 'vote'; deadline: string }
  | { kind: 'disbursement_request'; requestedAt: string }
  /** ESAP items and annual reports are due on a date: overdue from the start of the next day. */
  | { kind: 'esap_item'; dueDate: string }
  | { kind: 'amr'; dueDate: string };

/** Work due on a date (an ESAP item, an annual report): it always has a due time. */
export type DatedWork = Extract<WorkStart, { kind: 'esap_item' | 'amr' }>;

/**
 * The due time (UTC ISO) of a piece of waiting work, or `null` when it has none (a stage without
 * a budget). Business-day budgets keep the time of day: a request opened Friday 10:00 with a
 * 1-day budget is due Monday 10:00.
 */
export function dueAt(work: DatedWork, policy: DeadlinePolicy): string;
export function dueAt(work: WorkStart, policy: DeadlinePolicy): string | null;
export function dueAt(work: WorkStart, policy: DeadlinePolicy): string | null {
  const cal = policy.calendar;
  switch (work.kind) {
    case 'stage': {
      const days = policy.stageSlaBusinessDays[work.stage];
      if (days === undefined) return null;
      return formatInstant(addBusinessDays(parseInstant(work.enteredAt, 'enteredAt'), days, cal));
    }
    case 'information_request':
      return formatInstant(
        addBusinessDays(parseInstant(work.openedAt, 'openedAt'), policy.informationRequestBusinessDays, cal),
      );
    case 'approval':
      return formatInstant(
        addBusinessDays(parseInstant(work.createdAt, 'createdAt'), policy.approvalBusinessDays, cal),
      );
    case 'vote':
      return formatInstant(parseInstant(work.deadline, 'deadline'));
    case 'disbursement_request':
      return formatInstant(
        addBusinessDays(
          parseInstant(work.requestedAt, 'requestedAt'),
          policy.disbursementRequestBusinessDays,
          cal,
        ),
      );
    case 'esap_item':
    case 'amr':
      return formatInstant(parseIsoDate(work.dueDate, 'dueDate') + MS_PER_DAY);
    default: {
      const unknown: never = work;
      throw new DomainError('VALIDATION.FAILED', `unknown work ${JSON.stringify(unknown)}`);
    }
  }
}

/** Whether work due at `due` (ISO, or `null` for none) is overdue at `now`. */
export function isOverdue(due: string | null, now: string): boolean {
  return due !== null && parseInstant(now, 'now') >= parseInstant(due, 'dueAt');
}

/**
 * Escalation (monitoring.md): before the due time nobody is chased (`none`); from it, the assignee and the party
 * the work awaits (`assignee`); `escalationBusinessDays` later, every officer (`officers`).
 */
export const ESCALATION_LEVELS = ['none', 'assignee', 'officers'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export function escalationRank(level: EscalationLevel): number {
  return ESCALATION_LEVELS.indexOf(level);
}

/** When work due at `due` escalates to every officer. */
export function escalatesToOfficersAt(due: string, policy: DeadlinePolicy): string {
  return formatInstant(
    addBusinessDays(parseInstant(due, 'dueAt'), policy.escalationBusinessDays, policy.calendar),
  );
}

export function escalationLevel(due: string | null, now: string, policy: DeadlinePolicy): EscalationLevel {
  if (!isOverdue(due, now)) return 'none';
  const officersAt = escalatesToOfficersAt(due as string, policy);
  return parseInstant(now, 'now') >= parseInstant(officersAt, 'escalatesAt') ? 'officers' : 'assignee';
}

/** A piece of waiting work as the overdue job sees it: its due time and the level recorded so far. */
export interface TrackedWork {
  /** Stable key of the work (e.g. `approval:<id>`, `stage:<applicationId>:<stage>:<enteredAt>`). */
  key: string;
  kind: WorkKind;
  applicationId: string | null;
  dueAt: string | null;
  level: EscalationLevel;
}

/** One change the overdue job records (one audit event each). */
export interface OverdueStep {
  key: string;
  kind: WorkKind;
  applicationId: string | null;
  dueAt: string;
  from: EscalationLevel;
  to: Exclude<EscalationLevel, 'none'>;
  /** `work.overdue` when it first falls due (to the assignee), `work.escalated` when every officer is told. */
  action: 'work.overdue' | 'work.escalated';
}

/**
 * What the scheduled overdue job must record at `now`: every tracked work whose level at `now` is
 * higher than the one recorded. Work that skipped a level while the job was not running goes
 * straight to the higher one (one step). Running it again with the recorded levels updated
 * returns nothing (idempotent). Ordered by due time, then key.
 */
export function overdueSteps(
  work: readonly TrackedWork[],
  now: string,
  policy: DeadlinePolicy,
): OverdueStep[] {
  const steps: OverdueStep[] = [];
  for (const item of work) {
    const level = escalationLevel(item.dueAt, now, policy);
    if (level === 'none' || escalationRank(level) <= escalationRank(item.level)) continue;
    steps.push({
      key: item.key,
      kind: item.kind,
      applicationId: item.applicationId,
      dueAt: item.dueAt as string,
      from: item.level,
      to: level,
      action: level === 'officers' ? 'work.escalated' : 'work.overdue',
    });
  }
  return steps.sort((a, b) => compareDue(a.dueAt, b.dueAt) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return parseInstant(a, 'dueAt') - parseInstant(b, 'dueAt');
}

/** The earliest of several due times (`null` when none has one): an application's due time. */
export function earliestDue(dues: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const due of dues) if (due !== null && (best === null || compareDue(due, best) < 0)) best = due;
  return best;
}

/**
 * The officers' work queue order: overdue work first (the longest overdue leading), then work by
 * due time, then work without a due time; ties by `id`. `now` decides what is overdue.
 */
export function compareWorkQueue(
  a: { id: string; dueAt: string | null },
  b: { id: string; dueAt: string | null },
  now: string,
): number {
  const overdueA = isOverdue(a.dueAt, now);
  const overdueB = isOverdue(b.dueAt, now);
  if (overdueA !== overdueB) return overdueA ? -1 : 1;
  return compareDue(a.dueAt, b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
