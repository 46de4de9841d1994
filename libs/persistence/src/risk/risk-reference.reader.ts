import { type EntityManager } from 'typeorm';
import { type ScoringReferenceValues } from '@forge/domain';

/** The reference values FORGE-RRS reads for one country, and the snapshot they came from. */
export interface RiskReferenceValues extends ScoringReferenceValues {
  snapshotSha256: string;
}

interface CountriesSnapshotRow {
  sha256: string;
  country: { oecdCrc?: unknown; eitiImplementing?: unknown } | null;
}

/**
 * The country's values in the ACTIVE 'countries' reference snapshot (`content.countries[]`, as
 * parseCountriesReference validated it at load time), or null when there is no active snapshot or the country
 * is not in it. Kept behind this one function so it can switch to the reference engineer's
 * `countryReferenceValues` without touching the scoring code.
 */
export async function riskReferenceValues(
  manager: EntityManager,
  countryCode: string,
): Promise<RiskReferenceValues | null> {
  const rows: CountriesSnapshotRow[] = await manager.query(
    `SELECT s.sha256,
            (SELECT c FROM jsonb_array_elements(s.content->'countries') c WHERE c->>'code' = $1 LIMIT 1) AS country
       FROM reference_snapshots s
      WHERE s.kind = 'countries' AND s.active`,
    [countryCode],
  );
  const row = rows[0];
  if (row === undefined || row.country === null || row.country === undefined) return null;
  const oecdCrc = row.country.oecdCrc;
  return {
    oecdCrc: typeof oecdCrc === 'number' ? oecdCrc : null,
    eitiImplementing: row.country.eitiImplementing === true,
    snapshotSha256: row.sha256.trim(),
  };
}
