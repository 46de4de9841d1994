import { type AuditAlarm, type AuditAlarmCode } from '../checkpoint-log.js';
import { type SqlRunner } from './audit-event.reader.js';

/** The outcome of the last checkpoint attempt (`audit_status`, name `checkpoint`). */
export interface CheckpointAttemptStatus {
  outcome: 'signed' | 'refused';
  at: string;
  /** The latest signed checkpoint's tree size when the attempt ended. */
  treeSize: number | null;
  /** When refused: why, since when (the first refusal of this streak) and how many times in a row. */
  refusal: { code: AuditAlarmCode; message: string; since: string; count: number } | null;
}

/** The last full verification by any process (`verify`). */
export interface VerificationStatus {
  at: string;
  valid: boolean;
  length: number;
  alarms: AuditAlarm[];
}

/** Deliveries to the external witness (`witness`). */
export interface WitnessStatus {
  url: string;
  /** The largest tree size the witness acknowledged, and its root. */
  acknowledgedTreeSize: number | null;
  acknowledgedRootHash: string | null;
  at: string;
  /** The last failed delivery of this streak, or null when the last delivery succeeded. */
  failure: { message: string; since: string; count: number; treeSize: number } | null;
}

export interface AuditStatusRows {
  checkpoint: CheckpointAttemptStatus;
  verify: VerificationStatus;
  witness: WitnessStatus;
}

export type AuditStatusName = keyof AuditStatusRows;

/** Reads one status row (null when never written). */
export async function readAuditStatus<N extends AuditStatusName>(
  db: SqlRunner,
  name: N,
): Promise<AuditStatusRows[N] | null> {
  const rows = await db.query<Array<{ status: AuditStatusRows[N] }>>(
    `SELECT status FROM audit_status WHERE name = $1`,
    [name],
  );
  return rows[0]?.status ?? null;
}

/** A stored row: a name and the status of that name (`writeAuditStatus` is the only writer). */
type AuditStatusEntry = { [N in AuditStatusName]: { name: N; status: AuditStatusRows[N] } }[AuditStatusName];

function put<N extends AuditStatusName>(
  out: Partial<AuditStatusRows>,
  entry: { name: N; status: AuditStatusRows[N] },
) {
  out[entry.name] = entry.status;
}

/** Every status row at once (for the health endpoint). */
export async function readAllAuditStatus(db: SqlRunner): Promise<Partial<AuditStatusRows>> {
  const rows = await db.query<AuditStatusEntry[]>(`SELECT name, status FROM audit_status`);
  const out: Partial<AuditStatusRows> = {};
  for (const row of rows) put(out, row);
  return out;
}

/** Overwrites one status row. */
export async function writeAuditStatus<N extends AuditStatusName>(
  db: SqlRunner,
  name: N,
  status: AuditStatusRows[N],
): Promise<void> {
  await db.query(
    `INSERT INTO audit_status (name, status, updated_at) VALUES ($1, $2::jsonb, now())
     ON CONFLICT (name) DO UPDATE SET status = EXCLUDED.status, updated_at = now()`,
    [name, JSON.stringify(status)],
  );
}
