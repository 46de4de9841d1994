import { type EntityManager } from 'typeorm';
import {
  ESAP_STATUSES,
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  PERFORMANCE_STANDARDS,
  oneOf,
  WATCHLIST_REASON_KINDS,
  type AmrFigures,
  type EsapItem,
  type Incident,
  type MonitoringReport,
  type WatchlistReason,
} from '@forge/domain';
import { type DatesAsText } from '../date-columns.js';
import { type ApplicationsRow } from '../entities/applications.entity.js';
import { type EsapItemsRow } from '../entities/esap_items.entity.js';
import { type IncidentsRow } from '../entities/incidents.entity.js';
import { type MonitoringReportsRow } from '../entities/monitoring_reports.entity.js';
import { type WatchlistReasonsRow } from '../entities/watchlist_reasons.entity.js';

// ESAP items (monitoring.md "Environmental and Social Action Plan").

const ESAP_COLUMNS = `id, application_id, description, standard, to_char(due_date, 'YYYY-MM-DD') AS due_date, status,
  evidence_document_ids, created_by, created_at, updated_at, verified_by, verified_at, note`;

function toEsapItem(row: DatesAsText<EsapItemsRow, 'due_date'>): EsapItem {
  return {
    id: row.id,
    applicationId: row.application_id,
    description: row.description,
    standard: oneOf(PERFORMANCE_STANDARDS, row.standard, 'esap_items.standard'),
    dueDate: row.due_date,
    status: oneOf(ESAP_STATUSES, row.status, 'esap_items.status'),
    evidenceDocumentIds: row.evidence_document_ids,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    verifiedBy: row.verified_by,
    verifiedAt: row.verified_at?.toISOString() ?? null,
    note: row.note,
  };
}

/** Every ESAP item of an application, by due date. */
export async function listEsapItems(manager: EntityManager, applicationId: string): Promise<EsapItem[]> {
  const rows: DatesAsText<EsapItemsRow, 'due_date'>[] = await manager.query(
    `SELECT ${ESAP_COLUMNS} FROM esap_items WHERE application_id = $1 ORDER BY due_date, created_at, id`,
    [applicationId],
  );
  return rows.map(toEsapItem);
}

export async function insertEsapItem(manager: EntityManager, item: EsapItem): Promise<void> {
  await manager.query(
    `INSERT INTO esap_items (id, application_id, description, standard, due_date, status, evidence_document_ids,
       created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7::uuid[], $8, $9, $10)`,
    [
      item.id,
      item.applicationId,
      item.description,
      item.standard,
      item.dueDate,
      item.status,
      item.evidenceDocumentIds,
      item.createdBy,
      item.createdAt,
      item.updatedAt,
    ],
  );
}

/** Writes an item's status, evidence, note and verification (the caller holds the application lock). */
export async function updateEsapItem(manager: EntityManager, item: EsapItem): Promise<void> {
  await manager.query(
    `UPDATE esap_items SET status = $2, evidence_document_ids = $3::uuid[], note = $4, updated_at = $5,
            verified_by = $6, verified_at = $7
      WHERE id = $1 AND application_id = $8`,
    [
      item.id,
      item.status,
      item.evidenceDocumentIds,
      item.note,
      item.updatedAt,
      item.verifiedBy,
      item.verifiedAt,
      item.applicationId,
    ],
  );
}

// Annual monitoring reports.

function toReport(row: DatesAsText<MonitoringReportsRow, 'due_date'>): MonitoringReport {
  return {
    id: row.id,
    applicationId: row.application_id,
    year: row.year,
    figures: row.figures,
    documentId: row.document_id,
    dueDate: row.due_date,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at.toISOString(),
    covenantResults: row.covenant_results,
  };
}

/** Every annual monitoring report of an application, by year. */
export async function listMonitoringReports(
  manager: EntityManager,
  applicationId: string,
): Promise<MonitoringReport[]> {
  const rows: DatesAsText<MonitoringReportsRow, 'due_date'>[] = await manager.query(
    `SELECT id, application_id, year, figures, document_id, to_char(due_date, 'YYYY-MM-DD') AS due_date,
            submitted_by, submitted_at, covenant_results
       FROM monitoring_reports WHERE application_id = $1 ORDER BY year`,
    [applicationId],
  );
  return rows.map(toReport);
}

/** Inserts a report (the unique key (application, year) refuses a second one for the year). */
export async function insertMonitoringReport(
  manager: EntityManager,
  report: MonitoringReport,
): Promise<void> {
  await manager.query(
    `INSERT INTO monitoring_reports (id, application_id, year, figures, document_id, due_date, submitted_by,
       submitted_at, covenant_results)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6::date, $7, $8, $9::jsonb)`,
    [
      report.id,
      report.applicationId,
      report.year,
      JSON.stringify(report.figures),
      report.documentId,
      report.dueDate,
      report.submittedBy,
      report.submittedAt,
      JSON.stringify(report.covenantResults),
    ],
  );
}

/** The figures of the latest report (highest year) of an application, or null. */
export async function latestReportFigures(
  manager: EntityManager,
  applicationId: string,
): Promise<AmrFigures | null> {
  const rows: Pick<MonitoringReportsRow, 'figures'>[] = await manager.query(
    `SELECT figures FROM monitoring_reports WHERE application_id = $1 ORDER BY year DESC LIMIT 1`,
    [applicationId],
  );
  return rows[0]?.figures ?? null;
}

/** What filing an annual report reads beyond the aggregate (the scope of the domain's `fileAmr`). */
export interface AmrFilingFacts {
  /** When the project reached `financed` (ISO), or null. */
  financedAt: string | null;
  /** The documents of the application: the report's document must be one of them. */
  documentIds: string[];
  /** The years already reported. */
  reportedYears: number[];
}

export async function amrFilingFacts(manager: EntityManager, applicationId: string): Promise<AmrFilingFacts> {
  const rows: (Pick<ApplicationsRow, 'financed_at'> & { document_ids: string[]; years: number[] })[] =
    await manager.query(
      `SELECT financed_at,
              ARRAY(SELECT id::text FROM documents WHERE application_id = $1) AS document_ids,
              ARRAY(SELECT year FROM monitoring_reports WHERE application_id = $1) AS years
         FROM applications WHERE id = $1`,
      [applicationId],
    );
  const row = rows[0];
  return {
    financedAt: row?.financed_at?.toISOString() ?? null,
    documentIds: row?.document_ids ?? [],
    reportedYears: row?.years ?? [],
  };
}

/** The ids of an application's documents (what ESAP evidence may point to). */
export async function listDocumentIds(manager: EntityManager, applicationId: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id::text AS id FROM documents WHERE application_id = $1`,
    [applicationId],
  );
  return rows.map((r) => r.id);
}

// Incidents.

function toIncident(row: IncidentsRow): Incident {
  return {
    id: row.id,
    applicationId: row.application_id,
    occurredAt: row.occurred_at.toISOString(),
    reportedAt: row.reported_at.toISOString(),
    reportedBy: row.reported_by,
    kind: oneOf(INCIDENT_KINDS, row.kind, 'incidents.kind'),
    severity: oneOf(INCIDENT_SEVERITIES, row.severity, 'incidents.severity'),
    description: row.description,
    serious: row.serious,
    late: row.late,
    status: oneOf(INCIDENT_STATUSES, row.status, 'incidents.status'),
    updates: row.updates,
    closedBy: row.closed_by,
    closedAt: row.closed_at?.toISOString() ?? null,
    closingNote: row.closing_note,
  };
}

/** Every incident of an application, latest occurrence first. */
export async function listIncidents(manager: EntityManager, applicationId: string): Promise<Incident[]> {
  const rows: IncidentsRow[] = await manager.query(
    `SELECT id, application_id, occurred_at, reported_at, reported_by, kind, severity, description, serious, late,
            status, updates, closed_by, closed_at, closing_note
       FROM incidents WHERE application_id = $1 ORDER BY occurred_at DESC, id`,
    [applicationId],
  );
  return rows.map(toIncident);
}

export async function insertIncident(manager: EntityManager, incident: Incident): Promise<void> {
  await manager.query(
    `INSERT INTO incidents (id, application_id, occurred_at, reported_at, reported_by, kind, severity, description,
       serious, late, status, updates)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb)`,
    [
      incident.id,
      incident.applicationId,
      incident.occurredAt,
      incident.reportedAt,
      incident.reportedBy,
      incident.kind,
      incident.severity,
      incident.description,
      incident.serious,
      incident.late,
      incident.status,
      JSON.stringify(incident.updates),
    ],
  );
}

/** Writes an incident's updates and closure. */
export async function updateIncident(manager: EntityManager, incident: Incident): Promise<void> {
  await manager.query(
    `UPDATE incidents SET updates = $2::jsonb, status = $3, closed_by = $4, closed_at = $5, closing_note = $6
      WHERE id = $1 AND application_id = $7`,
    [
      incident.id,
      JSON.stringify(incident.updates),
      incident.status,
      incident.closedBy,
      incident.closedAt,
      incident.closingNote,
      incident.applicationId,
    ],
  );
}

// The watchlist.

/** Every watchlist reason of an application (active and cleared), oldest first. */
export async function listWatchlistReasons(
  manager: EntityManager,
  applicationId: string,
): Promise<WatchlistReason[]> {
  const rows: Omit<WatchlistReasonsRow, 'application_id'>[] = await manager.query(
    `SELECT id, kind, ref, detail, added_at, cleared_at, cleared_by, clear_note
       FROM watchlist_reasons WHERE application_id = $1 ORDER BY added_at, id`,
    [applicationId],
  );
  return rows.map((row) => ({
    id: row.id,
    kind: oneOf(WATCHLIST_REASON_KINDS, row.kind, 'watchlist_reasons.kind'),
    ref: row.ref,
    detail: row.detail,
    addedAt: row.added_at.toISOString(),
    clearedAt: row.cleared_at?.toISOString() ?? null,
    clearedBy: row.cleared_by,
    clearNote: row.clear_note,
  }));
}

/** Inserts new reasons and records cleared ones (in the caller’s transaction; the caller sets `on_watchlist`). */
export async function saveWatchlistReasons(
  manager: EntityManager,
  applicationId: string,
  added: readonly WatchlistReason[],
  cleared: readonly WatchlistReason[],
): Promise<void> {
  for (const r of added) {
    await manager.query(
      `INSERT INTO watchlist_reasons (application_id, id, kind, ref, detail, added_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [applicationId, r.id, r.kind, r.ref, r.detail, r.addedAt],
    );
  }
  for (const r of cleared) {
    await manager.query(
      `UPDATE watchlist_reasons SET cleared_at = $3, cleared_by = $4, clear_note = $5
        WHERE application_id = $1 AND id = $2 AND cleared_at IS NULL`,
      [applicationId, r.id, r.clearedAt, r.clearedBy, r.clearNote],
    );
  }
}
