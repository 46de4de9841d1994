import { type EntityManager } from 'typeorm';
import { type ScoringReferenceValues } from '@forge/domain';
import { countryReferenceValues } from '../reference/reference-snapshots.repository.js';

/** The reference values FORGE-RRS reads for one country, and the snapshot they came from. */
export interface RiskReferenceValues extends ScoringReferenceValues {
  snapshotSha256: string;
}

/**
 * The country's values in the ACTIVE 'countries' reference snapshot, or null when there is no active snapshot
 * or the country is not in it. Delegates to the reference module's `countryReferenceValues` (one reading of
 * reference_snapshots for checks and scoring).
 */
export function riskReferenceValues(
  manager: EntityManager,
  countryCode: string,
): Promise<RiskReferenceValues | null> {
  return countryReferenceValues(manager, countryCode);
}
