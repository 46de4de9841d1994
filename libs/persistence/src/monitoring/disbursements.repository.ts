import { type EntityManager } from 'typeorm';
import { type Disbursement, type DisbursementStatus } from '@forge/domain';

type Row = Record<string, unknown>;

const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);
const date = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : typeof value === 'string'
      ? value.slice(0, 10)
      : iso(value)!.slice(0, 10);

function toDisbursement(row: Row): Disbursement & { approvalId: string | null } {
  return {
    id: row.id as string,
    applicationId: row.application_id as string,
    trancheId: row.tranche_id as string,
    amountUsd: Number(row.amount_usd),
    status: row.status as DisbursementStatus,
    requestedBy: row.requested_by as string,
    requestedAt: iso(row.requested_at) as string,
    proposedBy: (row.proposed_by as string | null) ?? null,
    proposedAt: iso(row.proposed_at),
    decidedBy: (row.decided_by as string | null) ?? null,
    decidedAt: iso(row.decided_at),
    valueDate: date(row.value_date),
    note: (row.note as string | null) ?? null,
    approvalId: (row.approval_id as string | null) ?? null,
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
  const rows: Row[] = await manager.query(
    `SELECT ${COLUMNS} FROM disbursements WHERE application_id = $1 ORDER BY requested_at, id`,
    [applicationId],
  );
  return rows.map(toDisbursement);
}

export async function insertDisbursement(manager: EntityManager, d: Disbursement): Promise<void> {
  await manager.query(
    `INSERT INTO disbursements (id, application_id, tranche_id, amount_usd, status, requested_by, requested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [d.id, d.applicationId, d.trancheId, d.amountUsd, d.status, d.requestedBy, d.requestedAt],
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

export async function listRepayments(
  manager: EntityManager,
  applicationId: string,
): Promise<
  {
    id: string;
    amountUsd: number;
    valueDate: string;
    recordedBy: string;
    recordedAt: string;
    note: string | null;
  }[]
> {
  const rows: Row[] = await manager.query(
    `SELECT id, amount_usd, to_char(value_date, 'YYYY-MM-DD') AS value_date, recorded_by, recorded_at, note
       FROM repayments WHERE application_id = $1 ORDER BY value_date, recorded_at, id`,
    [applicationId],
  );
  return rows.map((r) => ({
    id: r.id as string,
    amountUsd: Number(r.amount_usd),
    valueDate: r.value_date as string,
    recordedBy: r.recorded_by as string,
    recordedAt: iso(r.recorded_at) as string,
    note: (r.note as string | null) ?? null,
  }));
}
