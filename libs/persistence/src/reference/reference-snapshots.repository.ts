import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { buildSanctionsIndex, type SanctionsIndex, type SdnEntry } from '@forge/domain';
import {
  type ReferenceContent,
  type ReferenceKind,
  type ReferenceSnapshotsRow,
} from '../entities/reference_snapshots.entity.js';

export type { ReferenceContent, ReferenceKind };

export interface ActiveReferenceSnapshot<K extends ReferenceKind = ReferenceKind> {
  id: string;
  name: string;
  sha256: string;
  content: ReferenceContent[K];
  entries: number;
  loadedAt: string;
}

/** A snapshot row of kind `K` (its statement selects by kind): its content is that kind's. */
type SnapshotRow<K extends ReferenceKind> = Pick<
  ReferenceSnapshotsRow,
  'id' | 'name' | 'sha256' | 'entries'
> & {
  content: ReferenceContent[K];
  loaded_at: Date | string;
};

const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

function toSnapshot<K extends ReferenceKind>(row: SnapshotRow<K>): ActiveReferenceSnapshot<K> {
  return {
    id: row.id,
    name: row.name,
    sha256: row.sha256.trim(),
    content: row.content,
    entries: Number(row.entries),
    loadedAt: iso(row.loaded_at),
  };
}

/** The active snapshot of a kind (with its content), or null when none was ever loaded. */
export async function activeReferenceSnapshot<K extends ReferenceKind>(
  manager: EntityManager,
  kind: K,
): Promise<ActiveReferenceSnapshot<K> | null> {
  const [row]: SnapshotRow<K>[] = await manager.query(
    `SELECT id, name, sha256, content, entries, loaded_at FROM reference_snapshots WHERE kind = $1 AND active`,
    [kind],
  );
  return row ? toSnapshot<K>(row) : null;
}

/** The active countries and minerals snapshots (the screening's checks read both) in one round trip. */
export async function activeCountriesAndMinerals(manager: EntityManager): Promise<{
  countries: ActiveReferenceSnapshot<'countries'> | null;
  minerals: ActiveReferenceSnapshot<'minerals'> | null;
}> {
  const rows: Array<
    (SnapshotRow<'countries'> & { kind: 'countries' }) | (SnapshotRow<'minerals'> & { kind: 'minerals' })
  > = await manager.query(
    `SELECT kind, id, name, sha256, content, entries, loaded_at FROM reference_snapshots
      WHERE kind IN ('countries', 'minerals') AND active`,
  );
  let countries: ActiveReferenceSnapshot<'countries'> | null = null;
  let minerals: ActiveReferenceSnapshot<'minerals'> | null = null;
  for (const row of rows) {
    if (row.kind === 'countries') countries = toSnapshot<'countries'>(row);
    else minerals = toSnapshot<'minerals'>(row);
  }
  return { countries, minerals };
}

/** A snapshot of a kind by its content hash (the newest load of that content), or null. */
export async function referenceSnapshotBySha256<K extends ReferenceKind>(
  manager: EntityManager,
  kind: K,
  sha256: string,
): Promise<ActiveReferenceSnapshot<K> | null> {
  const [row]: SnapshotRow<K>[] = await manager.query(
    `SELECT id, name, sha256, content, entries, loaded_at FROM reference_snapshots
      WHERE kind = $1 AND sha256 = $2 ORDER BY active DESC, loaded_at DESC LIMIT 1`,
    [kind, sha256],
  );
  return row ? toSnapshot<K>(row) : null;
}

export interface NewReferenceSnapshot {
  kind: ReferenceKind;
  name: string;
  sha256: string;
  content: ReferenceContent[ReferenceKind];
  entries: number;
  /** `system` for the loader, else the admin's user id. */
  loadedBy: string;
}

/**
 * Inserts a snapshot and makes it the active one of its kind, deactivating the previous one in the
 * caller's transaction. Returns the new row's id and load time.
 */
export async function insertActiveReferenceSnapshot(
  manager: EntityManager,
  snapshot: NewReferenceSnapshot,
): Promise<{ id: string; loadedAt: string; previousSha256: string | null }> {
  // (TypeORM answers [rows, count] for UPDATE … RETURNING: read first, then update.)
  const previous: Array<{ sha256: string }> = await manager.query(
    `SELECT sha256 FROM reference_snapshots WHERE kind = $1 AND active FOR UPDATE`,
    [snapshot.kind],
  );
  await manager.query(`UPDATE reference_snapshots SET active = false WHERE kind = $1 AND active`, [
    snapshot.kind,
  ]);
  const id = randomUUID();
  const [row]: Array<{ loaded_at: Date | string }> = await manager.query(
    `INSERT INTO reference_snapshots (id, kind, name, sha256, content, entries, active, loaded_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, true, $7) RETURNING loaded_at`,
    [
      id,
      snapshot.kind,
      snapshot.name,
      snapshot.sha256,
      JSON.stringify(snapshot.content),
      snapshot.entries,
      snapshot.loadedBy,
    ],
  );
  return { id, loadedAt: iso(row!.loaded_at), previousSha256: previous[0]?.sha256.trim() ?? null };
}

/** Values of one host country in the active countries snapshot (for scoring), or null. */
export async function countryReferenceValues(
  manager: EntityManager,
  countryCode: string,
): Promise<{ oecdCrc: number | null; eitiImplementing: boolean; snapshotSha256: string } | null> {
  const [row]: Array<{
    sha256: string;
    country: { oecdCrc: number | null; eitiImplementing: boolean } | null;
  }> = await manager.query(
    `SELECT s.sha256, c.value AS country
         FROM reference_snapshots s
         LEFT JOIN LATERAL (
           SELECT value FROM jsonb_array_elements(s.content->'countries') WHERE value->>'code' = $1 LIMIT 1
         ) c ON true
        WHERE s.kind = 'countries' AND s.active`,
    [countryCode],
  );
  if (!row?.country) return null;
  return {
    oecdCrc: row.country.oecdCrc ?? null,
    eitiImplementing: row.country.eitiImplementing === true,
    snapshotSha256: row.sha256.trim(),
  };
}

// ---- sanctions index cache: building the index of a full list takes a while, so once per snapshot ----

const INDEX_CACHE_SIZE = 3;
const indexCache = new Map<string, SanctionsIndex>();

function remember(sha256: string, index: SanctionsIndex): SanctionsIndex {
  indexCache.delete(sha256);
  indexCache.set(sha256, index);
  while (indexCache.size > INDEX_CACHE_SIZE) indexCache.delete(indexCache.keys().next().value!);
  return index;
}

/** The built index of a list's entries, cached in process by the list's SHA-256. */
export function sanctionsIndexFor(sha256: string, entries: readonly SdnEntry[]): SanctionsIndex {
  return indexCache.get(sha256) ?? remember(sha256, buildSanctionsIndex(entries));
}

export interface SanctionsListHandle {
  id: string;
  sha256: string;
  loadedAt: string;
  index: SanctionsIndex;
}

async function listHandle(
  manager: EntityManager,
  where: string,
  params: unknown[],
): Promise<SanctionsListHandle | null> {
  const [meta]: Array<{ id: string; sha256: string; loaded_at: Date | string }> = await manager.query(
    `SELECT id, sha256, loaded_at FROM reference_snapshots WHERE kind = 'sanctions' AND ${where}
      ORDER BY active DESC, loaded_at DESC LIMIT 1`,
    params,
  );
  if (!meta) return null;
  const sha256 = meta.sha256.trim();
  let index = indexCache.get(sha256);
  if (!index) {
    const [row]: Pick<SnapshotRow<'sanctions'>, 'content'>[] = await manager.query(
      `SELECT content FROM reference_snapshots WHERE id = $1`,
      [meta.id],
    );
    index = sanctionsIndexFor(sha256, row!.content);
  }
  return { id: meta.id, sha256, loadedAt: iso(meta.loaded_at), index };
}

/** The active sanctions list with its built index (content read only when the index is not cached). */
export function activeSanctionsList(manager: EntityManager): Promise<SanctionsListHandle | null> {
  return listHandle(manager, 'active', []);
}

/** A stored sanctions list by its SHA-256, with its built index. */
export function sanctionsListBySha256(
  manager: EntityManager,
  sha256: string,
): Promise<SanctionsListHandle | null> {
  return listHandle(manager, 'sha256 = $1', [sha256]);
}

/** The SHA-256 of each kind's active snapshot: `{ countries, minerals, sanctions }`. */
export async function activeReferenceSnapshotHashes(manager: EntityManager): Promise<Record<string, string>> {
  const rows: Array<{ kind: string; sha256: string }> = await manager.query(
    `SELECT kind, sha256 FROM reference_snapshots WHERE active ORDER BY kind`,
  );
  return Object.fromEntries(rows.map((s) => [s.kind, s.sha256]));
}
