import { type EntityManager } from 'typeorm';

/** The rows hanging off an application, as the pipeline and the application view read them. */

export interface CheckRecord {
  id: string;
  code: string;
  stage: string;
  outcome: 'pass' | 'fail' | 'needs_review' | 'waived';
  automated: boolean;
  detail: unknown;
  note: string | null;
  resolvedBy: string | null;
}

export interface DispositionRecord {
  id: string;
  partyName: string;
  disposition: 'true_match' | 'false_positive';
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
  amendments: unknown;
  answeredBy: string | null;
  answeredAt: Date | null;
  status: 'open' | 'answered';
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
  decision: 'approve' | 'reject' | 'abstain' | null;
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
  evidence: unknown;
  satisfiedAt: Date | null;
}

type Row = Record<string, unknown>;

/** TypeORM answers `[rows, count]` for UPDATE/DELETE … RETURNING on PostgreSQL and `rows` otherwise. */
export function returnedRows(result: unknown): Row[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as Row[];
  }
  return (result as Row[]) ?? [];
}

/** `$1` is the application id; each detail list is one such statement (also inlined by the one-statement view). */
export const CHECKS_SQL = `SELECT id, code, stage, outcome, automated, detail, note, resolved_by
       FROM checks WHERE application_id = $1 ORDER BY code`;

export async function listChecks(manager: EntityManager, applicationId: string): Promise<CheckRecord[]> {
  const rows: Row[] = await manager.query(CHECKS_SQL, [applicationId]);
  return rows.map(toCheck);
}

export function toCheck(r: Row): CheckRecord {
  return {
    id: r.id as string,
    code: r.code as string,
    stage: r.stage as string,
    outcome: r.outcome as CheckRecord['outcome'],
    automated: Boolean(r.automated),
    detail: r.detail ?? null,
    note: (r.note as string | null) ?? null,
    resolvedBy: (r.resolved_by as string | null) ?? null,
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
  const rows: Row[] = await manager.query(DISPOSITIONS_SQL, [applicationId]);
  return rows.map(toDisposition);
}

export const DISPOSITIONS_SQL = `SELECT id, party_name, disposition, note, decided_by, created_at
       FROM screening_dispositions WHERE application_id = $1 ORDER BY party_name`;

export function toDisposition(r: Row): DispositionRecord {
  return {
    id: r.id as string,
    partyName: r.party_name as string,
    disposition: r.disposition as DispositionRecord['disposition'],
    note: (r.note as string | null) ?? null,
    decidedBy: r.decided_by as string,
    createdAt: r.created_at as Date,
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
  const rows: Row[] = await manager.query(INFORMATION_REQUESTS_SQL, [applicationId]);
  return rows.map(toInformationRequest);
}

export const INFORMATION_REQUESTS_SQL = `SELECT id, stage, question, asked_by, asked_at, answer, document_ids, amendments, answered_by,
            answered_at, status
       FROM information_requests WHERE application_id = $1 ORDER BY asked_at, id`;

export function toInformationRequest(r: Row): InformationRequestRecord {
  return {
    id: r.id as string,
    stage: r.stage as string,
    question: r.question as string,
    askedBy: r.asked_by as string,
    askedAt: r.asked_at as Date,
    answer: (r.answer as string | null) ?? null,
    documentIds: (r.document_ids as string[] | null) ?? [],
    amendments: r.amendments ?? null,
    answeredBy: (r.answered_by as string | null) ?? null,
    answeredAt: (r.answered_at as Date | null) ?? null,
    status: r.status as InformationRequestRecord['status'],
  };
}

export async function insertInformationRequest(
  manager: EntityManager,
  values: { id: string; applicationId: string; stage: string; question: string; askedBy: string; now: Date },
): Promise<void> {
  await manager.query(
    `INSERT INTO information_requests (id, application_id, stage, question, asked_by, asked_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [values.id, values.applicationId, values.stage, values.question, values.askedBy, values.now],
  );
}

export async function answerInformationRequest(
  manager: EntityManager,
  values: {
    id: string;
    answer: string;
    documentIds: string[];
    amendments: object | null;
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

export function toDocument(r: Row): DocumentRecord {
  return {
    id: r.id as string,
    applicationId: r.application_id as string,
    kind: r.kind as string,
    sha256: r.sha256 as string,
    size: Number(r.size),
    mediaType: r.media_type as string,
    filename: (r.filename as string | null) ?? null,
    uploadedBy: r.uploaded_by as string,
    createdAt: r.created_at as Date,
  };
}

const DOCUMENT_COLUMNS =
  'id, application_id, kind, sha256, size, media_type, filename, uploaded_by, created_at';

export const DOCUMENTS_SQL = `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE application_id = $1 ORDER BY created_at, id`;

export async function listDocuments(
  manager: EntityManager,
  applicationId: string,
): Promise<DocumentRecord[]> {
  const rows: Row[] = await manager.query(DOCUMENTS_SQL, [applicationId]);
  return rows.map(toDocument);
}

export async function findDocument(manager: EntityManager, id: string): Promise<DocumentRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows: Row[] = await manager.query(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1`, [id]);
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
  const rows: Row[] = await manager.query(VOTES_SQL, [applicationId, round]);
  return rows.map(toVote);
}

/** `$1` the application id, `$2` the round. */
export const VOTES_SQL = `SELECT id, user_id, round, decision, rationale, conflict_of_interest, conditions, created_at
       FROM committee_votes WHERE application_id = $1 AND round = $2 ORDER BY created_at, id`;

export function toVote(r: Row): VoteRecord {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    round: Number(r.round),
    decision: (r.decision as VoteRecord['decision']) ?? null,
    rationale: r.rationale as string,
    conflictOfInterest: Boolean(r.conflict_of_interest),
    conditions: Array.isArray(r.conditions) ? (r.conditions as string[]) : [],
    createdAt: r.created_at as Date,
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
  const rows: Row[] = await manager.query(CONDITIONS_SQL, [applicationId]);
  return rows.map(toCondition);
}

export const CONDITIONS_SQL = `SELECT id, position, text, satisfied, evidence, satisfied_at
       FROM conditions_precedent WHERE application_id = $1 ORDER BY position`;

export function toCondition(r: Row): ConditionRecord {
  return {
    id: r.id as string,
    position: Number(r.position),
    text: r.text as string,
    satisfied: Boolean(r.satisfied),
    evidence: r.evidence ?? null,
    satisfiedAt: (r.satisfied_at as Date | null) ?? null,
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
  values: { id: string; applicationId: string; evidence: object; now: Date },
): Promise<boolean> {
  const result: unknown = await manager.query(
    `UPDATE conditions_precedent SET satisfied = true, evidence = $3::jsonb, satisfied_at = $4
      WHERE id = $1 AND application_id = $2 RETURNING id`,
    [values.id, values.applicationId, JSON.stringify(values.evidence), values.now],
  );
  return returnedRows(result).length === 1;
}
