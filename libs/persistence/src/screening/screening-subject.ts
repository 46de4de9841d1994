import { type EntityManager } from 'typeorm';
import {
  asSubmittedInput,
  type ApplicationInput,
  type DraftApplicationInput,
  type ScreeningResult,
  type DocumentKind,
  type EsCategory,
  type ScreeningDisposition,
  type Stage,
} from '@forge/domain';

/** What screening reads of an application. */
export interface ScreeningSubject {
  id: string;
  organizationId: string;
  organizationName: string;
  stage: Stage;
  version: number;
  input: ApplicationInput;
  proposedCategory: EsCategory | null;
  category: EsCategory | null;
  screening: ScreeningResult | null;
  screeningVersion: number | null;
}

interface SubjectRow {
  id: string;
  organization_id: string;
  organization_name: string;
  stage: Stage;
  version: number;
  input: DraftApplicationInput;
  proposed_category: EsCategory | null;
  category: EsCategory | null;
  screening: ScreeningSubject['screening'];
  screening_version: number | null;
}

export async function loadScreeningSubject(
  manager: EntityManager,
  applicationId: string,
): Promise<ScreeningSubject | null> {
  const [row]: SubjectRow[] = await manager.query(
    `SELECT a.id, a.organization_id, o.name AS organization_name, a.stage, a.version, a.input,
            a.proposed_category, a.category, a.screening, a.screening_version
       FROM applications a JOIN organizations o ON o.id = a.organization_id
      WHERE a.id = $1`,
    [applicationId],
  );
  if (!row) return null;
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    stage: row.stage,
    version: Number(row.version),
    input: asSubmittedInput(row.input),
    proposedCategory: row.proposed_category,
    category: row.category,
    screening: row.screening,
    screeningVersion: row.screening_version === null ? null : Number(row.screening_version),
  };
}

/** The recorded dispositions (oldest first, so the latest decision on a party wins). */
export async function loadDispositions(
  manager: EntityManager,
  applicationId: string,
): Promise<ScreeningDisposition[]> {
  const rows: Array<{ party_name: string; disposition: ScreeningDisposition['disposition'] }> =
    await manager.query(
      `SELECT party_name, disposition FROM screening_dispositions WHERE application_id = $1
        ORDER BY created_at, id`,
      [applicationId],
    );
  return rows.map((r) => ({ partyName: r.party_name, disposition: r.disposition }));
}

export async function loadDocumentKinds(
  manager: EntityManager,
  applicationId: string,
): Promise<DocumentKind[]> {
  const rows: Array<{ kind: DocumentKind }> = await manager.query(
    `SELECT DISTINCT kind FROM documents WHERE application_id = $1 ORDER BY kind`,
    [applicationId],
  );
  return rows.map((r) => r.kind);
}

/** The applicant organisation's name (screened as a party). */
export async function loadOrganizationName(manager: EntityManager, organizationId: string): Promise<string> {
  const [row]: Array<{ name: string }> = await manager.query(`SELECT name FROM organizations WHERE id = $1`, [
    organizationId,
  ]);
  return row?.name ?? '';
}
