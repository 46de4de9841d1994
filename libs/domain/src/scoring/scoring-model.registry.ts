import { DomainError } from '../errors/domain-error.js';
import { FORGE_RRS_1_0_0 } from './forge-rrs-1-0-0.params.js';
import { FORGE_RRS_1_1_0 } from './forge-rrs-1-1-0.params.js';
import type { ScoringModelParams } from './scoring-model.js';

/**
 * Every FORGE-RRS version the product can score or replay with, oldest first. Which one is
 * active is the registry's business (outside the domain: migration 1795990932559 activates
 * 1.1.0); a stored assessment replays under its own `modelVersion`, so a version is never
 * removed from this list.
 */
export const SCORING_MODELS: readonly ScoringModelParams[] = Object.freeze([
  FORGE_RRS_1_0_0,
  FORGE_RRS_1_1_0,
]);

/** The parameters of a model version; unknown version → `SCORING.UNKNOWN_MODEL`. */
export function scoringModel(version: string): ScoringModelParams {
  const params = SCORING_MODELS.find((m) => m.version === version);
  if (params === undefined) {
    throw new DomainError('SCORING.UNKNOWN_MODEL', `no scoring model version ${version}`, [
      {
        field: 'modelVersion',
        message: `known versions: ${SCORING_MODELS.map((m) => m.version).join(', ')}`,
      },
    ]);
  }
  return params;
}
