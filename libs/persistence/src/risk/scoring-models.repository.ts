import { type EntityManager } from 'typeorm';
import {
  DomainError,
  defineScoringModel,
  paramsHash,
  SCORING_MODELS,
  type ScoringModelParams,
} from '@forge/domain';
import { type ScoringModelsRow } from '../entities/scoring_models.entity.js';
import { returnedRows } from '../returned-rows.js';

/** The model activated when the registry has none active (scoring.md: FORGE-RRS 1.0.0). */
export const DEFAULT_SCORING_MODEL_VERSION = '1.0.0';

/** Serialises concurrent registrations (API and worker start together). */
const REGISTRY_LOCK = 7_205_001;

export interface ScoringModelRow {
  version: string;
  paramsHash: string;
  active: boolean;
  createdAt: string;
  activatedAt: string | null;
}

/** A registry row as the repository reads it: everything but the params. */
type RawModelRow = Omit<ScoringModelsRow, 'params'>;

function toModelRow(row: RawModelRow): ScoringModelRow {
  return {
    version: row.version,
    paramsHash: row.params_hash.trim(),
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
    activatedAt: row.activated_at === null ? null : new Date(row.activated_at).toISOString(),
  };
}

/**
 * Inserts every model of `models` that the registry lacks and activates the default model when none is active.
 * Idempotent (ON CONFLICT DO NOTHING under an advisory transaction lock). Run it inside a transaction; the
 * application layer (libs/application `registerScoringModels`) writes the audit event.
 */
export async function insertMissingScoringModels(
  manager: EntityManager,
  models: readonly ScoringModelParams[] = SCORING_MODELS,
): Promise<{ inserted: string[]; activated: string | null }> {
  await manager.query(`SELECT pg_advisory_xact_lock($1)`, [REGISTRY_LOCK]);
  const inserted: string[] = [];
  for (const model of models) {
    const rows: Array<{ version: string }> = await manager.query(
      `INSERT INTO scoring_models (version, params, params_hash) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (version) DO NOTHING RETURNING version`,
      [model.version, JSON.stringify(model), paramsHash(model)],
    );
    if (rows.length > 0) inserted.push(model.version);
  }
  let activated: string | null = null;
  const active: Array<{ version: string }> = await manager.query(
    `SELECT version FROM scoring_models WHERE active`,
  );
  if (active.length === 0) {
    const rows = returnedRows<{ version: string }>(
      await manager.query(
        `UPDATE scoring_models SET active = true, activated_at = now() WHERE version = $1 RETURNING version`,
        [DEFAULT_SCORING_MODEL_VERSION],
      ),
    );
    activated = rows[0]?.version ?? null;
  }
  return { inserted, activated };
}

/** The registry, oldest first. */
export async function listScoringModels(manager: EntityManager): Promise<ScoringModelRow[]> {
  const rows: RawModelRow[] = await manager.query(
    `SELECT version, params_hash, active, created_at, activated_at FROM scoring_models ORDER BY created_at, version`,
  );
  return rows.map(toModelRow);
}

/** The active model version, or null when the registry has not been initialised. */
export async function activeModelVersion(manager: EntityManager): Promise<string | null> {
  const rows: Array<{ version: string }> = await manager.query(
    `SELECT version FROM scoring_models WHERE active`,
  );
  return rows[0]?.version ?? null;
}

const paramsCache = new Map<string, ScoringModelParams>();

/**
 * A registered model's parameters, read from the registry (the versioned data is the source of truth, so a
 * model registered only in the database scores and replays too). They are validated (defineScoringModel) and
 * their hash must equal the stored params_hash. Unknown version → SCORING.UNKNOWN_MODEL. `knownHash`: the
 * version's params_hash when the caller read it already (in the same transaction): parameters validated against
 * that hash before are answered from the cache without a read.
 */
export async function scoringModelParams(
  manager: EntityManager,
  version: string,
  knownHash?: string,
): Promise<ScoringModelParams> {
  const known = knownHash === undefined ? undefined : paramsCache.get(`${version}\u0000${knownHash.trim()}`);
  if (known !== undefined) return known;
  const rows: Pick<ScoringModelsRow, 'params' | 'params_hash'>[] = await manager.query(
    `SELECT params, params_hash FROM scoring_models WHERE version = $1`,
    [version],
  );
  const row = rows[0];
  if (row === undefined) {
    throw new DomainError('SCORING.UNKNOWN_MODEL', `no scoring model version ${version} in the registry`, [
      { field: 'modelVersion', message: `unknown version ${version}` },
    ]);
  }
  const storedHash = row.params_hash.trim();
  const cached = paramsCache.get(`${version}\u0000${storedHash}`);
  if (cached !== undefined) return cached;
  const params = defineScoringModel(row.params);
  const hash = paramsHash(params);
  if (hash !== storedHash) {
    throw new DomainError(
      'SCORING.INVALID_MODEL',
      `scoring model ${version}: parameters hash ${hash} differs from the registered ${storedHash}`,
    );
  }
  paramsCache.set(`${version}\u0000${storedHash}`, params);
  return params;
}

/**
 * Makes `version` the active model (the previous one inactive), under the registry lock. Unknown version → 404
 * SCORING_MODEL.NOT_FOUND. Returns the previous active version. The application layer (libs/application
 * `activateScoringModel`) writes the audit event.
 */
export async function setActiveScoringModel(
  manager: EntityManager,
  version: string,
): Promise<{ previous: string | null; row: ScoringModelRow }> {
  await manager.query(`SELECT pg_advisory_xact_lock($1)`, [REGISTRY_LOCK]);
  const target: RawModelRow[] = await manager.query(
    `SELECT version, params_hash, active, created_at, activated_at FROM scoring_models WHERE version = $1`,
    [version],
  );
  if (target.length === 0) {
    throw new DomainError('SCORING_MODEL.NOT_FOUND', `no scoring model version ${version}`, [
      { field: 'version', message: 'not in the registry' },
    ]);
  }
  // Fails on a malformed registered model before it can become active.
  await scoringModelParams(manager, version);
  const previous = await activeModelVersion(manager);
  await manager.query(`UPDATE scoring_models SET active = false WHERE active AND version <> $1`, [version]);
  const rows = returnedRows<RawModelRow>(
    await manager.query(
      `UPDATE scoring_models SET active = true, activated_at = CASE WHEN active THEN activated_at ELSE now() END
        WHERE version = $1 RETURNING version, params_hash, active, created_at, activated_at`,
      [version],
    ),
  );
  return { previous, row: toModelRow(rows[0]!) };
}

/**
 * The active model when its activation has no audit event yet (an activation a migration made: it may not call
 * the audit writer), with the version active before it (the inactive row activated last) and its params hash;
 * null when the latest activation event (`scoring.model_activated`, or `scoring.models_registered` that
 * activated a model) names the active version.
 */
export async function unauditedActivation(
  manager: EntityManager,
): Promise<{ version: string; previous: string | null; paramsHash: string } | null> {
  const [active]: Array<{ version: string; params_hash: string }> = await manager.query(
    `SELECT version, params_hash FROM scoring_models WHERE active`,
  );
  if (active === undefined) return null;
  const [last]: Array<{ subject_id: string }> = await manager.query(
    `SELECT subject_id FROM (
       (SELECT entry, subject_id FROM audit_events WHERE action = 'scoring.model_activated' ORDER BY entry DESC LIMIT 1)
       UNION ALL
       (SELECT entry, subject_id FROM audit_events
         WHERE action = 'scoring.models_registered' AND after->>'activated' IS NOT NULL ORDER BY entry DESC LIMIT 1)
     ) latest ORDER BY entry DESC LIMIT 1`,
  );
  if (last?.subject_id === active.version) return null;
  const [previous]: Array<{ version: string }> = await manager.query(
    `SELECT version FROM scoring_models WHERE NOT active AND activated_at IS NOT NULL
      ORDER BY activated_at DESC, version DESC LIMIT 1`,
  );
  return {
    version: active.version,
    previous: previous?.version ?? null,
    paramsHash: active.params_hash.trim(),
  };
}
