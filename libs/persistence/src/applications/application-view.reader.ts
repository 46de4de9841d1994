import { type EntityManager } from 'typeorm';
import { asSubmittedInput, jsonObjectOrNull, type JsonObject } from '@forge/domain';
import type { AuditEventsRow } from '../entities/audit_events.entity.js';
import { APPROVAL_COLUMNS, toApprovalItem } from '../approvals/approval.repository.js';
import { COFINANCING_LINES_SQL, toCofinancingLine } from '../portfolio/portfolio.repository.js';
import { queryPrepared } from '../prepared-statement.js';
import {
  ACTIVE_COUNTRIES_SQL,
  ACTIVE_MODEL_SQL,
  currencyBasisOf,
  latestAssessmentOf,
  type RawAssessmentRow,
  riskAssessmentViewOf,
  type RiskAssessmentView,
  SELECT_ASSESSMENTS,
} from '../risk/risk-assessment.reader.js';
import { type ApplicationAggregate } from './application-aggregate.js';
import {
  CHECKS_SQL,
  CONDITIONS_SQL,
  DISPOSITIONS_SQL,
  DOCUMENTS_SQL,
  INFORMATION_REQUESTS_SQL,
  toCheck,
  toCondition,
  toDisposition,
  toDocument,
  toInformationRequest,
  toVote,
} from './application-details.repository.js';
import {
  APPLICATION_COLUMNS,
  type ApplicationColumnsRow,
  isUuid,
  toApplicationRecord,
} from './application.repository.js';
import { ROUND_COLUMNS, toRound } from './committee-rounds.repository.js';

/** The application view's data: the aggregate, and the assessment the committee approved on (staff show it). */
export interface ApplicationViewData {
  aggregate: ApplicationAggregate;
  /** The assessment `ic_assessment_id` names, with `current` (null when none). */
  icAssessment: RiskAssessmentView | null;
  /** What the sponsor view adds, when it was asked for (`readApplicationView(…, { sponsor: true })`). */
  sponsor: SponsorViewRows | null;
}

/** One event of the application's trail, as the sponsor timeline reads it (the domain picks what a sponsor sees). */
export interface SponsorTimelineRow {
  action: string;
  occurredAt: Date;
  actorRole: string;
  reason: string | null;
  before: JsonObject | null;
  after: JsonObject | null;
  context: JsonObject | null;
}

/** What the sponsor view adds to the application (pipeline.md "What a sponsor sees"), as stored. */
export interface SponsorViewRows {
  /** Every event of the application, in the trail's order (sequenced first, pending ones after). */
  events: SponsorTimelineRow[];
  /** The assigned officer, by name and address only (null when nobody is assigned). */
  contactOfficer: { displayName: string; email: string } | null;
  /** Documents uploaded by users of the application's own organisation. */
  ownDocumentIds: string[];
}

/** A detail list as one JSON array column: the same statement the list reader runs, aggregated in order. */
const list = (sql: string, name: string) =>
  `(SELECT coalesce(json_agg(t), '[]'::json) FROM (${sql}) t) AS ${name}`;

/**
 * One statement, one round trip: the application row and every list hanging off it (checks, dispositions,
 * information requests, documents, the latest round and its votes, conditions precedent, pending approvals,
 * the latest and the approved-on risk assessment) as JSON built by PostgreSQL, plus the active model and
 * countries snapshot that decide `current`. Each list is the same SELECT its own reader runs, so the records
 * are built by the same mappers (timestamps come back as ISO strings and are revived as Dates).
 */
const viewSql = (extraColumns: string) => `SELECT ${APPLICATION_COLUMNS},${extraColumns}
  ${list(CHECKS_SQL, 'checks_json')},
  ${list(DISPOSITIONS_SQL, 'dispositions_json')},
  ${list(INFORMATION_REQUESTS_SQL, 'information_requests_json')},
  ${list(DOCUMENTS_SQL, 'documents_json')},
  ${list(
    `SELECT id, user_id, round, decision, rationale, conflict_of_interest, conditions, created_at
       FROM committee_votes WHERE application_id = $1 AND round = applications.committee_round
        AND applications.committee_round > 0 ORDER BY created_at, id`,
    'votes_json',
  )},
  (SELECT row_to_json(t) FROM (SELECT ${ROUND_COLUMNS} FROM committee_rounds
     WHERE application_id = $1 AND applications.committee_round > 0 ORDER BY round DESC LIMIT 1) t) AS round_json,
  ${list(CONDITIONS_SQL, 'conditions_json')},
  ${list(
    `SELECT ${APPROVAL_COLUMNS} FROM approvals WHERE application_id = $1 AND status = 'pending'
      ORDER BY created_at, id`,
    'pending_approvals_json',
  )},
  (SELECT row_to_json(t) FROM (${SELECT_ASSESSMENTS} WHERE ra.application_id = $1
     ORDER BY ra.computed_at DESC, ra.id DESC LIMIT 1) t) AS latest_assessment_json,
  (SELECT row_to_json(t) FROM (${SELECT_ASSESSMENTS} WHERE ra.id = applications.ic_assessment_id) t)
     AS ic_assessment_json,
  ${list(COFINANCING_LINES_SQL, 'cofinancing_json')},
  ${ACTIVE_MODEL_SQL} AS active_model,
  ${ACTIVE_COUNTRIES_SQL} AS active_countries
  FROM applications WHERE id = $1`;

/**
 * The sponsor view's own reads as three more columns of a statement on `applications` (id = $1): the trail in its
 * order (sequenced events first, pending ones after), the assigned officer's name and address, and the ids of the
 * documents the application's own organisation uploaded.
 */
const SPONSOR_VIEW_COLUMNS = `
  ${list(
    `SELECT action, occurred_at, actor_role, reason, before, after, context FROM audit_events
      WHERE application_id = $1 ORDER BY seq NULLS LAST, entry`,
    'sponsor_events_json',
  )},
  (SELECT row_to_json(t) FROM (SELECT display_name, email FROM users
     WHERE id = applications.assignee_id) t) AS contact_officer_json,
  (SELECT coalesce(json_agg(d.id), '[]'::json) FROM documents d JOIN users u ON u.id = d.uploaded_by
     WHERE d.application_id = $1 AND u.organization_id = applications.organization_id) AS own_document_ids_json`;

/** The application view's statement: staff read this. */
export const APPLICATION_VIEW_SQL = viewSql('');

/** The same statement with the sponsor view's reads folded in: still one round trip for a sponsor. */
export const APPLICATION_SPONSOR_VIEW_SQL = viewSql(`${SPONSOR_VIEW_COLUMNS},`);

/** A row as `json_agg` and `row_to_json` carry it: its timestamps as ISO strings, the rest as the row has it. */
type JsonRow<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

/** The row a list's mapper reads, as the view's JSON carries it. */
type JsonOf<Mapper extends (row: never) => unknown> = JsonRow<Parameters<Mapper>[0]>;

/** The timestamp columns of the lists and assessments (JSON carries them as ISO strings; the rows hold Dates). */
const TIMESTAMPS = [
  'created_at',
  'asked_at',
  'answered_at',
  'satisfied_at',
  'opened_at',
  'deadline',
  'closed_at',
  'decided_at',
  'computed_at',
  'override_created_at',
] as const;

/** The columns of `T` that hold a Date. */
type DateColumns<T> = {
  [K in keyof T]-?: T[K] extends Date | null ? (Date extends T[K] ? K : never) : never;
}[keyof T];

/** `unknown` when every Date column of `T` is in TIMESTAMPS (so `revive` makes it a Date again), else `never`. */
type RevivedByName<T> = [Exclude<DateColumns<T>, (typeof TIMESTAMPS)[number]>] extends [never]
  ? unknown
  : never;

/**
 * A row back from the view's JSON: the row its mapper reads, each timestamp a Date again. The compiler holds
 * `T`'s Date columns to TIMESTAMPS (`RevivedByName`), which is what makes the one retyping below sound.
 */
function revive<T extends object>(row: JsonRow<T> & RevivedByName<T>): T {
  const revived: Record<string, unknown> = { ...row };
  for (const key of TIMESTAMPS) {
    const value = revived[key];
    if (typeof value === 'string') revived[key] = new Date(value);
  }
  return revived as T;
}

/** A list column read by its reader's mapper (the same mapper as the list's own statement). */
function readList<T extends object, R>(
  rows: ReadonlyArray<NoInfer<JsonRow<T>> & RevivedByName<T>>,
  toRecord: (row: T) => R,
): R[] {
  return rows.map((row) => toRecord(revive<T>(row)));
}

/** The columns of an event the sponsor timeline reads. */
type SponsorEventColumns =
  'action' | 'occurred_at' | 'actor_role' | 'reason' | 'before' | 'after' | 'context';

/** What `SPONSOR_VIEW_COLUMNS` selects. */
interface SponsorColumnsRow {
  sponsor_events_json: JsonRow<Pick<AuditEventsRow, SponsorEventColumns>>[] | null;
  contact_officer_json: { display_name: string; email: string } | null;
  own_document_ids_json: string[] | null;
}

/** What `APPLICATION_VIEW_SQL` selects: the application's columns and each list as its reader's rows in JSON. */
type ApplicationViewRow = ApplicationColumnsRow & {
  checks_json: JsonOf<typeof toCheck>[];
  dispositions_json: JsonOf<typeof toDisposition>[];
  information_requests_json: JsonOf<typeof toInformationRequest>[];
  documents_json: JsonOf<typeof toDocument>[];
  votes_json: JsonOf<typeof toVote>[];
  round_json: JsonOf<typeof toRound> | null;
  conditions_json: JsonOf<typeof toCondition>[];
  pending_approvals_json: JsonOf<typeof toApprovalItem>[];
  latest_assessment_json: JsonRow<RawAssessmentRow> | null;
  ic_assessment_json: JsonRow<RawAssessmentRow> | null;
  cofinancing_json: JsonOf<typeof toCofinancingLine>[];
  active_model: string | null;
  active_countries: string | null;
};

/** The sponsor view's rows; `row` is a statement's row that selected SPONSOR_VIEW_COLUMNS. */
function toSponsorViewRows(row: Partial<SponsorColumnsRow>): SponsorViewRows {
  const officer = row.contact_officer_json;
  return {
    events: (row.sponsor_events_json ?? []).map((e) => ({
      action: e.action,
      occurredAt: new Date(e.occurred_at),
      actorRole: e.actor_role,
      reason: e.reason,
      before: jsonObjectOrNull(e.before),
      after: jsonObjectOrNull(e.after),
      context: jsonObjectOrNull(e.context),
    })),
    contactOfficer: officer ? { displayName: officer.display_name, email: officer.email } : null,
    ownDocumentIds: row.own_document_ids_json ?? [],
  };
}

/**
 * The sponsor view's own reads for an application (one statement), for the answers of sponsor commands; null when
 * there is no such application. The GET of the view reads them in its own statement instead.
 */
export async function readSponsorViewRows(
  manager: EntityManager,
  applicationId: string,
): Promise<SponsorViewRows | null> {
  if (!isUuid(applicationId)) return null;
  const [row]: SponsorColumnsRow[] = await manager.query(
    `SELECT ${SPONSOR_VIEW_COLUMNS} FROM applications WHERE id = $1`,
    [applicationId],
  );
  return row === undefined ? null : toSponsorViewRows(row);
}

/**
 * The application view's data in one round trip, or null (also for an id that is not a UUID); with `sponsor`, the
 * sponsor view's reads come in the same statement.
 */
export async function readApplicationView(
  manager: EntityManager,
  applicationId: string,
  options: { sponsor?: boolean } = {},
): Promise<ApplicationViewData | null> {
  if (!isUuid(applicationId)) return null;
  // With `sponsor`, the statement also selects SPONSOR_VIEW_COLUMNS (read only then).
  const [row] = await queryPrepared<ApplicationViewRow & Partial<SponsorColumnsRow>>(
    manager,
    options.sponsor ? 'forge_application_sponsor_view' : 'forge_application_view',
    options.sponsor ? APPLICATION_SPONSOR_VIEW_SQL : APPLICATION_VIEW_SQL,
    [applicationId],
  );
  if (row === undefined) return null;
  const application = toApplicationRecord(row);
  const latestRow = row.latest_assessment_json && revive<RawAssessmentRow>(row.latest_assessment_json);
  const icRow = row.ic_assessment_json && revive<RawAssessmentRow>(row.ic_assessment_json);
  const basis =
    latestRow === null && icRow === null
      ? null
      : await currencyBasisOf(
          manager,
          {
            id: application.id,
            stage: application.stage,
            version: application.version,
            organizationId: application.organizationId,
            input: asSubmittedInput(application.input),
            financing: application.financing,
          },
          { model: row.active_model, countries: row.active_countries },
        );
  return {
    aggregate: {
      application,
      checks: readList(row.checks_json, toCheck),
      dispositions: readList(row.dispositions_json, toDisposition),
      informationRequests: readList(row.information_requests_json, toInformationRequest),
      documents: readList(row.documents_json, toDocument),
      votes: readList(row.votes_json, toVote),
      round: row.round_json && toRound(revive(row.round_json)),
      conditions: readList(row.conditions_json, toCondition),
      pendingApprovals: readList(row.pending_approvals_json, toApprovalItem),
      latestAssessment: latestRow === null || basis === null ? null : latestAssessmentOf(latestRow, basis),
      cofinancing: readList(row.cofinancing_json, toCofinancingLine),
    },
    icAssessment: icRow === null || basis === null ? null : riskAssessmentViewOf(icRow, basis),
    sponsor: options.sponsor ? toSponsorViewRows(row) : null,
  };
}
