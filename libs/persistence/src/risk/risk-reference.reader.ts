import { type EntityManager } from 'typeorm';
import { type ScoringReferenceValues } from '@forge/domain';

/** The reference values FORGE-RRS reads for one country, and the snapshot they came from. */
export interface RiskReferenceValues extends ScoringReferenceValues {
  snapshotSha256: string;
}

type CountryValues = { oecdCrc: number | null; eitiImplementing: boolean };

// ---- countries content cache: a snapshot's content never changes for a given SHA-256, so it is read once ----

const COUNTRIES_CACHE_SIZE = 3;
const countriesCache = new Map<string, Map<string, CountryValues>>();

/** The SHA-256 of the ACTIVE 'countries' reference snapshot, or null when none is active. */
export async function activeCountriesSha256(manager: EntityManager): Promise<string | null> {
  const [row]: Array<{ sha256: string }> = await manager.query(
    `SELECT sha256 FROM reference_snapshots WHERE kind = 'countries' AND active`,
  );
  return row ? row.sha256.trim() : null;
}

/** The countries of a snapshot by code (the first entry of a code wins), cached in process by SHA-256. */
async function countriesOf(manager: EntityManager, sha256: string): Promise<Map<string, CountryValues>> {
  const cached = countriesCache.get(sha256);
  if (cached) return cached;
  const [row]: Array<{ countries: unknown }> = await manager.query(
    `SELECT content->'countries' AS countries FROM reference_snapshots
      WHERE kind = 'countries' AND sha256 = $1 LIMIT 1`,
    [sha256],
  );
  const table = new Map<string, CountryValues>();
  for (const entry of Array.isArray(row?.countries) ? row.countries : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const country = entry as { code?: unknown; oecdCrc?: number | null; eitiImplementing?: unknown };
    if (typeof country.code !== 'string' || table.has(country.code)) continue;
    table.set(country.code, {
      oecdCrc: country.oecdCrc ?? null,
      eitiImplementing: country.eitiImplementing === true,
    });
  }
  countriesCache.set(sha256, table);
  while (countriesCache.size > COUNTRIES_CACHE_SIZE)
    countriesCache.delete(countriesCache.keys().next().value!);
  return table;
}

/**
 * The country's values in the ACTIVE 'countries' reference snapshot, or null when there is no active snapshot
 * or the country is not in it. Only the active snapshot's SHA-256 is read per call (pass it when already
 * known); its content is read once per SHA-256 and cached in process (same answer as the reference module's
 * `countryReferenceValues`).
 */
export async function riskReferenceValues(
  manager: EntityManager,
  countryCode: string,
  activeSha256?: string | null,
): Promise<RiskReferenceValues | null> {
  const sha256 = activeSha256 === undefined ? await activeCountriesSha256(manager) : activeSha256;
  if (sha256 === null) return null;
  const values = (await countriesOf(manager, sha256)).get(countryCode);
  if (!values) return null;
  return { oecdCrc: values.oecdCrc, eitiImplementing: values.eitiImplementing, snapshotSha256: sha256 };
}
