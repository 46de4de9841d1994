import { type EntityManager } from 'typeorm';
import { applicationDueAtSql, type DueTimeInput } from './application-due-time.sql.js';

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
  /** `true`: only applications with waiting work past its due time at `due.now`; `false`: only the others. */
  overdue?: boolean;
  /** How due times are computed (policy and clock). */
  due: DueTimeInput;
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

/**
 * The organisations whose name matches a search (a trigram index on a small table). Passed to the list query as a
 * literal array rather than a subquery: the planner then knows how many there are, and with ILIKE's own statistics
 * on the title and reference it chooses well between the trigram indexes (a rare or absent term) and the list's
 * keyset order (a common term, found in the first rows). With a subquery it guessed 250 matches for any term and
 * walked all 100,000 rows for a term that matches nothing (issue 18, item 5: bench/growth.bench.ts).
 */
async function organisationsNamed(manager: EntityManager, pattern: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM organizations WHERE name ILIKE $1`,
    [pattern],
  );
  return rows.map((row) => row.id);
}

const MICROS = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/** One page of applications, newest first (or by due time), keyset-paginated. */
export async function listApplications(
  manager: EntityManager,
  readable: ApplicationPredicate,
  filter: ApplicationListFilter,
): Promise<ApplicationSummaryRow[]> {
  const params: unknown[] = [];
  const dueAt = applicationDueAtSql(params, filter.due);
  params.push(filter.due.now.toISOString());
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
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const organisations = await organisationsNamed(manager, pattern);
    params.push(pattern, organisations);
    const [text, named] = [`$${params.length - 1}`, `$${params.length}::uuid[]`];
    where.push(
      `(a.input->>'title' ILIKE ${text} OR a.reference ILIKE ${text} OR a.organization_id = ANY (${named}))`,
    );
  }
  if (filter.overdue === true) where.push(`d.due_at <= ${now}`);
  if (filter.overdue === false) where.push(`(d.due_at IS NULL OR d.due_at > ${now})`);
  const byDue = filter.sort === 'due';
  if (!byDue && filter.after) {
    params.push(filter.after.createdAt, filter.after.id);
    where.push(`(a.created_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  if (byDue && filter.afterDue) {
    params.push(filter.afterDue.id);
    const id = `$${params.length}::uuid`;
    if (filter.afterDue.dueAt === null) {
      where.push(`(d.due_at IS NULL AND a.id > ${id})`);
    } else {
      params.push(filter.afterDue.dueAt);
      const due = `$${params.length}::timestamptz`;
      where.push(`(d.due_at IS NULL OR d.due_at > ${due} OR (d.due_at = ${due} AND a.id > ${id}))`);
    }
  }
  params.push(filter.limit);
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT a.id, a.reference, a.organization_id, a.input->>'title' AS title, a.input->>'country' AS country,
            a.input->>'mineral' AS mineral, a.stage, a.version, a.assignee_id, a.proposed_category, a.category,
            a.current_residual_band AS residual_band, a.created_at, a.updated_at,
            to_char(a.created_at AT TIME ZONE 'UTC', ${MICROS}) AS created_key,
            d.due_at, COALESCE(d.due_at <= ${now}, false) AS overdue,
            to_char(d.due_at AT TIME ZONE 'UTC', ${MICROS}) AS due_key
       FROM applications a CROSS JOIN LATERAL (SELECT ${dueAt} AS due_at) d
      WHERE ${where.join(' AND ')}
      ORDER BY ${byDue ? 'd.due_at ASC NULLS LAST, a.id ASC' : 'a.created_at DESC, a.id DESC'}
      LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id as string,
    reference: r.reference as string,
    organizationId: r.organization_id as string,
    title: (r.title as string | null) ?? null,
    country: (r.country as string | null) ?? null,
    mineral: (r.mineral as string | null) ?? null,
    stage: r.stage as string,
    version: Number(r.version),
    assigneeId: (r.assignee_id as string | null) ?? null,
    proposedCategory: (r.proposed_category as string | null) ?? null,
    category: (r.category as string | null) ?? null,
    residualBand: (r.residual_band as string | null) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
    dueAt: (r.due_at as Date | null) ?? null,
    overdue: r.overdue === true,
    createdKey: r.created_key as string,
    dueKey: (r.due_key as string | null) ?? null,
  }));
}
