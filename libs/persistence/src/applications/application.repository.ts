import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { type ApplicationsRow } from '../entities/applications.entity.js';
import { returnedRows } from '../returned-rows.js';
import {
  DomainError,
  formatReference,
  type DraftApplicationInput,
  type RecordedFinancing,
  type ScreeningResult,
} from '@forge/domain';

/** One `applications` row, as the pipeline reads it (snake_case columns mapped to camelCase). */
export interface ApplicationRecord {
  id: string;
  reference: string;
  organizationId: string;
  createdBy: string;
  stage: string;
  version: number;
  assigneeId: string | null;
  input: DraftApplicationInput;
  proposedCategory: string | null;
  category: string | null;
  categoryRationale: string | null;
  financing: RecordedFinancing | null;
  screening: ScreeningResult | null;
  screeningVersion: number | null;
  screeningRequestedVersion: number | null;
  movedToCommitteeBy: string | null;
  committeeRound: number;
  committeeDecision: string | null;
  icPackHash: string | null;
  icAssessmentId: string | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** monitoring.md: Σ disbursed and Σ repaid (integer US dollars; bounded by the database). */
  disbursedUsd: number;
  repaidUsd: number;
  onWatchlist: boolean;
  /** The organisations its co-financing lines name (what the partner read rule looks at). */
  cofinancierOrganizationIds: string[];
}

export const APPLICATION_COLUMNS = `id, reference, organization_id, created_by, stage, version, assignee_id, input,
  proposed_category, category, category_rationale, financing, screening, screening_version,
  screening_requested_version, moved_to_committee_by, committee_round, committee_decision, ic_pack_hash,
  ic_assessment_id, submitted_at, created_at, updated_at, disbursed_usd, repaid_usd, on_watchlist,
  ARRAY(SELECT DISTINCT cl.organization_id::text FROM cofinancing_lines cl
         WHERE cl.application_id = applications.id ORDER BY 1) AS cofinancier_organization_ids`;

/** The row `APPLICATION_COLUMNS` selects: the table's row and the co-financing organisations. */
export type ApplicationColumnsRow = Omit<ApplicationsRow, 'stage_entered_at' | 'decided_at'> & {
  cofinancier_organization_ids: string[];
};
type Row = ApplicationColumnsRow;

export function toApplicationRecord(row: Row): ApplicationRecord {
  return {
    id: row.id,
    reference: row.reference,
    organizationId: row.organization_id,
    createdBy: row.created_by,
    stage: row.stage,
    version: row.version,
    assigneeId: row.assignee_id,
    input: row.input,
    proposedCategory: row.proposed_category,
    category: row.category,
    categoryRationale: row.category_rationale,
    financing: row.financing,
    screening: row.screening,
    screeningVersion: row.screening_version,
    screeningRequestedVersion: row.screening_requested_version,
    movedToCommitteeBy: row.moved_to_committee_by,
    committeeRound: row.committee_round,
    committeeDecision: row.committee_decision,
    icPackHash: row.ic_pack_hash,
    icAssessmentId: row.ic_assessment_id,
    submittedAt: row.submitted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    disbursedUsd: Number(row.disbursed_usd),
    repaidUsd: Number(row.repaid_usd),
    onWatchlist: row.on_watchlist,
    cofinancierOrganizationIds: row.cofinancier_organization_ids,
  };
}

/**
 * Takes the next reference of `year` from `application_reference_seq`. `nextval` holds no lock to COMMIT, so
 * concurrent creations do not wait for each other; a rolled-back creation leaves a gap, and the number runs on
 * across years (docs/pipeline.md, "References").
 */
export async function nextApplicationReference(manager: EntityManager, year: number): Promise<string> {
  const [row]: Array<{ n: string }> = await manager.query(`SELECT nextval('application_reference_seq') AS n`);
  return formatReference(year, Number(row!.n));
}

export async function insertApplication(
  manager: EntityManager,
  values: { organizationId: string; createdBy: string; input: object; now: Date },
): Promise<ApplicationRecord> {
  const id = randomUUID();
  const reference = await nextApplicationReference(manager, values.now.getUTCFullYear());
  const rows: Row[] = await manager.query(
    `INSERT INTO applications (id, reference, organization_id, created_by, stage, version, input, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'draft', 1, $5::jsonb, $6, $6)
     RETURNING ${APPLICATION_COLUMNS}`,
    [id, reference, values.organizationId, values.createdBy, JSON.stringify(values.input), values.now],
  );
  return toApplicationRecord(rows[0]!);
}

/** The application row, or null. `lock` takes a row lock (FOR UPDATE) until the transaction ends. */
export async function findApplication(
  manager: EntityManager,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ApplicationRecord | null> {
  if (!isUuid(id)) return null;
  const rows: Row[] = await manager.query(
    `SELECT ${APPLICATION_COLUMNS} FROM applications WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toApplicationRecord(rows[0]) : null;
}

/** Columns a command may change besides `version` and `updated_at`. */
export interface ApplicationChanges {
  stage?: string;
  assigneeId?: string | null;
  input?: DraftApplicationInput;
  proposedCategory?: string | null;
  category?: string | null;
  categoryRationale?: string | null;
  financing?: RecordedFinancing | null;
  screening?: ScreeningResult | null;
  screeningVersion?: number | null;
  screeningRequestedVersion?: number | null;
  movedToCommitteeBy?: string | null;
  committeeRound?: number;
  committeeDecision?: string | null;
  icPackHash?: string | null;
  icAssessmentId?: string | null;
  submittedAt?: Date | null;
  disbursedUsd?: number;
  repaidUsd?: number;
  financedAt?: Date | null;
  onWatchlist?: boolean;
  /** At a stage change: when, and the stage's due time (migration StoredDueTimes). */
  stageEnteredAt?: Date;
  stageDueAt?: Date | null;
  /** The next annual report's due date (`YYYY-MM-DD`). */
  nextReportDueDate?: string | null;
}

const COLUMN_OF: Record<keyof ApplicationChanges, { column: string; json?: boolean }> = {
  stage: { column: 'stage' },
  assigneeId: { column: 'assignee_id' },
  input: { column: 'input', json: true },
  proposedCategory: { column: 'proposed_category' },
  category: { column: 'category' },
  categoryRationale: { column: 'category_rationale' },
  financing: { column: 'financing', json: true },
  screening: { column: 'screening', json: true },
  screeningVersion: { column: 'screening_version' },
  screeningRequestedVersion: { column: 'screening_requested_version' },
  movedToCommitteeBy: { column: 'moved_to_committee_by' },
  committeeRound: { column: 'committee_round' },
  committeeDecision: { column: 'committee_decision' },
  icPackHash: { column: 'ic_pack_hash' },
  icAssessmentId: { column: 'ic_assessment_id' },
  submittedAt: { column: 'submitted_at' },
  disbursedUsd: { column: 'disbursed_usd' },
  repaidUsd: { column: 'repaid_usd' },
  financedAt: { column: 'financed_at' },
  onWatchlist: { column: 'on_watchlist' },
  stageEnteredAt: { column: 'stage_entered_at' },
  stageDueAt: { column: 'stage_due_at' },
  nextReportDueDate: { column: 'next_report_due_date' },
};

/**
 * Optimistic concurrency: `UPDATE … WHERE id AND version = expected`, bumping the version by one.
 * 0 rows → 409 `APPLICATION.VERSION_CONFLICT`. Returns the new version.
 */
export async function updateApplicationVersioned(
  manager: EntityManager,
  id: string,
  expectedVersion: number,
  changes: ApplicationChanges,
  now: Date,
): Promise<number> {
  const row = await updateApplicationReturning<{ version: number }>(
    manager,
    id,
    expectedVersion,
    changes,
    now,
    'version',
  );
  return Number(row.version);
}

/**
 * `updateApplicationVersioned` answering the row as the UPDATE left it (`APPLICATION_COLUMNS`, the row's BEFORE
 * triggers applied), so a command need not read it back.
 */
export async function updateApplicationRecord(
  manager: EntityManager,
  id: string,
  expectedVersion: number,
  changes: ApplicationChanges,
  now: Date,
): Promise<ApplicationRecord> {
  return toApplicationRecord(
    await updateApplicationReturning<Row>(manager, id, expectedVersion, changes, now, APPLICATION_COLUMNS),
  );
}

async function updateApplicationReturning<T>(
  manager: EntityManager,
  id: string,
  expectedVersion: number,
  changes: ApplicationChanges,
  now: Date,
  returning: string,
): Promise<T> {
  const sets: string[] = [];
  const params: unknown[] = [id, expectedVersion, now];
  for (const [key, value] of Object.entries(changes) as Array<[keyof ApplicationChanges, unknown]>) {
    if (value === undefined) continue;
    const target = COLUMN_OF[key];
    params.push(target.json && value !== null ? JSON.stringify(value) : value);
    sets.push(`${target.column} = $${params.length}${target.json ? '::jsonb' : ''}`);
  }
  const [row] = returnedRows<T>(
    await manager.query(
      `UPDATE applications SET ${[...sets, 'version = version + 1', 'updated_at = $3'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING ${returning}`,
      params,
    ),
  );
  if (row === undefined) {
    throw new DomainError(
      'APPLICATION.VERSION_CONFLICT',
      `the application changed since version ${expectedVersion}: reload it and try again`,
    );
  }
  return row;
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
