import { type EntityManager } from 'typeorm';
import { type ApplicationsRow } from '../entities/applications.entity.js';
import { isUuid } from './application.repository.js';

/** What the read rule looks at of an application row. */
export interface ApplicationAccessRow {
  id: string;
  organizationId: string;
  stage: string;
  committeeRound: number;
  /** The organisations its co-financing lines name. */
  cofinancierOrganizationIds: string[];
}

/** The co-financing organisations of the application row aliased `a`, as one array column. */
export const COFINANCIER_IDS_SQL = `ARRAY(SELECT DISTINCT cl.organization_id::text FROM cofinancing_lines cl
   WHERE cl.application_id = a.id ORDER BY 1) AS cofinancier_organization_ids`;

/** Things that hang off an application and are addressed by their own id. */
export type ApplicationChildKind = 'document' | 'risk_assessment' | 'approval';

const CHILD_TABLE: Readonly<Record<ApplicationChildKind, string>> = {
  document: 'documents',
  risk_assessment: 'risk_assessments',
  approval: 'approvals',
};

type AccessRow = Pick<ApplicationsRow, 'id' | 'organization_id' | 'stage' | 'committee_round'> & {
  cofinancier_organization_ids: string[];
};

const toAccessRow = (row: AccessRow): ApplicationAccessRow => ({
  id: row.id,
  organizationId: row.organization_id,
  stage: row.stage,
  committeeRound: row.committee_round,
  cofinancierOrganizationIds: row.cofinancier_organization_ids,
});

/** The application's access facts, or null (also for an id that is not a UUID). */
export async function findApplicationAccessRow(
  manager: EntityManager,
  applicationId: string,
): Promise<ApplicationAccessRow | null> {
  if (!isUuid(applicationId)) return null;
  const [row]: AccessRow[] = await manager.query(
    `SELECT a.id, a.organization_id, a.stage, a.committee_round, ${COFINANCIER_IDS_SQL}
       FROM applications a WHERE a.id = $1`,
    [applicationId],
  );
  return row ? toAccessRow(row) : null;
}

/** The access facts of the application a child row (document, assessment, approval) belongs to, or null. */
export async function findApplicationAccessRowOf(
  manager: EntityManager,
  kind: ApplicationChildKind,
  childId: string,
): Promise<ApplicationAccessRow | null> {
  if (!isUuid(childId)) return null;
  const [row]: AccessRow[] = await manager.query(
    `SELECT a.id, a.organization_id, a.stage, a.committee_round, ${COFINANCIER_IDS_SQL}
       FROM ${CHILD_TABLE[kind]} c JOIN applications a ON a.id = c.application_id
      WHERE c.id = $1`,
    [childId],
  );
  return row ? toAccessRow(row) : null;
}
