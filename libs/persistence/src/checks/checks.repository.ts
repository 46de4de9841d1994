import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import {
  type AutomatedCheck,
  canonicalJson,
  type CheckCode,
  type CheckOutcome,
  jsonObjectOrNull,
  mergeCheckOutcome,
  type MergedCheck,
  type StoredCheck,
} from '@forge/domain';
import {
  CHECK_COLUMNS,
  type CheckColumnsRow,
  type CheckRecord,
  toCheck,
} from '../applications/application-details.repository.js';

/** Every check of an application, by code. `lock` takes row locks (use inside the writing transaction). */
export async function loadChecks(
  manager: EntityManager,
  applicationId: string,
  lock = false,
): Promise<Map<string, CheckRecord>> {
  const rows: CheckColumnsRow[] = await manager.query(
    `SELECT ${CHECK_COLUMNS} FROM checks WHERE application_id = $1 ORDER BY code${lock ? ' FOR UPDATE' : ''}`,
    [applicationId],
  );
  return new Map(rows.map((row) => [row.code, toCheck(row)]));
}

/** A stored check's detail as the merge rules read it: an object (none stored reads as `{}`). */
const detailOf = (check: CheckRecord): Record<string, unknown> => jsonObjectOrNull(check.detail) ?? {};

const asStored = (check: CheckRecord): StoredCheck => ({
  code: check.code,
  stage: check.stage,
  outcome: check.outcome,
  automated: check.automated,
  detail: detailOf(check),
  resolvedBy: check.resolvedBy,
  note: check.note,
});

export interface CheckWrite {
  code: CheckCode;
  stage: string;
  outcome: CheckOutcome;
  automated: boolean;
  detail: Record<string, unknown>;
  note: string | null;
  resolvedBy: string | null;
  /**
   * Set when the stored outcome was set through four eyes (a waiver) and the inputs changed (issue 13.4): the
   * outcome is kept and `writeChecks` opens (or updates) a pending `check.reevaluate` item proposing
   * `proposedOutcome`.
   */
  reevaluation?: { proposedOutcome: AutomatedCheck['outcome']; keptOutcome: CheckOutcome };
}

/**
 * When a `check.reevaluate` item `writeChecks` opens is created and due: the command's clock and the approval
 * deadline the caller computed (docs/notifications.md "Due times are fixed when the work is created").
 */
export interface ApprovalTiming {
  createdAt: Date;
  dueAt: Date | null;
}

export interface CheckWriteSummary {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Codes whose four-eyes outcome a re-evaluation would change: a pending `check.reevaluate` item holds it. */
  reevaluations?: string[];
}

const sameRow = (a: CheckRecord, b: CheckWrite): boolean =>
  a.stage === b.stage &&
  a.outcome === b.outcome &&
  a.automated === b.automated &&
  a.note === b.note &&
  a.resolvedBy === b.resolvedBy &&
  canonicalJson(detailOf(a)) === canonicalJson(b.detail);

/**
 * Inserts or updates check rows (only those that differ from what is stored), all in one statement (issue 18.4: a
 * screening writes a dozen checks, and one statement per check was a round trip each while the application row
 * is locked). A code written twice keeps its last write, as when the writes ran one after the other.
 */
export async function writeChecks(
  manager: EntityManager,
  applicationId: string,
  existing: ReadonlyMap<string, CheckRecord>,
  writes: readonly CheckWrite[],
  timing: ApprovalTiming,
): Promise<CheckWriteSummary> {
  const { summary, changed } = await changedChecks(manager, applicationId, existing, writes, timing);
  if (changed.length > 0) {
    await manager.query(`${UPSERT_CHECKS_SQL} SELECT 1`, [applicationId, upsertRows(changed)]);
  }
  return summary;
}

/**
 * `writeChecks`, answering also every check of the application as `CHECKS_SQL` would list it right after the
 * writes (same order, same columns), in the same statement: the rows written (as stored, their ids kept on update)
 * and the other rows as the statement's snapshot has them.
 */
export async function writeChecksAndList(
  manager: EntityManager,
  applicationId: string,
  existing: ReadonlyMap<string, CheckRecord>,
  writes: readonly CheckWrite[],
  timing: ApprovalTiming,
): Promise<{ summary: CheckWriteSummary; checks: CheckRecord[] }> {
  const { summary, changed } = await changedChecks(manager, applicationId, existing, writes, timing);
  const rows: CheckColumnsRow[] = await manager.query(
    `${UPSERT_CHECKS_SQL}
     SELECT ${CHECK_COLUMNS} FROM written
     UNION ALL
     SELECT ${CHECK_COLUMNS} FROM checks
      WHERE application_id = $1 AND code NOT IN (SELECT code FROM written)
     ORDER BY code`,
    [applicationId, upsertRows(changed)],
  );
  return { summary, checks: rows.map(toCheck) };
}

/** The writes that change a stored row (the last write of a code wins), opening re-evaluations on the way. */
async function changedChecks(
  manager: EntityManager,
  applicationId: string,
  existing: ReadonlyMap<string, CheckRecord>,
  writes: readonly CheckWrite[],
  timing: ApprovalTiming,
): Promise<{ summary: CheckWriteSummary; changed: CheckWrite[] }> {
  const summary: CheckWriteSummary = { created: [], updated: [], unchanged: [] };
  const changed = new Map<string, CheckWrite>();
  for (const write of writes) {
    const before = existing.get(write.code);
    if (write.reevaluation && before) {
      if (await openCheckReevaluation(manager, applicationId, before, write.reevaluation, timing)) {
        (summary.reevaluations ??= []).push(write.code);
      }
    }
    if (before && sameRow(before, write)) {
      summary.unchanged.push(write.code);
      continue;
    }
    changed.delete(write.code);
    changed.set(write.code, write);
    (before ? summary.updated : summary.created).push(write.code);
  }
  return { summary, changed: [...changed.values()] };
}

/**
 * The upsert of `$2` (a JSON array of check rows) for application `$1`, as the CTE `written` returning the rows as
 * stored; the caller appends the statement's final SELECT.
 */
const UPSERT_CHECKS_SQL = `WITH written AS (
  INSERT INTO checks (id, application_id, code, stage, outcome, automated, detail, note, resolved_by, updated_at)
  SELECT v.id, $1, v.code, v.stage, v.outcome, v.automated, v.detail, v.note, v.resolved_by, now()
    FROM jsonb_to_recordset($2::jsonb)
      AS v(id uuid, code text, stage text, outcome text, automated boolean, detail jsonb, note text, resolved_by uuid)
  ON CONFLICT (application_id, code) DO UPDATE SET stage = EXCLUDED.stage, outcome = EXCLUDED.outcome,
    automated = EXCLUDED.automated, detail = EXCLUDED.detail, note = EXCLUDED.note,
    resolved_by = EXCLUDED.resolved_by, updated_at = now()
  RETURNING ${CHECK_COLUMNS})`;

function upsertRows(changed: readonly CheckWrite[]): string {
  return JSON.stringify(
    changed.map((write) => ({
      id: randomUUID(),
      code: write.code,
      stage: write.stage,
      outcome: write.outcome,
      automated: write.automated,
      detail: write.detail,
      note: write.note,
      resolved_by: write.resolvedBy,
    })),
  );
}

/** Deletes the named checks of an application. */
export async function deleteChecks(
  manager: EntityManager,
  applicationId: string,
  codes: readonly string[],
): Promise<void> {
  if (codes.length === 0) return;
  await manager.query(`DELETE FROM checks WHERE application_id = $1 AND code = ANY($2::text[])`, [
    applicationId,
    codes,
  ]);
}

/**
 * Merges recomputed automated checks with the stored rows (`mergeCheckOutcome`: officer resolutions and
 * waivers kept while the inputs are unchanged, a fail never turned into pass without changed inputs).
 * Returns the rows to write, with the merge decision of each.
 */
export function mergeAutomatedChecks(
  existing: ReadonlyMap<string, CheckRecord>,
  recomputed: readonly AutomatedCheck[],
): Array<{ write: CheckWrite; merged: MergedCheck; previous: CheckRecord | undefined }> {
  return recomputed.map((check) => {
    const previous = existing.get(check.code);
    const merged = mergeCheckOutcome(previous ? asStored(previous) : null, check);
    return {
      previous,
      merged,
      write: {
        code: merged.code,
        // A check a re-screening opened on a later stage stays on that stage.
        stage: previous?.stage ?? merged.stage,
        outcome: merged.outcome,
        automated: merged.automated,
        detail: merged.detail,
        note: merged.note,
        resolvedBy: merged.resolvedBy,
        ...(merged.reevaluation ? { reevaluation: merged.reevaluation } : {}),
      },
    };
  });
}

/**
 * Opens the pending `check.reevaluate` item of a check whose four-eyes outcome a re-evaluation would change, or
 * updates the pending one's proposal (a changed proposal drops an endorsement given for the previous one). Its
 * maker is the officer who proposed the waiver it would undo (the approved `check.waive` item's maker; else the
 * check's `resolvedBy`), so that officer cannot decide it and two others must (docs/checks.md). Returns false,
 * opening nothing, when no such officer is on record (a waiver written outside maker-checker).
 */
async function openCheckReevaluation(
  manager: EntityManager,
  applicationId: string,
  check: CheckRecord,
  reevaluation: NonNullable<CheckWrite['reevaluation']>,
  timing: ApprovalTiming,
): Promise<boolean> {
  const [pending]: Array<{ id: string; payload: Record<string, unknown> | null }> = await manager.query(
    `SELECT id, payload FROM approvals
      WHERE application_id = $1 AND action = 'check.reevaluate' AND subject = $2 AND status = 'pending' FOR UPDATE`,
    [applicationId, check.code],
  );
  const payload = { proposedOutcome: reevaluation.proposedOutcome, keptOutcome: reevaluation.keptOutcome };
  if (pending) {
    if (pending.payload?.['proposedOutcome'] === reevaluation.proposedOutcome) return true;
    await manager.query(`UPDATE approvals SET payload = $2::jsonb WHERE id = $1`, [
      pending.id,
      JSON.stringify({ ...payload, endorsedBy: null }),
    ]);
    return true;
  }
  const [waiver]: Array<{ maker_id: string }> = await manager.query(
    `SELECT maker_id FROM approvals
      WHERE application_id = $1 AND action = 'check.waive' AND subject = $2 AND status = 'approved'
      ORDER BY decided_at DESC NULLS LAST LIMIT 1`,
    [applicationId, check.code],
  );
  const makerId = waiver?.maker_id ?? check.resolvedBy;
  if (!makerId || !/^[0-9a-f-]{36}$/i.test(makerId)) return false;
  await manager.query(
    `INSERT INTO approvals (id, application_id, action, subject, payload, maker_id, created_at, due_at)
     VALUES ($1, $2, 'check.reevaluate', $3, $4::jsonb, $5, $6, $7)`,
    [
      randomUUID(),
      applicationId,
      check.code,
      JSON.stringify({ ...payload, endorsedBy: null }),
      makerId,
      timing.createdAt,
      timing.dueAt,
    ],
  );
  return true;
}
