import { type EntityManager } from 'typeorm';
import {
  actualInput,
  type ApplicationInput,
  DomainError,
  isLiveFinancedStage,
  extractRiskInputs,
  type FinancingStructure,
  inputsHash as hashRiskInputs,
  type RiskInputs,
} from '@forge/domain';
import { latestReportFigures } from '../monitoring/monitoring.repository.js';
import { riskReferenceValues } from './risk-reference.reader.js';
import {
  activeModelVersion,
  DEFAULT_SCORING_MODEL_VERSION,
  scoringModelParams,
} from './scoring-models.repository.js';

/** Which reference snapshot (by kind) fed an assessment: `{ countries: "<sha256>" }`. */
export type ReferenceSnapshotHashes = Record<string, string>;

export type CurrentRiskInputs =
  | {
      inputs: RiskInputs;
      inputsHash: string;
      referenceSnapshotHashes: ReferenceSnapshotHashes;
      applicationVersion: number;
    }
  | { unscorable: string; applicationVersion: number };

export interface ApplicationRiskSource {
  id: string;
  stage: string;
  version: number;
  organizationId: string;
  input: ApplicationInput;
  financing: FinancingStructure | null;
}

/** The application fields the scoring reads, or null when there is no such application. */
export async function readApplicationRiskSource(
  manager: EntityManager,
  applicationId: string,
): Promise<ApplicationRiskSource | null> {
  const rows: Array<{
    id: string;
    stage: string;
    version: number;
    organization_id: string;
    input: ApplicationInput;
    financing: FinancingStructure | null;
  }> = await manager.query(
    `SELECT id, stage, version, organization_id, input, financing FROM applications WHERE id = $1`,
    [applicationId],
  );
  const row = rows[0];
  if (row === undefined) return null;
  return {
    id: row.id,
    stage: row.stage,
    version: row.version,
    organizationId: row.organization_id,
    input: row.input,
    financing: row.financing ?? null,
  };
}

/**
 * TODAY's risk inputs of an application: extractRiskInputs over applications.input, applications.financing and
 * the active countries reference values, with their hash. An application the model can never score (unknown
 * country, invalid inputs) answers `{ unscorable: reason }`. Shared by the reader (currency), the scheduler
 * (job id) and the processor (what to assess). Null when the application does not exist.
 */
export async function currentRiskInputs(
  manager: EntityManager,
  applicationId: string,
  source?: ApplicationRiskSource,
  /** The model the inputs are for (default: the active one; FORGE-RRS 1.1.0 reads more than 1.0.0). */
  modelVersion?: string,
): Promise<CurrentRiskInputs | null> {
  const application = source ?? (await readApplicationRiskSource(manager, applicationId));
  if (application === null) return null;
  return riskInputsOf(manager, application, undefined, modelVersion);
}

/**
 * The application's risk inputs as `modelVersion` reads them (default: the active model). The inputs depend on
 * the model: FORGE-RRS 1.1.0 on (a model with an evidence rule) also reads which mitigants are evidenced, from
 * the kinds of the documents attached to the application now; 1.0.0 reads exactly what it always read.
 * `activeCountriesSha256`: the active countries snapshot's SHA-256 when the caller already read it.
 */
export async function riskInputsOf(
  manager: EntityManager,
  application: ApplicationRiskSource,
  activeCountriesSha256?: string | null,
  modelVersion?: string,
): Promise<CurrentRiskInputs> {
  const applicationVersion = application.version;
  const country = typeof application.input?.country === 'string' ? application.input.country : '';
  const reference =
    country === '' ? null : await riskReferenceValues(manager, country, activeCountriesSha256);
  if (reference === null) {
    return {
      unscorable: `SCORING.INVALID_INPUTS: country ${country || '(none)'} is not in the active countries reference data`,
      applicationVersion,
    };
  }
  try {
    const params = await scoringModelParams(
      manager,
      modelVersion ?? (await activeModelVersion(manager)) ?? DEFAULT_SCORING_MODEL_VERSION,
    );
    const documentKinds =
      params.mitigantEvidence === undefined
        ? undefined
        : await attachedDocumentKinds(manager, application.id);
    const inputs = extractRiskInputs(
      await effectiveInput(manager, application),
      application.financing,
      { oecdCrc: reference.oecdCrc, eitiImplementing: reference.eitiImplementing },
      documentKinds === undefined ? { params } : { params, documentKinds },
    );
    return {
      inputs,
      inputsHash: hashRiskInputs(inputs),
      referenceSnapshotHashes: { countries: reference.snapshotSha256 },
      applicationVersion,
    };
  } catch (error) {
    if (error instanceof DomainError) return { unscorable: describeDomainError(error), applicationVersion };
    throw error;
  }
}

/** The kinds of the documents attached to the application now (scoring.md 1.1.0: what evidences a mitigant). */
async function attachedDocumentKinds(manager: EntityManager, applicationId: string): Promise<string[]> {
  const rows: Array<{ kind: string }> = await manager.query(
    `SELECT DISTINCT kind FROM documents WHERE application_id = $1 ORDER BY kind`,
    [applicationId],
  );
  return rows.map((row) => row.kind);
}

/**
 * What the model reads of the application: its input, except that after close (financed, disbursing,
 * monitoring) the latest annual monitoring report's actual figures replace the sponsor's projections
 * (monitoring.md: the sponsor's DSCR becomes the actual one; `actualInput` in the domain). So a new report
 * changes the inputs hash, the job id and the assessment, and risk at approval and risk now sit side by side.
 */
async function effectiveInput(
  manager: EntityManager,
  application: ApplicationRiskSource,
): Promise<ApplicationInput> {
  if (!isLiveFinancedStage(application.stage)) return application.input;
  return actualInput(application.input, await latestReportFigures(manager, application.id));
}

/** `CODE: message (field: message; …)`, the form failures are recorded in. */
export function describeDomainError(error: DomainError): string {
  const details = (error.details ?? []).map((d) => (d.field ? `${d.field}: ${d.message}` : d.message));
  return `${error.code}: ${error.message}${details.length > 0 ? ` (${details.join('; ')})` : ''}`.slice(
    0,
    2000,
  );
}
