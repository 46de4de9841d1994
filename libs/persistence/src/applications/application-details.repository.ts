import { type EntityManager } from 'typeorm';
import {
  CHECK_CODES,
  CHECK_OUTCOMES,
  CHECK_STAGES,
  type CheckCode,
  type CheckOutcome,
  type CheckStage,
  type Disposition,
  DISPOSITIONS,
  INFORMATION_REQUEST_STATUSES,
  type InformationRequestStatus,
  type JsonValue,
  oneOf,
  oneOfOrNull,
  VOTE_DECISIONS,
  type VoteDecision,
} from '@forge/domain';
import { type ChecksRow } from '../entities/checks.entity.js';
import { type CommitteeVotesRow } from '../entities/committee_votes.entity.js';
import {
  type ConditionEvidence,
  type ConditionsPrecedentRow,
} from '../entities/conditions_precedent.entity.js';
import { type DocumentsRow } from '../entities/documents.entity.js';
import { type InformationRequestsRow } from '../entities/information_requests.entity.js';
import { type ScreeningDispositionsRow } from '../entities/screening_dispositions.entity.js';
import { returnedRows } from '../returned-rows.js';

/** The rows hanging off an application, as the pipeline and the application view read them. */

/** A check row as stored (checks.md), with its id and the stage it sits on: the one mapping of the checks table. */
export interface CheckRecord {
  id: string;
  code: CheckCode;
  /** `screening`, `esg_review`, or the later stage a re-screening hit opened it on. */
  stage: CheckStage;
  outcome: CheckOutcome;
  automated: boolean;
  detail: JsonValue | null;
  note: string | null;
  resolvedBy: string | null;
}

export interface DispositionRecord {
  id: string;
  partyName: string;
  disposition: Disposition;
  note: string | null;
  decidedBy: string;
  createdAt: Date;
}

export interface InformationRequestRecord {
  id: string;
  stage: string;
  question: string;
  askedBy: string;
  askedAt: Date;
  answer: string | null;
  documentIds: string[];
  amendments: InformationRequestsRow['amendments'];
  answeredBy: string | null;
  answeredAt: Date | null;
  status: InformationRequestStatus;
}

export interface DocumentRecord {
  id: string;
  applicationId: string;
  kind: string;
  sha256: string;
  size: number;
  mediaType: string;
  filename: string | null;
  uploadedBy: string;
  createdAt: Date;
}

export interface VoteRecord {
  id: string;
  userId: string;
  round: number;
  decision: VoteDecision | null;
  rationale: string;
  conflictOfInterest: boolean;
  /** Conditions proposed with an approving vote. */
  conditions: string[];
  createdAt: Date;
}

export interface ConditionRecord {
  id: string;
  position: number;
  text: string;
  satisfied: boolean;
  evidence: ConditionEvidence | null;
  satisfiedAt: Date | null;
}

/** The columns of a check row every reader and writer of checks selects (`CheckColumnsRow`). */
export const CHECK_COLUMNS = 'id, code, stage, outcome, automated, detail, note, resolved_by';

/** `$1` is the application id; each detail list is one such statement (also inlined by the one-statement view). */
export const CHECKS_SQL = `SELECT ${CHECK_COLUMNS} FROM checks WHERE application_id = $1 ORDER BY code`;

/** The row `CHECKS_SQL` selects. */
export type CheckColumnsRow = Omit<ChecksRow, 'application_id' | 'updated_at'>;

export async function listChecks(manager: EntityManager, applicationId: string): Promise<CheckRecord[]> {
  const rows: CheckColumnsRow[] = await manager.query(CHECKS_SQL, [applicationId]);
  return rows.map(toCheck);
}

const CHECK_CODE_LIST: readonly CheckCode[] = Object.values(CHECK_CODES);

export function toCheck(r: CheckColumnsRow): CheckRecord {
  return {
    id: r.id,
    code: oneOf(CHECK_CODE_LIST, r.code, 'checks.code'),
    stage: oneOf(CHECK_STAGES, r.stage, 'checks.stage'),
    outcome: oneOf(CHECK_OUTCOMES, r.outcome, 'checks.outcome'),
    automated: r.automated,
    detail: r.detail,
    note: r.note,
    resolvedBy: r.resolved_by,
  };
}

export async function findCheck(
  manager: EntityManager,
  applicationId: string,
  code: string,
): Promise<CheckRecord | null> {
  return (await listChecks(manager, applicationId)).find((c) => c.code === code) ?? null;
}

export async function updateCheckResolution(
  manager: EntityManager,
  checkId: string,
  values: { outcome: CheckRecord['outcome']; note: string | null; resolvedBy: string | null },
): Promise<void> {
  await manager.query(
    `UPDATE checks SET outcome = $2, note = $3, resolved_by = $4, updated_at = now() WHERE id = $1`,
    [checkId, values.outcome, values.note, values.resolvedBy],
  );
}

export async function listDispositions(
  manager: EntityManager,
  applicationId: string,
): Promise<DispositionRecord[]> {
  const rows: DispositionColumnsRow[] = await manager.query(DISPOSITIONS_SQL, [applicationId]);
  return rows.map(toDisposition);
}

export const DISPOSITIONS_SQL = `SELECT id, party_name, disposition, note, decided_by, created_at
       FROM screening_dispositions WHERE application_id = $1 ORDER BY party_name`;

/** The row `DISPOSITIONS_SQL` selects. */
export type DispositionColumnsRow = Omit<ScreeningDispositionsRow, 'application_id'>;

export function toDisposition(r: DispositionColumnsRow): DispositionRecord {
  return {
    id: r.id,
    partyName: r.party_name,
    disposition: oneOf(DISPOSITIONS, r.disposition, 'screening_dispositions.disposition'),
    note: r.note,
    decidedBy: r.decided_by,
    createdAt: r.created_at,
  };
}

/** Records (or replaces) the disposition of a screened party. */
export async function upsertDisposition(
  manager: EntityManager,
  values: {
    id: string;
    applicationId: string;
    partyName: string;
    disposition: DispositionRecord['disposition'];
    note: string | null;
    decidedBy: string;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO screening_dispositions (id, application_id, party_name, disposition, note, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (application_id, party_name)
     DO UPDATE SET disposition = EXCLUDED.disposition, note = EXCLUDED.note, decided_by = EXCLUDED.decided_by,
                   created_at = now()`,
    [values.id, values.applicationId, values.partyName, values.disposition, values.note, values.decidedBy],
  );
}

export async function listInformationRequests(
  manager: EntityManager,
  applicationId: string,
): Promise<InformationRequestRecord[]> {
  const rows: InformationRequestColumnsRow[] = await manager.query(INFORMATION_REQUESTS_SQL, [applicationId]);
  return rows.map(toInformationRequest);
}

export const INFORMATION_REQUESTS_SQL = `SELECT id, stage, question, asked_by, asked_at, answer, document_ids, amendments, answered_by,
            answered_at, status
       FROM information_requests WHERE application_id = $1 ORDER BY asked_at, id`;

/** The row `INFORMATION_REQUESTS_SQL` selects. */
export type InformationRequestColumnsRow = Omit<InformationRequestsRow, 'application_id' | 'due_at'>;

export function toInformationRequest(r: InformationRequestColumnsRow): InformationRequestRecord {
  return {
    id: r.id,
    stage: r.stage,
    question: r.question,
    askedBy: r.asked_by,
    askedAt: r.asked_at,
    answer: r.answer,
    documentIds: r.document_ids,
    amendments: r.amendments,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at,
    status: oneOf(INFORMATION_REQUEST_STATUSES, r.status, 'information_requests.status'),
  };
}

export async function insertInformationRequest(
  manager: EntityManager,
  values: {
    id: string;
    applicationId: string;
    stage: string;
    question: string;
    askedBy: string;
    now: Date;
    dueAt: Date | null;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO information_requests (id, application_id, stage, question, asked_by, asked_at, due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      values.id,
      values.applicationId,
      values.stage,
      values.question,
      values.askedBy,
      values.now,
      values.dueAt,
    ],
  );
}

export async function answerInformationRequest(
  manager: EntityManager,
  values: {
    id: string;
    answer: string;
    documentIds: string[];
    amendments: InformationRequestsRow['amendments'];
    answeredBy: string;
    now: Date;
  },
): Promise<boolean> {
  const result: unknown = await manager.query(
    `UPDATE information_requests
        SET answer = $2, document_ids = $3::uuid[], amendments = $4::jsonb, answered_by = $5, answered_at = $6,
            status = 'answered'
      WHERE id = $1 AND status = 'open' RETURNING id`,
    [
      values.id,
      values.answer,
      values.documentIds,
      values.amendments === null ? null : JSON.stringify(values.amendments),
      values.answeredBy,
      values.now,
    ],
  );
  return returnedRows(result).length === 1;
}

/**
 * The row `DOCUMENT_COLUMNS` selects. `size` is a bigint: PostgreSQL's driver answers it as text, the view's JSON
 * (application-view.reader.ts) as a number.
 */
export type DocumentColumnsRow = Omit<DocumentsRow, 'size'> & { size: DocumentsRow['size'] | number };

export function toDocument(r: DocumentColumnsRow): DocumentRecord {
  return {
    id: r.id,
    applicationId: r.application_id,
    kind: r.kind,
    sha256: r.sha256,
    size: Number(r.size),
    mediaType: r.media_type,
    filename: r.filename,
    uploadedBy: r.uploaded_by,
    createdAt: r.created_at,
  };
}

const DOCUMENT_COLUMNS =
  'id, application_id, kind, sha256, size, media_type, filename, uploaded_by, created_at';

export const DOCUMENTS_SQL = `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE application_id = $1 ORDER BY created_at, id`;

export async function listDocuments(
  manager: EntityManager,
  applicationId: string,
): Promise<DocumentRecord[]> {
  const rows: DocumentColumnsRow[] = await manager.query(DOCUMENTS_SQL, [applicationId]);
  return rows.map(toDocument);
}

export async function findDocument(manager: EntityManager, id: string): Promise<DocumentRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows: DocumentColumnsRow[] = await manager.query(
    `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1`,
    [id],
  );
  return rows[0] ? toDocument(rows[0]) : null;
}

export async function insertDocument(
  manager: EntityManager,
  values: Omit<DocumentRecord, 'createdAt'> & { now: Date },
): Promise<void> {
  await manager.query(
    `INSERT INTO documents (id, application_id, kind, sha256, size, media_type, filename, uploaded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      values.id,
      values.applicationId,
      values.kind,
      values.sha256,
      values.size,
      values.mediaType,
      values.filename,
      values.uploadedBy,
      values.now,
    ],
  );
}

/**
 * Serialises everything that stores, references or removes one stored content (documents are content-addressed):
 * held to the end of the caller's transaction.
 */
export async function lockDocumentContent(manager: EntityManager, sha256: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('document-content:' || $1, 0))`, [
    sha256,
  ]);
}

/** How many documents reference a stored content. */
export async function countDocumentsWithContent(manager: EntityManager, sha256: string): Promise<number> {
  const rows: Array<{ n: number }> = await manager.query(
    'SELECT count(*)::int AS n FROM documents WHERE sha256 = $1',
    [sha256],
  );
  return rows[0]?.n ?? 0;
}

/** The documents an application holds: how many and their bytes. */
export async function applicationDocumentUsage(
  manager: EntityManager,
  applicationId: string,
): Promise<{ count: number; bytes: number }> {
  const rows: Array<{ count: number; bytes: string }> = await manager.query(
    'SELECT count(*)::int AS count, coalesce(sum(size), 0)::text AS bytes FROM documents WHERE application_id = $1',
    [applicationId],
  );
  return { count: rows[0]?.count ?? 0, bytes: Number(rows[0]?.bytes ?? 0) };
}

/** Bytes a user stored since `since`, and when the oldest of those uploads leaves the window. */
export async function userUploadBytesSince(
  manager: EntityManager,
  userId: string,
  since: Date,
): Promise<{ bytes: number; oldest: Date | null }> {
  const rows: Array<{ bytes: string; oldest: Date | null }> = await manager.query(
    `SELECT coalesce(sum(size), 0)::text AS bytes, min(created_at) AS oldest
       FROM documents WHERE uploaded_by = $1 AND created_at > $2`,
    [userId, since],
  );
  return { bytes: Number(rows[0]?.bytes ?? 0), oldest: rows[0]?.oldest ?? null };
}

export async function listVotes(
  manager: EntityManager,
  applicationId: string,
  round: number,
): Promise<VoteRecord[]> {
  const rows: VoteColumnsRow[] = await manager.query(VOTES_SQL, [applicationId, round]);
  return rows.map(toVote);
}

/** `$1` the application id, `$2` the round. */
export const VOTES_SQL = `SELECT id, user_id, round, decision, rationale, conflict_of_interest, conditions, created_at
       FROM committee_votes WHERE application_id = $1 AND round = $2 ORDER BY created_at, id`;

/** The row `VOTES_SQL` selects. */
export type VoteColumnsRow = Omit<CommitteeVotesRow, 'application_id'>;

export function toVote(r: VoteColumnsRow): VoteRecord {
  return {
    id: r.id,
    userId: r.user_id,
    round: r.round,
    decision: oneOfOrNull(VOTE_DECISIONS, r.decision, 'committee_votes.decision'),
    rationale: r.rationale,
    conflictOfInterest: r.conflict_of_interest,
    conditions: r.conditions,
    createdAt: r.created_at,
  };
}

export async function insertVote(
  manager: EntityManager,
  values: {
    id: string;
    applicationId: string;
    round: number;
    userId: string;
    decision: VoteRecord['decision'];
    rationale: string;
    conflictOfInterest: boolean;
    conditions?: readonly string[];
    now: Date;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO committee_votes (id, application_id, round, user_id, decision, rationale, conflict_of_interest, created_at,
                                  conditions)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
    [
      values.id,
      values.applicationId,
      values.round,
      values.userId,
      values.decision,
      values.rationale,
      values.conflictOfInterest,
      values.now,
      JSON.stringify(values.conditions ?? []),
    ],
  );
}

/** Appends conditions precedent after the existing ones (the committee's conditions on approval). */
export async function appendConditions(
  manager: EntityManager,
  applicationId: string,
  conditions: Array<{ id: string; text: string }>,
): Promise<void> {
  const [row]: Array<{ max: number | null }> = await manager.query(
    `SELECT max(position) AS max FROM conditions_precedent WHERE application_id = $1`,
    [applicationId],
  );
  let position = Number(row?.max ?? 0);
  for (const condition of conditions) {
    position += 1;
    await manager.query(
      `INSERT INTO conditions_precedent (id, application_id, position, text) VALUES ($1, $2, $3, $4)`,
      [condition.id, applicationId, position, condition.text],
    );
  }
}

/** Ids of every user holding the `committee` role (disabled users excluded). */
export async function committeeMemberIds(manager: EntityManager): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM users WHERE 'committee' = ANY (roles) AND NOT disabled ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

export async function findUserRoles(manager: EntityManager, userId: string): Promise<string[] | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const rows: Array<{ roles: string[] }> = await manager.query(
    `SELECT roles FROM users WHERE id = $1 AND NOT disabled`,
    [userId],
  );
  return rows[0]?.roles ?? null;
}

export async function listConditions(
  manager: EntityManager,
  applicationId: string,
): Promise<ConditionRecord[]> {
  const rows: ConditionColumnsRow[] = await manager.query(CONDITIONS_SQL, [applicationId]);
  return rows.map(toCondition);
}

export const CONDITIONS_SQL = `SELECT id, position, text, satisfied, evidence, satisfied_at
       FROM conditions_precedent WHERE application_id = $1 ORDER BY position`;

/** The row `CONDITIONS_SQL` selects. */
export type ConditionColumnsRow = Omit<ConditionsPrecedentRow, 'application_id'>;

export function toCondition(r: ConditionColumnsRow): ConditionRecord {
  return {
    id: r.id,
    position: r.position,
    text: r.text,
    satisfied: r.satisfied,
    evidence: r.evidence,
    satisfiedAt: r.satisfied_at,
  };
}

/** Replaces the conditions precedent of the financing structure. */
export async function replaceConditions(
  manager: EntityManager,
  applicationId: string,
  conditions: Array<{ id: string; text: string }>,
): Promise<void> {
  await manager.query(`DELETE FROM conditions_precedent WHERE application_id = $1`, [applicationId]);
  for (const [position, condition] of conditions.entries()) {
    await manager.query(
      `INSERT INTO conditions_precedent (id, application_id, position, text) VALUES ($1, $2, $3, $4)`,
      [condition.id, applicationId, position + 1, condition.text],
    );
  }
}

export async function satisfyCondition(
  manager: EntityManager,
  values: { id: string; applicationId: string; evidence: ConditionEvidence; now: Date },
): Promise<boolean> {
  const result: unknown = await manager.query(
    `UPDATE conditions_precedent SET satisfied = true, evidence = $3::jsonb, satisfied_at = $4
      WHERE id = $1 AND application_id = $2 RETURNING id`,
    [values.id, values.applicationId, JSON.stringify(values.evidence), values.now],
  );
  return returnedRows(result).length === 1;
}
