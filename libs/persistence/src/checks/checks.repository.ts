import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import {
  type AutomatedCheck,
  canonicalJson,
  type CheckCode,
  type CheckOutcome,
  mergeCheckOutcome,
  type MergedCheck,
  type StoredCheck,
} from '@forge/domain';

/** A check row as stored (checks.md), with its id and the stage it sits on. */
export interface CheckRow {
  id: string;
  code: CheckCode;
  /** `screening`, `esg_review`, or the later stage a re-screening hit opened it on. */
  stage: string;
  outcome: CheckOutcome;
  automated: boolean;
  detail: Record<string, unknown>;
  note: string | null;
  resolvedBy: string | null;
}

interface Row {
  id: string;
  code: string;
  stage: string;
  outcome: string;
  automated: boolean;
  detail: Record<string, unknown> | null;
  note: string | null;
  resolved_by: string | null;
}

const toCheck = (row: Row): CheckRow => ({
  id: row.id,
  code: row.code as CheckCode,
  stage: row.stage,
  outcome: row.outcome as CheckOutcome,
  automated: row.automated,
  detail: row.detail ?? {},
  note: row.note,
  resolvedBy: row.resolved_by,
});

/** Every check of an application, by code. `lock` takes row locks (use inside the writing transaction). */
export async function loadChecks(
  manager: EntityManager,
  applicationId: string,
  lock = false,
): Promise<Map<string, CheckRow>> {
  const rows: Row[] = await manager.query(
    `SELECT id, code, stage, outcome, automated, detail, note, resolved_by FROM checks
      WHERE application_id = $1 ORDER BY code${lock ? ' FOR UPDATE' : ''}`,
    [applicationId],
  );
  return new Map(rows.map((row) => [row.code, toCheck(row)]));
}

const asStored = (row: CheckRow): StoredCheck => ({
  code: row.code,
  stage: row.stage as StoredCheck['stage'],
  outcome: row.outcome,
  automated: row.automated,
  detail: row.detail,
  resolvedBy: row.resolvedBy,
  note: row.note,
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

export interface CheckWriteSummary {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Codes whose four-eyes outcome a re-evaluation would change: a pending `check.reevaluate` item holds it. */
  reevaluations?: string[];
}

const sameRow = (a: CheckRow, b: CheckWrite): boolean =>
  a.stage === b.stage &&
  a.outcome === b.outcome &&
  a.automated === b.automated &&
  a.note === b.note &&
  a.resolvedBy === b.resolvedBy &&
  canonicalJson(a.detail) === canonicalJson(b.detail);

/** Inserts or updates check rows (only those that differ from what is stored). */
export async function writeChecks(
  manager: EntityManager,
  applicationId: string,
  existing: ReadonlyMap<string, CheckRow>,
  writes: readonly CheckWrite[],
): Promise<CheckWriteSummary> {
  const summary: CheckWriteSummary = { created: [], updated: [], unchanged: [] };
  for (const write of writes) {
    const before = existing.get(write.code);
    if (write.reevaluation && before) {
      if (await openCheckReevaluation(manager, applicationId, before, write.reevaluation)) {
        (summary.reevaluations ??= []).push(write.code);
      }
    }
    if (before && sameRow(before, write)) {
      summary.unchanged.push(write.code);
      continue;
    }
    await manager.query(
      `INSERT INTO checks (id, application_id, code, stage, outcome, automated, detail, note, resolved_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, now())
       ON CONFLICT (application_id, code) DO UPDATE SET stage = EXCLUDED.stage, outcome = EXCLUDED.outcome,
         automated = EXCLUDED.automated, detail = EXCLUDED.detail, note = EXCLUDED.note,
         resolved_by = EXCLUDED.resolved_by, updated_at = now()`,
      [
        randomUUID(),
        applicationId,
        write.code,
        write.stage,
        write.outcome,
        write.automated,
        JSON.stringify(write.detail),
        write.note,
        write.resolvedBy,
      ],
    );
    (before ? summary.updated : summary.created).push(write.code);
  }
  return summary;
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
  existing: ReadonlyMap<string, CheckRow>,
  recomputed: readonly AutomatedCheck[],
): Array<{ write: CheckWrite; merged: MergedCheck; previous: CheckRow | undefined }> {
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
  check: CheckRow,
  reevaluation: NonNullable<CheckWrite['reevaluation']>,
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
    `INSERT INTO approvals (id, application_id, action, subject, payload, maker_id)
     VALUES ($1, $2, 'check.reevaluate', $3, $4::jsonb, $5)`,
    [randomUUID(), applicationId, check.code, JSON.stringify({ ...payload, endorsedBy: null }), makerId],
  );
  return true;
}
