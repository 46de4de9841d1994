import { type EntityManager } from 'typeorm';
import { type AssessmentResult, isAssessmentCurrent, type RiskInputs } from '@forge/domain';
import { type RiskAssessmentsRow } from '../entities/risk_assessments.entity.js';
import { isUuid } from '../applications/application.repository.js';
import {
  type ApplicationRiskSource,
  readApplicationRiskSource,
  type ReferenceSnapshotHashes,
  riskInputsOf,
} from './risk-inputs.reader.js';

export interface LatestAssessment {
  id: string;
  /** Computed on today's inputs under the active model (scoring.md). */
  current: boolean;
  grossBand: string;
  /** The residual band after an approved override, if any. */
  residualBand: string;
  /** The full record of scoring.md plus `current`, as the application view shows it. */
  view: RiskAssessmentView;
}

/** An approved band override of an assessment (maker-checker; never an edit of the assessment). */
export interface RiskBandOverrideView {
  id: string;
  band: string;
  rationale: string;
  approvalId: string;
  createdAt: string;
}

/** The scoring.md record, plus `current` and the approved `override` (null when none). */
export interface RiskAssessmentView extends AssessmentResult {
  id: string;
  applicationId: string;
  applicationVersion: number;
  referenceSnapshotHashes: ReferenceSnapshotHashes;
  computedAt: string;
  jobId: string;
  current: boolean;
  override: RiskBandOverrideView | null;
}

/** A stored assessment row as the processor wrote it (used by replay). */
export interface StoredRiskAssessment {
  id: string;
  applicationId: string;
  organizationId: string;
  applicationVersion: number;
  modelVersion: string;
  paramsHash: string;
  inputsHash: string;
  inputs: RiskInputs;
  referenceSnapshotHashes: ReferenceSnapshotHashes;
  result: AssessmentResult;
  computedAt: string;
  jobId: string;
  override: RiskBandOverrideView | null;
}

/** What `SELECT_ASSESSMENTS` selects: the assessment's columns, its application's organisation, its override. */
export type RawAssessmentRow = Pick<
  RiskAssessmentsRow,
  | 'id'
  | 'application_id'
  | 'application_version'
  | 'model_version'
  | 'params_hash'
  | 'inputs_hash'
  | 'inputs'
  | 'reference_snapshot_hashes'
  | 'result'
  | 'computed_at'
  | 'job_id'
> & {
  organization_id: string;
  override_id: string | null;
  override_band: string | null;
  override_rationale: string | null;
  override_approval_id: string | null;
  override_created_at: Date | null;
};

export const SELECT_ASSESSMENTS = `
  SELECT ra.id, ra.application_id, a.organization_id, ra.application_version, ra.model_version, ra.params_hash,
         ra.inputs_hash, ra.inputs, ra.reference_snapshot_hashes, ra.result, ra.computed_at, ra.job_id,
         o.id AS override_id, o.band AS override_band, o.rationale AS override_rationale,
         o.approval_id AS override_approval_id, o.created_at AS override_created_at
    FROM risk_assessments ra
    JOIN applications a ON a.id = ra.application_id
    LEFT JOIN LATERAL (
      SELECT rbo.id, rbo.band, rbo.rationale, rbo.approval_id, rbo.created_at
        FROM risk_band_overrides rbo
        JOIN approvals ap ON ap.id = rbo.approval_id AND ap.status = 'approved'
       WHERE rbo.assessment_id = ra.id
       ORDER BY rbo.created_at DESC, rbo.id DESC
       LIMIT 1
    ) o ON true`;

function toStored(row: RawAssessmentRow): StoredRiskAssessment {
  return {
    id: row.id,
    applicationId: row.application_id,
    organizationId: row.organization_id,
    applicationVersion: row.application_version,
    modelVersion: row.model_version,
    paramsHash: row.params_hash.trim(),
    inputsHash: row.inputs_hash.trim(),
    inputs: row.inputs,
    referenceSnapshotHashes: row.reference_snapshot_hashes,
    result: row.result,
    computedAt: new Date(row.computed_at).toISOString(),
    jobId: row.job_id,
    override:
      row.override_id === null
        ? null
        : {
            id: row.override_id,
            band: row.override_band!,
            rationale: row.override_rationale!,
            approvalId: row.override_approval_id!,
            createdAt: new Date(row.override_created_at!).toISOString(),
          },
  };
}

/** The assessment record of scoring.md (no `current`, no override): what replay compares. */
export function assessmentRecord(
  stored: StoredRiskAssessment,
): Omit<RiskAssessmentView, 'current' | 'override'> {
  const { result } = stored;
  return {
    id: stored.id,
    applicationId: stored.applicationId,
    applicationVersion: stored.applicationVersion,
    modelVersion: stored.modelVersion,
    paramsHash: stored.paramsHash,
    inputsHash: stored.inputsHash,
    referenceSnapshotHashes: stored.referenceSnapshotHashes,
    factors: result.factors,
    gross: result.gross,
    residual: result.residual,
    riskReduction: result.riskReduction,
    riskReductionPct: result.riskReductionPct,
    expectedLoss: result.expectedLoss,
    floorsApplied: result.floorsApplied,
    conservatismApplied: result.conservatismApplied,
    computedAt: stored.computedAt,
    jobId: stored.jobId,
  };
}

function toView(stored: StoredRiskAssessment, current: boolean): RiskAssessmentView {
  return {
    ...assessmentRecord(stored),
    current,
    override: stored.override,
  };
}

/**
 * Today's inputs hash (null when unscorable) and the active model, for the currency rule. The active model and
 * the active countries snapshot are read in one query; `source` (the application's fields, when the caller
 * already holds them) saves reading the application again.
 */
export async function currencyBasis(
  manager: EntityManager,
  applicationId: string,
  source?: ApplicationRiskSource,
): Promise<CurrencyBasis> {
  const [active]: Array<{ model: string | null; countries: string | null }> = await manager.query(
    `SELECT ${ACTIVE_MODEL_SQL} AS model, ${ACTIVE_COUNTRIES_SQL} AS countries`,
  );
  return currencyBasisOf(manager, source ?? (await readApplicationRiskSource(manager, applicationId)), {
    model: active?.model ?? null,
    countries: active?.countries ?? null,
  });
}

/** Whether an assessment is current is decided against today's inputs hash and the active model. */
export interface CurrencyBasis {
  todayInputsHash: string | null;
  activeModel: string | null;
}

/** The active model's version and the active countries snapshot's SHA-256, as scalar subqueries. */
export const ACTIVE_MODEL_SQL = `(SELECT version FROM scoring_models WHERE active LIMIT 1)`;
export const ACTIVE_COUNTRIES_SQL = `(SELECT sha256 FROM reference_snapshots WHERE kind = 'countries' AND active LIMIT 1)`;

/** `currencyBasis` when the caller already read the application and the active model and countries. */
export async function currencyBasisOf(
  manager: EntityManager,
  application: ApplicationRiskSource | null,
  active: { model: string | null; countries: string | null },
): Promise<CurrencyBasis> {
  const activeModel = active.model ?? null;
  const today =
    application === null ? null : await riskInputsOf(manager, application, active.countries?.trim() ?? null);
  return {
    todayInputsHash: today !== null && 'inputsHash' in today ? today.inputsHash : null,
    activeModel,
  };
}

function isCurrent(stored: StoredRiskAssessment, basis: CurrencyBasis): boolean {
  if (basis.todayInputsHash === null || basis.activeModel === null) return false;
  return isAssessmentCurrent(stored, basis.todayInputsHash, basis.activeModel);
}

/**
 * Assessments of an application, newest first, each with `current`. Who may read them is the application
 * layer's question (`ApplicationAccess`), asked before this.
 */
export async function listRiskAssessments(
  manager: EntityManager,
  applicationId: string,
): Promise<RiskAssessmentView[]> {
  const rows: RawAssessmentRow[] = await manager.query(
    `${SELECT_ASSESSMENTS}
      WHERE ra.application_id = $1
      ORDER BY ra.computed_at DESC, ra.id DESC`,
    [applicationId],
  );
  if (rows.length === 0) return [];
  const basis = await currencyBasis(manager, applicationId);
  return rows.map(toStored).map((stored) => toView(stored, isCurrent(stored, basis)));
}

/** One stored assessment, or null (also for an id that is not a UUID). */
export async function findStoredRiskAssessment(
  manager: EntityManager,
  assessmentId: string,
): Promise<StoredRiskAssessment | null> {
  if (!isUuid(assessmentId)) return null;
  const rows: RawAssessmentRow[] = await manager.query(`${SELECT_ASSESSMENTS} WHERE ra.id = $1`, [
    assessmentId,
  ]);
  return rows[0] === undefined ? null : toStored(rows[0]);
}

/** An assessment row (`SELECT_ASSESSMENTS`, also as JSON) as its view with `current`. */
export function riskAssessmentViewOf(row: RawAssessmentRow, basis: CurrencyBasis): RiskAssessmentView {
  const stored = toStored(row);
  return toView(stored, isCurrent(stored, basis));
}

/** One assessment's view with `current`, or null. */
export async function getRiskAssessment(
  manager: EntityManager,
  assessmentId: string,
): Promise<RiskAssessmentView | null> {
  const stored = await findStoredRiskAssessment(manager, assessmentId);
  if (stored === null) return null;
  const basis = await currencyBasis(manager, stored.applicationId);
  return toView(stored, isCurrent(stored, basis));
}

/**
 * The application's latest risk assessment (newest computed_at) and whether it is current: its inputsHash is
 * the hash of today's inputs and its model is the active one. `residualBand` honours an approved band override.
 * Null when the application has no assessment (the committee guard then fails closed).
 */
export async function latestRiskAssessment(
  manager: EntityManager,
  applicationId: string,
  /** The application's fields when the caller already read them (saves a query). */
  source?: ApplicationRiskSource,
): Promise<LatestAssessment | null> {
  const rows: RawAssessmentRow[] = await manager.query(
    `${SELECT_ASSESSMENTS}
      WHERE ra.application_id = $1
      ORDER BY ra.computed_at DESC, ra.id DESC
      LIMIT 1`,
    [applicationId],
  );
  if (rows[0] === undefined) return null;
  return latestAssessmentOf(rows[0], await currencyBasis(manager, applicationId, source));
}

/** An assessment row (`SELECT_ASSESSMENTS`, also as JSON) as the application view's latest assessment. */
export function latestAssessmentOf(row: RawAssessmentRow, basis: CurrencyBasis): LatestAssessment {
  const stored = toStored(row);
  const current = isCurrent(stored, basis);
  const view = toView(stored, current);
  return {
    id: stored.id,
    current,
    grossBand: stored.result.gross.band,
    residualBand: stored.override?.band ?? stored.result.residual.band,
    view,
  };
}
