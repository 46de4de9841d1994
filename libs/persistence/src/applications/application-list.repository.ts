import { type EntityManager } from 'typeorm';
import { type ApplicationsRow } from '../entities/applications.entity.js';

/**
 * A WHERE fragment over `applications a` that the caller builds (the read rule, compiled by libs/application);
 * it appends its own parameters to `params`.
 */
export type ApplicationPredicate = (params: unknown[]) => string;

export interface ApplicationListFilter {
  stage?: string;
  country?: string;
  mineral?: string;
  category?: string;
  residualBand?: string;
  assigneeId?: string;
  /** Only applications nobody is assigned to. */
  unassigned?: boolean;
  q?: string;
  /** `true`: only applications with waiting work past its due time at `now`; `false`: only the others. */
  overdue?: boolean;
  /** The clock: what is overdue. Due times themselves are stored with the work (`applications.due_at`). */
  now: Date;
  /**
   * `newest` (default): newest first, keyset on (created_at, id). `due`: the officers' work queue, earliest due time
   * first (so overdue work leads, the longest overdue first), then work without a due time; ties by id; keyset on
   * (due time, id).
   */
  sort?: 'newest' | 'due';
  limit: number;
  /** Keyset position of `newest`: the (created_at, id) of the last item of the previous page. */
  after?: { createdAt: string; id: string };
  /** Keyset position of `due`: the (due time or null, id) of the last item of the previous page. */
  afterDue?: { dueAt: string | null; id: string };
}

export interface ApplicationSummaryRow {
  id: string;
  reference: string;
  organizationId: string;
  title: string | null;
  country: string | null;
  mineral: string | null;
  stage: string;
  version: number;
  assigneeId: string | null;
  proposedCategory: string | null;
  category: string | null;
  residualBand: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The earliest due time of the application's waiting work (null: none has one). */
  dueAt: Date | null;
  /** `dueAt` is at or before the clock's now. */
  overdue: boolean;
  /** The exact (microsecond) creation time, for the keyset cursor. */
  createdKey: string;
  /** The exact (microsecond) due time, for the `due` keyset cursor. */
  dueKey: string | null;
}

const MICROS = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/** The row the list's statement selects: columns of the application and the input fields it shows. */
type SummaryColumnsRow = Pick<
  ApplicationsRow,
  | 'id'
  | 'reference'
  | 'organization_id'
  | 'stage'
  | 'version'
  | 'assignee_id'
  | 'proposed_category'
  | 'category'
  | 'created_at'
  | 'updated_at'
  | 'due_at'
> & {
  title: string | null;
  country: string | null;
  mineral: string | null;
  residual_band: ApplicationsRow['current_residual_band'];
  created_key: string;
  overdue: boolean;
  due_key: string | null;
};

/**
 * The application's due time as `applications_due_idx` indexes it: the earliest due time of its waiting work, kept
 * by triggers (migration StoredDueTimes1796002436999), with none as `infinity`. One index then serves the keyset
 * order of `sort=due` (none last, ties by id) and the range of `overdue=`.
 */
const DUE_KEY = `COALESCE(a.due_at, 'infinity'::timestamptz)`;

/** One page of applications, newest first (or by due time), keyset-paginated. */
export async function listApplications(
  manager: EntityManager,
  readable: ApplicationPredicate,
  filter: ApplicationListFilter,
): Promise<ApplicationSummaryRow[]> {
  const params: unknown[] = [filter.now.toISOString()];
  const now = `$${params.length}::timestamptz`;
  const where: string[] = [readable(params)];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.stage) add((p) => `a.stage = ${p}`, filter.stage);
  if (filter.country) add((p) => `a.input->>'country' = ${p}`, filter.country);
  if (filter.mineral) add((p) => `a.input->>'mineral' = ${p}`, filter.mineral);
  if (filter.category) add((p) => `a.category = ${p}`, filter.category);
  if (filter.assigneeId) add((p) => `a.assignee_id = ${p}::uuid`, filter.assigneeId);
  if (filter.unassigned) where.push('a.assignee_id IS NULL');
  // The effective band of the latest assessment (an approved override wins), kept on the row by triggers
  // (migration ListSearchIndexes1795993071522) and indexed with the list's order.
  if (filter.residualBand) add((p) => `a.current_residual_band = ${p}`, filter.residualBand);
  if (filter.q) {
    // A case-insensitive substring of the title, the reference or the organisation's name: one row per application
    // and field in `application_search`, kept by triggers, with one trigram index (migration
    // ApplicationSearch1796025680657). The planner chooses between walking the list's order (a common term, found
    // in the first rows) and reading the trigram index (a rare term, or none).
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    add(
      (p) => `a.id IN (SELECT s.application_id FROM application_search s WHERE s.text ILIKE ${p})`,
      pattern,
    );
  }
  if (filter.overdue === true) where.push(`${DUE_KEY} <= ${now}`);
  if (filter.overdue === false) where.push(`${DUE_KEY} > ${now}`);
  const byDue = filter.sort === 'due';
  if (!byDue && filter.after) {
    params.push(filter.after.createdAt, filter.after.id);
    where.push(`(a.created_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  if (byDue && filter.afterDue) {
    params.push(filter.afterDue.dueAt ?? 'infinity', filter.afterDue.id);
    where.push(`(${DUE_KEY}, a.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(filter.limit);
  const rows: SummaryColumnsRow[] = await manager.query(
    `SELECT a.id, a.reference, a.organization_id, a.input->>'title' AS title, a.input->>'country' AS country,
            a.input->>'mineral' AS mineral, a.stage, a.version, a.assignee_id, a.proposed_category, a.category,
            a.current_residual_band AS residual_band, a.created_at, a.updated_at,
            to_char(a.created_at AT TIME ZONE 'UTC', ${MICROS}) AS created_key,
            a.due_at, COALESCE(a.due_at <= ${now}, false) AS overdue,
            to_char(a.due_at AT TIME ZONE 'UTC', ${MICROS}) AS due_key
       FROM applications a
      WHERE ${where.join(' AND ')}
      ORDER BY ${byDue ? `${DUE_KEY} ASC, a.id ASC` : 'a.created_at DESC, a.id DESC'}
      LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    organizationId: r.organization_id,
    title: r.title,
    country: r.country,
    mineral: r.mineral,
    stage: r.stage,
    version: r.version,
    assigneeId: r.assignee_id,
    proposedCategory: r.proposed_category,
    category: r.category,
    residualBand: r.residual_band,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    dueAt: r.due_at,
    overdue: r.overdue,
    createdKey: r.created_key,
    dueKey: r.due_key,
  }));
}
