import type { FieldProblem } from '../application/ownership-tree.js';
import { DomainError } from '../errors/domain-error.js';
import type { Actor } from '../pipeline/roles.js';
import { parseInstant } from '../deadlines/time.js';
import {
  actingRole,
  checkOneOf,
  checkText,
  requireRole,
  requireVisible,
  throwIfProblems,
  wrongStage,
} from './monitoring-validation.js';
import { LIVE_FINANCED_STAGES } from './post-close.js';
import type { WatchlistCandidate } from './watchlist.js';

/** monitoring.md "Incidents". */
export const INCIDENT_KINDS = [
  'fatality',
  'serious_injury',
  'tailings',
  'spill',
  'community_conflict',
  'security',
  'other',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_SEVERITIES = [1, 2, 3] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export const INCIDENT_UPDATE_KINDS = ['root_cause', 'corrective_action', 'note'] as const;
export type IncidentUpdateKind = (typeof INCIDENT_UPDATE_KINDS)[number];
export const INCIDENT_STATUSES = ['open', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** A serious incident must be reported within 3 days (72 hours) of occurrence. */
export const INCIDENT_REPORTING_MS = 3 * 86_400_000;

/** Incidents are reported on projects the fund carries: financed, disbursing, in monitoring. */
export const INCIDENT_STAGES: readonly string[] = LIVE_FINANCED_STAGES;

export interface IncidentUpdate {
  kind: IncidentUpdateKind;
  text: string;
  authorId: string;
  at: string;
}

export interface Incident {
  id: string;
  applicationId: string;
  occurredAt: string;
  reportedAt: string;
  reportedBy: string;
  kind: IncidentKind;
  severity: IncidentSeverity;
  description: string;
  /** Serious (severity 3, fatality or tailings): watchlist, re-assessment, 3-day rule. */
  serious: boolean;
  /** A serious incident reported more than 3 days after it occurred. */
  late: boolean;
  status: IncidentStatus;
  updates: IncidentUpdate[];
  closedBy: string | null;
  closedAt: string | null;
  closingNote: string | null;
}

/** Severity 3, or a fatality or tailings incident (whatever its severity). */
export function isSeriousIncident(kind: IncidentKind, severity: number): boolean {
  return severity === 3 || kind === 'fatality' || kind === 'tailings';
}

/** Whether a serious incident's report came more than 3 days after it occurred. */
export function isLateReport(serious: boolean, occurredAt: string, reportedAt: string): boolean {
  return (
    serious &&
    parseInstant(reportedAt, 'reportedAt') - parseInstant(occurredAt, 'occurredAt') > INCIDENT_REPORTING_MS
  );
}

export interface IncidentReported {
  incident: Incident;
  /** A serious incident puts the project on the watchlist … */
  watchlist: WatchlistCandidate | null;
  /** … and schedules a re-assessment. */
  queueReassessment: boolean;
}

interface IncidentScope {
  applicationId: string;
  organizationId: string;
  stage: string;
}

/**
 * The sponsor (own project) or an officer reports an incident. `occurredAt` may not be after
 * `now`. A serious one is flagged `late` past 3 days, goes on the watchlist and queues a
 * re-assessment.
 */
export function reportIncident(
  scope: IncidentScope,
  input: { occurredAt: unknown; kind: unknown; severity: unknown; description: unknown },
  actor: Actor,
  ids: { id: string; now: string },
): IncidentReported {
  requireVisible(actor, scope.organizationId);
  actingRole(actor, ['sponsor', 'officer']);
  if (!INCIDENT_STAGES.includes(scope.stage)) {
    throw wrongStage(scope.stage, 'incidents are reported on financed projects until repayment or write-off');
  }
  const nowMs = parseInstant(ids.now, 'now');
  const problems: FieldProblem[] = [];
  let occurredMs = 0;
  try {
    occurredMs = parseInstant(input.occurredAt, 'occurredAt');
    if (occurredMs > nowMs) problems.push({ field: 'occurredAt', message: 'must not be in the future' });
  } catch {
    problems.push({ field: 'occurredAt', message: 'must be an ISO-8601 date-time' });
  }
  const kind = checkOneOf(input.kind, INCIDENT_KINDS, 'kind', problems);
  const severity = checkOneOf(input.severity, INCIDENT_SEVERITIES, 'severity', problems);
  const description = checkText(input.description, 'description', 5000, problems);
  throwIfProblems(problems, 'invalid incident');
  const occurredAt = new Date(occurredMs).toISOString();
  const reportedAt = new Date(nowMs).toISOString();
  const serious = isSeriousIncident(kind, severity);
  const incident: Incident = {
    id: ids.id,
    applicationId: scope.applicationId,
    occurredAt,
    reportedAt,
    reportedBy: actor.id,
    kind,
    severity,
    description,
    serious,
    late: isLateReport(serious, occurredAt, reportedAt),
    status: 'open',
    updates: [],
    closedBy: null,
    closedAt: null,
    closingNote: null,
  };
  return {
    incident,
    watchlist: serious
      ? {
          kind: 'incident',
          ref: ids.id,
          detail: `${kind.replaceAll('_', ' ')} incident, severity ${severity}, on ${occurredAt.slice(0, 10)}${incident.late ? ' (reported late)' : ''}`,
        }
      : null,
    queueReassessment: serious,
  };
}

/** Root cause, corrective actions or a note follow as updates (sponsor or officer, while open). */
export function addIncidentUpdate(
  scope: IncidentScope,
  incident: Incident,
  input: { kind: unknown; text: unknown },
  actor: Actor,
  now: string,
): Incident {
  requireVisible(actor, scope.organizationId);
  actingRole(actor, ['sponsor', 'officer']);
  if (incident.status === 'closed')
    throw new DomainError('INCIDENT.STATE_CONFLICT', 'the incident is closed');
  const problems: FieldProblem[] = [];
  const kind = checkOneOf(input.kind, INCIDENT_UPDATE_KINDS, 'kind', problems);
  const text = checkText(input.text, 'text', 5000, problems);
  throwIfProblems(problems, 'invalid incident update');
  const update: IncidentUpdate = {
    kind,
    text,
    authorId: actor.id,
    at: new Date(parseInstant(now, 'now')).toISOString(),
  };
  return { ...incident, updates: [...incident.updates, update] };
}

/** An officer closes an open incident with a note. */
export function closeIncident(incident: Incident, note: unknown, actor: Actor, now: string): Incident {
  requireRole(actor, ['officer'], 'closing an incident');
  if (incident.status === 'closed')
    throw new DomainError('INCIDENT.STATE_CONFLICT', 'the incident is already closed');
  const problems: FieldProblem[] = [];
  const closingNote = checkText(note, 'note', 5000, problems);
  throwIfProblems(problems, 'closing an incident needs a note');
  return {
    ...incident,
    status: 'closed',
    closedBy: actor.id,
    closedAt: new Date(parseInstant(now, 'now')).toISOString(),
    closingNote,
  };
}
