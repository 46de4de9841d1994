import { type EntityManager } from 'typeorm';
import {
  type AmrFigures,
  type CovenantResult,
  type EsapItem,
  type Incident,
  type MonitoringReport,
  type WatchlistReason,
} from '@forge/domain';

type Row = Record<string, unknown>;

const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);

// ESAP items (monitoring.md "Environmental and Social Action Plan").

const ESAP_COLUMNS = `id, application_id, description, standard, to_char(due_date, 'YYYY-MM-DD') AS due_date, status,
  evidence_document_ids, created_by, created_at, updated_at, verified_by, verified_at, note`;

function toEsapItem(row: Row): EsapItem {
  return {
    id: row.id as string,
    applicationId: row.application_id as string,
    description: row.description as string,
    standard: row.standard as EsapItem['standard'],
    dueDate: row.due_date as string,
    status: row.status as EsapItem['status'],
    evidenceDocumentIds: (row.evidence_document_ids as string[] | null) ?? [],
    createdBy: row.created_by as string,
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
    verifiedBy: (row.verified_by as string | null) ?? null,
    verifiedAt: iso(row.verified_at),
    note: (row.note as string | null) ?? null,
  };
}

/** Every ESAP item of an application, by due date. */
export async function listEsapItems(manager: EntityManager, applicationId: string): Promise<EsapItem[]> {
  const rows: Row[] = await manager.query(
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

function toReport(row: Row): MonitoringReport {
  return {
    id: row.id as string,
    applicationId: row.application_id as string,
    year: Number(row.year),
    figures: row.figures as AmrFigures,
    documentId: row.document_id as string,
    dueDate: row.due_date as string,
    submittedBy: row.submitted_by as string,
    submittedAt: iso(row.submitted_at) as string,
    covenantResults: row.covenant_results as CovenantResult[],
  };
}

/** Every annual monitoring report of an application, by year. */
export async function listMonitoringReports(
  manager: EntityManager,
  applicationId: string,
): Promise<MonitoringReport[]> {
  const rows: Row[] = await manager.query(
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
  const rows: Row[] = await manager.query(
    `SELECT figures FROM monitoring_reports WHERE application_id = $1 ORDER BY year DESC LIMIT 1`,
    [applicationId],
  );
  return rows[0] ? (rows[0].figures as AmrFigures) : null;
}

// Incidents.

function toIncident(row: Row): Incident {
  return {
    id: row.id as string,
    applicationId: row.application_id as string,
    occurredAt: iso(row.occurred_at) as string,
    reportedAt: iso(row.reported_at) as string,
    reportedBy: row.reported_by as string,
    kind: row.kind as Incident['kind'],
    severity: Number(row.severity) as Incident['severity'],
    description: row.description as string,
    serious: row.serious === true,
    late: row.late === true,
    status: row.status as Incident['status'],
    updates: (row.updates as Incident['updates'] | null) ?? [],
    closedBy: (row.closed_by as string | null) ?? null,
    closedAt: iso(row.closed_at),
    closingNote: (row.closing_note as string | null) ?? null,
  };
}

/** Every incident of an application, latest occurrence first. */
export async function listIncidents(manager: EntityManager, applicationId: string): Promise<Incident[]> {
  const rows: Row[] = await manager.query(
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
  const rows: Row[] = await manager.query(
    `SELECT id, kind, ref, detail, added_at, cleared_at, cleared_by, clear_note
       FROM watchlist_reasons WHERE application_id = $1 ORDER BY added_at, id`,
    [applicationId],
  );
  return rows.map((row) => ({
    id: row.id as string,
    kind: row.kind as WatchlistReason['kind'],
    ref: row.ref as string,
    detail: row.detail as string,
    addedAt: iso(row.added_at) as string,
    clearedAt: iso(row.cleared_at),
    clearedBy: (row.cleared_by as string | null) ?? null,
    clearNote: (row.clear_note as string | null) ?? null,
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
