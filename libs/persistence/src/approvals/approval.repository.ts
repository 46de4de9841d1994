import pg from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';
import {
  APPROVAL_ACTIONS,
  APPROVAL_STATUSES,
  DomainError,
  oneOf,
  type ApprovalItem,
  type ApprovalStatus,
} from '@forge/domain';
import { returnedRows } from '../returned-rows.js';
import { type ApplicationPredicate } from '../applications/application-list.repository.js';
import { type ApprovalsRow } from '../entities/approvals.entity.js';

export const APPROVAL_COLUMNS =
  'id, application_id, action, subject, payload, maker_id, status, checker_id, note, created_at, decided_at';

/** The row `APPROVAL_COLUMNS` selects. */
export type ApprovalRow = Omit<ApprovalsRow, 'due_at'>;

export function toApprovalItem(row: ApprovalRow): ApprovalItem {
  return {
    id: row.id,
    applicationId: row.application_id,
    action: oneOf(APPROVAL_ACTIONS, row.action, 'approvals.action'),
    subject: row.subject,
    payload: row.payload,
    makerId: row.maker_id,
    createdAt: row.created_at.toISOString(),
    status: oneOf(APPROVAL_STATUSES, row.status, 'approvals.status'),
    checkerId: row.checker_id,
    decidedAt: row.decided_at?.toISOString() ?? null,
    note: row.note,
  };
}

/** PostgreSQL unique violation on the "one pending item per (application, action, subject)" index. */
function isDuplicatePending(error: unknown): boolean {
  const cause = error instanceof QueryFailedError ? error.driverError : error;
  return (
    cause instanceof pg.DatabaseError &&
    cause.code === '23505' &&
    (cause.constraint === undefined || cause.constraint === 'approvals_one_pending_idx')
  );
}

/**
 * Stores a pending maker-checker item. The partial unique index is the last line of defence against two
 * makers racing: its violation answers 409 `APPROVAL.DUPLICATE`. Runs under a savepoint so the caller's
 * transaction stays usable.
 */
export async function insertPendingApproval(
  manager: EntityManager,
  item: ApprovalItem,
  dueAt: Date | null,
): Promise<void> {
  await manager.query('SAVEPOINT approval_insert');
  try {
    await manager.query(
      `INSERT INTO approvals (id, application_id, action, subject, payload, maker_id, status, created_at, due_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, 'pending', $7, $8)`,
      [
        item.id,
        item.applicationId,
        item.action,
        item.subject,
        JSON.stringify(item.payload ?? {}),
        item.makerId,
        item.createdAt,
        dueAt,
      ],
    );
    await manager.query('RELEASE SAVEPOINT approval_insert');
  } catch (error) {
    await manager.query('ROLLBACK TO SAVEPOINT approval_insert');
    if (isDuplicatePending(error)) {
      throw new DomainError(
        'APPROVAL.DUPLICATE',
        `a ${item.action} item for ${item.subject} is already pending on this application`,
      );
    }
    throw error;
  }
}

export async function listPendingApprovalsOf(
  manager: EntityManager,
  applicationId: string,
): Promise<ApprovalItem[]> {
  const rows: ApprovalRow[] = await manager.query(
    `SELECT ${APPROVAL_COLUMNS} FROM approvals WHERE application_id = $1 AND status = 'pending'
      ORDER BY created_at, id`,
    [applicationId],
  );
  return rows.map(toApprovalItem);
}

/** The inbox: items of a status, oldest first, with the application's reference. */
export async function listApprovals(
  manager: EntityManager,
  /** The read rule over the item's application (`applications app`), built by the caller. */
  readable: ApplicationPredicate,
  filter: { status: ApprovalStatus; applicationId?: string; limit: number },
): Promise<Array<ApprovalItem & { applicationReference: string }>> {
  const params: unknown[] = [filter.status, filter.limit];
  let where = `a.status = $1 AND ${readable(params)}`;
  if (filter.applicationId) {
    params.push(filter.applicationId);
    where += ` AND a.application_id = $${params.length}`;
  }
  const rows: Array<ApprovalRow & { application_reference: string }> = await manager.query(
    `SELECT ${APPROVAL_COLUMNS.split(', ')
      .map((c) => `a.${c}`)
      .join(', ')}, app.reference AS application_reference
       FROM approvals a JOIN applications app ON app.id = a.application_id
      WHERE ${where} ORDER BY a.created_at, a.id LIMIT $2`,
    params,
  );
  return rows.map((r) => ({ ...toApprovalItem(r), applicationReference: r.application_reference }));
}

export async function findApproval(
  manager: EntityManager,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ApprovalItem | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows: ApprovalRow[] = await manager.query(
    `SELECT ${APPROVAL_COLUMNS} FROM approvals WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toApprovalItem(rows[0]) : null;
}

/** Records the checker's decision; only a pending item changes (409 `APPROVAL.ALREADY_DECIDED` otherwise). */
export async function recordApprovalDecision(manager: EntityManager, item: ApprovalItem): Promise<void> {
  const result: unknown = await manager.query(
    `UPDATE approvals SET status = $2, checker_id = $3, note = $4, decided_at = $5
      WHERE id = $1 AND status = 'pending' RETURNING id`,
    [item.id, item.status, item.checkerId, item.note, item.decidedAt],
  );
  if (returnedRows(result).length !== 1) {
    throw new DomainError('APPROVAL.ALREADY_DECIDED', 'the item was decided by someone else');
  }
}

/**
 * The first of the two approvals a two-approval item needs (`check.reevaluate`): the payload records the
 * endorser; the item stays pending. A concurrent endorsement or decision → 409 `APPROVAL.ALREADY_DECIDED`.
 */
export async function recordApprovalEndorsement(manager: EntityManager, item: ApprovalItem): Promise<void> {
  const result: unknown = await manager.query(
    `UPDATE approvals SET payload = $2::jsonb
      WHERE id = $1 AND status = 'pending' AND payload->>'endorsedBy' IS NULL RETURNING id`,
    [item.id, JSON.stringify(item.payload)],
  );
  if (returnedRows(result).length !== 1) {
    throw new DomainError('APPROVAL.ALREADY_DECIDED', 'the item was endorsed or decided by someone else');
  }
}

/** Records an approved risk band override of an assessment. */
export async function insertRiskBandOverride(
  manager: EntityManager,
  values: {
    id: string;
    applicationId: string;
    assessmentId: string;
    band: string;
    rationale: string;
    approvalId: string;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO risk_band_overrides (id, application_id, assessment_id, band, rationale, approval_id)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [values.id, values.applicationId, values.assessmentId, values.band, values.rationale, values.approvalId],
  );
}

/** The assessment's application (for the override request route), or null. */
export async function findAssessmentApplication(
  manager: EntityManager,
  assessmentId: string,
): Promise<{ id: string; applicationId: string } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(assessmentId)) return null;
  const rows: Array<{ id: string; application_id: string }> = await manager.query(
    `SELECT id, application_id FROM risk_assessments WHERE id = $1`,
    [assessmentId],
  );
  return rows[0] ? { id: rows[0].id, applicationId: rows[0].application_id } : null;
}
