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
  asSubmittedInput,
  type DraftApplicationInput,
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
  const rows: RiskSourceRow[] = await manager.query(
    `SELECT id, stage, version, organization_id, input, financing FROM applications WHERE id = $1`,
    [applicationId],
  );
  const row = rows[0];
  return row === undefined ? null : toRiskSource(row);
}

/** The application columns the scoring reads. */
interface RiskSourceRow {
  id: string;
  stage: string;
  version: number;
  organization_id: string;
  input: DraftApplicationInput;
  financing: FinancingStructure | null;
}

function toRiskSource(row: RiskSourceRow): ApplicationRiskSource {
  return {
    id: row.id,
    stage: row.stage,
    version: row.version,
    organizationId: row.organization_id,
    input: asSubmittedInput(row.input),
    financing: row.financing ?? null,
  };
}

/**
 * What scoring an application reads besides the pure domain, as of now, in one statement (issue 18.4: it was five
 * round trips, one after the other, in the scheduling command and again in the job): the application's fields, the
 * active model's version and parameters hash, the active countries snapshot's SHA-256 and the kinds of the attached
 * documents. The parameters and the countries' content come from their in-process caches (by hash), read only
 * on a miss. Null when there is no such application.
 */
export interface RiskSourceNow {
  application: ApplicationRiskSource;
  /** The active model (null: the registry has none active). */
  model: { version: string; paramsHash: string } | null;
  countriesSha256: string | null;
  documentKinds: string[];
}

export async function readRiskSourceNow(
  manager: EntityManager,
  applicationId: string,
): Promise<RiskSourceNow | null> {
  const [row]: Array<
    RiskSourceRow & {
      model_version: string | null;
      params_hash: string | null;
      countries_sha256: string | null;
      document_kinds: string[];
    }
  > = await manager.query(
    `SELECT a.id, a.stage, a.version, a.organization_id, a.input, a.financing,
            m.version AS model_version, m.params_hash,
            (SELECT sha256 FROM reference_snapshots WHERE kind = 'countries' AND active) AS countries_sha256,
            ARRAY(SELECT DISTINCT kind FROM documents WHERE application_id = a.id ORDER BY kind) AS document_kinds
       FROM applications a
       LEFT JOIN LATERAL (SELECT version, params_hash FROM scoring_models WHERE active LIMIT 1) m ON true
      WHERE a.id = $1`,
    [applicationId],
  );
  if (row === undefined) return null;
  return {
    application: toRiskSource(row),
    model:
      row.model_version === null || row.params_hash === null
        ? null
        : { version: row.model_version, paramsHash: row.params_hash.trim() },
    countriesSha256: row.countries_sha256 === null ? null : row.countries_sha256.trim(),
    documentKinds: row.document_kinds,
  };
}

/** The inputs of `source` under its active model (or `DEFAULT_SCORING_MODEL_VERSION` when none is active). */
export function riskInputsNow(manager: EntityManager, source: RiskSourceNow): Promise<CurrentRiskInputs> {
  return riskInputsOf(
    manager,
    source.application,
    source.countriesSha256,
    source.model?.version ?? DEFAULT_SCORING_MODEL_VERSION,
    { documentKinds: source.documentKinds, paramsHash: source.model?.paramsHash },
  );
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
 * `activeCountriesSha256`: the active countries snapshot's SHA-256 when the caller already read it; `known`: the
 * attached document kinds and the model's stored parameters hash when the caller already read them
 * (`readRiskSourceNow`).
 */
export async function riskInputsOf(
  manager: EntityManager,
  application: ApplicationRiskSource,
  activeCountriesSha256?: string | null,
  modelVersion?: string,
  known: { documentKinds?: string[]; paramsHash?: string } = {},
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
      known.paramsHash,
    );
    const documentKinds =
      params.mitigantEvidence === undefined
        ? undefined
        : (known.documentKinds ?? (await attachedDocumentKinds(manager, application.id)));
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
