import { type EntityManager } from 'typeorm';
import { type ApplicationInput, type FinancingStructure } from '@forge/domain';
import { APPROVAL_COLUMNS, toApprovalItem } from '../approvals/approval.repository.js';
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
}

type Row = Record<string, unknown>;

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
export const APPLICATION_VIEW_SQL = `SELECT ${APPLICATION_COLUMNS},
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
  ${ACTIVE_MODEL_SQL} AS active_model,
  ${ACTIVE_COUNTRIES_SQL} AS active_countries
  FROM applications WHERE id = $1`;

/** Columns that are timestamps in the lists (JSON carries them as ISO strings; the records hold Dates). */
const TIMESTAMPS = [
  'created_at',
  'asked_at',
  'answered_at',
  'satisfied_at',
  'opened_at',
  'deadline',
  'closed_at',
  'decided_at',
];

function revive(row: Row): Row {
  for (const key of TIMESTAMPS) {
    if (typeof row[key] === 'string') row[key] = new Date(row[key]);
  }
  return row;
}

const rows = (value: unknown): Row[] => ((value as Row[] | null) ?? []).map(revive);

/** The application view's data in one round trip, or null (also for an id that is not a UUID). */
export async function readApplicationView(
  manager: EntityManager,
  applicationId: string,
): Promise<ApplicationViewData | null> {
  if (!isUuid(applicationId)) return null;
  const [row]: Row[] = await manager.query(APPLICATION_VIEW_SQL, [applicationId]);
  if (row === undefined) return null;
  const application = toApplicationRecord(row as unknown as ApplicationColumnsRow);
  const latestRow = row.latest_assessment_json as RawAssessmentRow | null;
  const icRow = row.ic_assessment_json as RawAssessmentRow | null;
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
            input: application.input as unknown as ApplicationInput,
            financing: application.financing as unknown as FinancingStructure | null,
          },
          {
            model: (row.active_model as string | null) ?? null,
            countries: (row.active_countries as string | null) ?? null,
          },
        );
  const round = row.round_json as Row | null;
  return {
    aggregate: {
      application,
      checks: rows(row.checks_json).map(toCheck),
      dispositions: rows(row.dispositions_json).map(toDisposition),
      informationRequests: rows(row.information_requests_json).map(toInformationRequest),
      documents: rows(row.documents_json).map(toDocument),
      votes: rows(row.votes_json).map(toVote),
      round: round === null ? null : toRound(revive(round)),
      conditions: rows(row.conditions_json).map(toCondition),
      pendingApprovals: rows(row.pending_approvals_json).map(toApprovalItem),
      latestAssessment: latestRow === null || basis === null ? null : latestAssessmentOf(latestRow, basis),
    },
    icAssessment: icRow === null || basis === null ? null : riskAssessmentViewOf(icRow, basis),
  };
}
