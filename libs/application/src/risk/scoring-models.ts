import { type EntityManager } from 'typeorm';
import { appendAuditEvent, type AuditActor, SYSTEM_AUDIT_ACTOR } from '@forge/audit';
import { paramsHash, SCORING_MODELS, type ScoringModelParams } from '@forge/domain';
import {
  insertMissingScoringModels,
  type ScoringModelRow,
  setActiveScoringModel,
  unauditedActivation,
} from '@forge/persistence';
import { queueOpenReassessments } from './risk-scheduler.js';

/**
 * Inserts every model of SCORING_MODELS that the registry lacks and activates the default model when none is
 * active. Idempotent (ON CONFLICT DO NOTHING under an advisory transaction lock); writes one audit event
 * `scoring.models_registered` only when something changed. Run it inside a transaction.
 */
export async function registerScoringModels(
  manager: EntityManager,
  models: readonly ScoringModelParams[] = SCORING_MODELS,
): Promise<{ inserted: string[]; activated: string | null }> {
  const { inserted, activated } = await insertMissingScoringModels(manager, models);
  await completeRegistryActivation(manager);
  if (inserted.length > 0 || activated !== null) {
    await appendAuditEvent(manager, {
      actor: SYSTEM_AUDIT_ACTOR,
      action: 'scoring.models_registered',
      subject: { type: 'scoring_model', id: activated ?? inserted[0]! },
      after: { inserted, activated },
      context: {
        paramsHashes: Object.fromEntries(
          models.filter((m) => inserted.includes(m.version)).map((m) => [m.version, paramsHash(m)]),
        ),
      },
    });
  }
  return { inserted, activated };
}

/**
 * Completes an activation a migration made (migrations/1795990932559 activates FORGE-RRS 1.1.0): a migration
 * may not call today's audit writer or outbox, so the first start after it does what the API's activation does
 * besides switching the row, once: it queues the re-assessment of every open application and writes
 * `scoring.model_activated` (system actor, `context.completedAtStart: true`). Runs under the registry lock taken
 * by `insertMissingScoringModels`, so an API and a worker starting together complete it once.
 */
export async function completeRegistryActivation(
  manager: EntityManager,
): Promise<{ version: string; queued: number } | null> {
  const pending = await unauditedActivation(manager);
  if (pending === null) return null;
  const queued = await queueOpenReassessments(manager);
  await appendAuditEvent(manager, {
    actor: SYSTEM_AUDIT_ACTOR,
    action: 'scoring.model_activated',
    subject: { type: 'scoring_model', id: pending.version },
    before: { activeVersion: pending.previous },
    after: { activeVersion: pending.version, paramsHash: pending.paramsHash },
    context: { completedAtStart: true, queued },
  });
  return { version: pending.version, queued };
}

/**
 * Makes `version` the active model (the previous one inactive) and writes the audit event
 * `scoring.model_activated`. Unknown version → 404 SCORING_MODEL.NOT_FOUND. Returns the previous active version.
 */
export async function activateScoringModel(
  manager: EntityManager,
  version: string,
  actor: AuditActor,
  /** Work done after the activation and before the event is written (the audit append stays last). */
  afterActivate?: (previous: string | null) => Promise<void>,
): Promise<{ previous: string | null; row: ScoringModelRow }> {
  const { previous, row } = await setActiveScoringModel(manager, version);
  if (afterActivate) await afterActivate(previous);
  await appendAuditEvent(manager, {
    actor,
    action: 'scoring.model_activated',
    subject: { type: 'scoring_model', id: version },
    before: { activeVersion: previous },
    after: { activeVersion: version, paramsHash: row.paramsHash },
  });
  return { previous, row };
}
