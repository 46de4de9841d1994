import { type EntityManager } from 'typeorm';
import {
  activeModelVersion,
  currentRiskInputs,
  DEFAULT_SCORING_MODEL_VERSION,
  readRiskSourceNow,
  riskInputsNow,
} from '@forge/persistence';
import {
  addToOutbox,
  deterministicJobId,
  type OutboxMessage,
  QUEUE_NAMES,
  type RiskScoringJobPayload,
} from '@forge/queue';
import { RISK_OPEN_STAGES } from './risk-stages.js';

export const RISK_JOB_NAME = 'assess-application';

/**
 * The job that scores these inputs under this model: `risk.<applicationId>.<inputsHash>.<modelVersion>`.
 * The same inputs under the same model always give the same id, so BullMQ and the outbox deduplicate it.
 * An unscorable application gets `risk.<applicationId>.unscorable-v<applicationVersion>.<modelVersion>`, so
 * its failure is still recorded once per version.
 */
export function riskJobId(applicationId: string, inputsHashOrMarker: string, modelVersion: string): string {
  return deterministicJobId('risk', applicationId, inputsHashOrMarker, modelVersion);
}

/**
 * Queues a risk assessment of the application's present inputs under the active model, through the outbox
 * (in the caller's transaction). Returns the deterministic job id.
 */
export async function scheduleRiskAssessment(
  manager: EntityManager,
  applicationId: string,
  reason: RiskScoringJobPayload['reason'],
): Promise<string> {
  const message = await riskAssessmentMessage(manager, applicationId, reason);
  await addToOutbox(manager, message);
  return message.jobId;
}

/** The outbox message `scheduleRiskAssessment` queues, for a caller that queues it with others (one INSERT). */
export async function riskAssessmentMessage(
  manager: EntityManager,
  applicationId: string,
  reason: RiskScoringJobPayload['reason'],
): Promise<OutboxMessage> {
  const source = await readRiskSourceNow(manager, applicationId);
  if (source === null) throw new Error(`scheduleRiskAssessment: no application ${applicationId}`);
  const modelVersion = source.model?.version ?? DEFAULT_SCORING_MODEL_VERSION;
  const today = await riskInputsNow(manager, source);
  const marker = 'inputsHash' in today ? today.inputsHash : `unscorable-v${today.applicationVersion}`;
  const jobId = riskJobId(applicationId, marker, modelVersion);
  const payload: RiskScoringJobPayload = { applicationId, inputsHash: marker, modelVersion, reason };
  return { queue: QUEUE_NAMES.riskScoring, jobName: RISK_JOB_NAME, jobId, payload };
}

/**
 * Queues a re-assessment (reason `model_activated`) of every open application (RISK_OPEN_STAGES), in the
 * caller's transaction: what activating a model does besides switching the registry row. Returns how many.
 */
export async function queueOpenReassessments(manager: EntityManager): Promise<number> {
  const open: Array<{ id: string }> = await manager.query(
    `SELECT id FROM applications WHERE stage = ANY($1::text[]) ORDER BY created_at, id`,
    [[...RISK_OPEN_STAGES]],
  );
  for (const application of open) await scheduleRiskAssessment(manager, application.id, 'model_activated');
  return open.length;
}

/**
 * After a document was attached: queues a re-assessment when the application is scored in its stage and its
 * inputs under the active model are no longer those of an assessment on record (FORGE-RRS 1.1.0: the document
 * evidences a mitigant of the structure). A document that changes no input queues nothing. Returns the job id,
 * or null.
 */
export async function reassessIfInputsChanged(
  manager: EntityManager,
  applicationId: string,
  stage: string,
  reason: RiskScoringJobPayload['reason'],
): Promise<string | null> {
  if (!(RISK_OPEN_STAGES as readonly string[]).includes(stage)) return null;
  const modelVersion = await activeModelVersion(manager);
  if (modelVersion === null) return null;
  const today = await currentRiskInputs(manager, applicationId, undefined, modelVersion);
  if (today === null || !('inputsHash' in today)) return null;
  const [assessed]: Array<{ id: string }> = await manager.query(
    `SELECT id FROM risk_assessments WHERE application_id = $1 AND inputs_hash = $2 AND model_version = $3`,
    [applicationId, today.inputsHash, modelVersion],
  );
  const [any]: Array<{ id: string }> = await manager.query(
    `SELECT id FROM risk_assessments WHERE application_id = $1 LIMIT 1`,
    [applicationId],
  );
  // Nothing to re-assess before the first assessment (submission queues it); nothing when these inputs are scored.
  if (assessed !== undefined || any === undefined) return null;
  return scheduleRiskAssessment(manager, applicationId, reason);
}
