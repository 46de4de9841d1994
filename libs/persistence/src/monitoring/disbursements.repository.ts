import { type EntityManager } from 'typeorm';
import { DISBURSEMENT_STATUSES, oneOf, type Disbursement } from '@forge/domain';
import { type DatesAsText } from '../date-columns.js';
import { type DisbursementsRow } from '../entities/disbursements.entity.js';
import { type RepaymentsRow } from '../entities/repayments.entity.js';

/** The row `COLUMNS` selects. */
type DisbursementRow = DatesAsText<Omit<DisbursementsRow, 'due_at'>, 'value_date'>;

function toDisbursement(row: DisbursementRow): Disbursement & { approvalId: string | null } {
  return {
    id: row.id,
    applicationId: row.application_id,
    trancheId: row.tranche_id,
    amountUsd: Number(row.amount_usd),
    status: oneOf(DISBURSEMENT_STATUSES, row.status, 'disbursements.status'),
    requestedBy: row.requested_by,
    requestedAt: row.requested_at.toISOString(),
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at?.toISOString() ?? null,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at?.toISOString() ?? null,
    valueDate: row.value_date,
    note: row.note,
    approvalId: row.approval_id,
  };
}

const COLUMNS = `id, application_id, tranche_id, amount_usd, status, requested_by, requested_at, proposed_by,
  proposed_at, approval_id, decided_by, decided_at, to_char(value_date, 'YYYY-MM-DD') AS value_date, note`;

export type DisbursementRecord = ReturnType<typeof toDisbursement>;

/** Every disbursement of an application, oldest first. */
export async function listDisbursements(
  manager: EntityManager,
  applicationId: string,
): Promise<DisbursementRecord[]> {
  const rows: DisbursementRow[] = await manager.query(
    `SELECT ${COLUMNS} FROM disbursements WHERE application_id = $1 ORDER BY requested_at, id`,
    [applicationId],
  );
  return rows.map(toDisbursement);
}

/** `dueAt`: the request's due time, fixed when requested (docs/notifications.md "Due times"). */
export async function insertDisbursement(
  manager: EntityManager,
  d: Disbursement,
  dueAt: Date | null,
): Promise<void> {
  await manager.query(
    `INSERT INTO disbursements (id, application_id, tranche_id, amount_usd, status, requested_by, requested_at, due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [d.id, d.applicationId, d.trancheId, d.amountUsd, d.status, d.requestedBy, d.requestedAt, dueAt],
  );
}

/** Writes a disbursement's new status and decision fields (the trigger bounds Σ disbursed). */
export async function updateDisbursement(
  manager: EntityManager,
  d: Disbursement & { approvalId?: string | null },
): Promise<void> {
  await manager.query(
    `UPDATE disbursements SET status = $2, proposed_by = $3, proposed_at = $4, decided_by = $5, decided_at = $6,
            value_date = $7::date, note = $8, approval_id = COALESCE($9, approval_id)
      WHERE id = $1`,
    [
      d.id,
      d.status,
      d.proposedBy,
      d.proposedAt,
      d.decidedBy,
      d.decidedAt,
      d.valueDate,
      d.note,
      d.approvalId ?? null,
    ],
  );
}

export async function insertRepayment(
  manager: EntityManager,
  r: {
    id: string;
    applicationId: string;
    amountUsd: number;
    valueDate: string;
    recordedBy: string;
    recordedAt: Date;
    note: string | null;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO repayments (id, application_id, amount_usd, value_date, recorded_by, recorded_at, note)
     VALUES ($1, $2, $3, $4::date, $5, $6, $7)`,
    [r.id, r.applicationId, r.amountUsd, r.valueDate, r.recordedBy, r.recordedAt, r.note],
  );
}

/** A repayment as the money view lists it. */
export interface RepaymentRecord {
  id: string;
  amountUsd: number;
  valueDate: string;
  recordedBy: string;
  recordedAt: string;
  note: string | null;
}

/** Every repayment of an application, by value date. */
export async function listRepayments(
  manager: EntityManager,
  applicationId: string,
): Promise<RepaymentRecord[]> {
  const rows: DatesAsText<Omit<RepaymentsRow, 'application_id'>, 'value_date'>[] = await manager.query(
    `SELECT id, amount_usd, to_char(value_date, 'YYYY-MM-DD') AS value_date, recorded_by, recorded_at, note
       FROM repayments WHERE application_id = $1 ORDER BY value_date, recorded_at, id`,
    [applicationId],
  );
  return rows.map((r) => ({
    id: r.id,
    amountUsd: Number(r.amount_usd),
    valueDate: r.value_date,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at.toISOString(),
    note: r.note,
  }));
}
