import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DataSource, type EntityManager } from 'typeorm';
import { appendAuditEvent, type JsonValue, SYSTEM_AUDIT_ACTOR } from '@forge/audit';
import {
  parseCountriesReference,
  parseMineralsReference,
  parseSdnCsv,
  sanctionsListSha256,
} from '@forge/domain';
import { insertActiveReferenceSnapshot, type ReferenceContent, type ReferenceKind } from '@forge/persistence';

/** Advisory lock key of the loader (API and worker replicas start at the same time). */
export const REFERENCE_LOADER_LOCK = 7_204_040;

const MARKER = join('config', 'reference', 'countries.json');

/**
 * The folder holding countries.json, minerals.json and sanctions/{sdn,alt}.csv: `config/reference`
 * under the process's working directory, else the first `config/reference` found walking up from
 * this (compiled) file. Never `../shared`.
 */
export function resolveReferenceDir(cwd: string = process.cwd()): string {
  if (existsSync(join(cwd, MARKER))) return resolve(cwd, 'config', 'reference');
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, MARKER))) return join(dir, 'config', 'reference');
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`reference data not found: no ${MARKER} under ${cwd} or above the compiled code`);
}

interface PreparedSnapshot {
  kind: ReferenceKind;
  name: string;
  sha256: string;
  content: ReferenceContent[ReferenceKind];
  entries: number;
  source: string[];
}

function prepare(kind: ReferenceKind, dir: string): PreparedSnapshot {
  const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
  if (kind === 'countries') {
    const { content, sha256 } = parseCountriesReference(JSON.parse(read('countries.json')));
    return {
      kind,
      name: `countries ${content.version}`,
      sha256,
      content,
      entries: content.countries.length,
      source: ['countries.json'],
    };
  }
  if (kind === 'minerals') {
    const { content, sha256 } = parseMineralsReference(JSON.parse(read('minerals.json')));
    return {
      kind,
      name: `minerals ${content.version}`,
      sha256,
      content,
      entries: content.minerals.length,
      source: ['minerals.json'],
    };
  }
  const altPath = join(dir, 'sanctions', 'alt.csv');
  const alt = existsSync(altPath) ? readFileSync(altPath, 'utf8') : undefined;
  const entries = parseSdnCsv(read(join('sanctions', 'sdn.csv')), alt, {
    sdnFileName: 'sanctions/sdn.csv',
    altFileName: 'sanctions/alt.csv',
  });
  return {
    kind,
    name: 'bundled sanctions list (config/reference/sanctions)',
    sha256: sanctionsListSha256(entries),
    content: entries,
    entries: entries.length,
    source: alt === undefined ? ['sanctions/sdn.csv'] : ['sanctions/sdn.csv', 'sanctions/alt.csv'],
  };
}

/** Writes a snapshot as the active one of its kind plus its `reference.loaded` event (caller's transaction). */
export async function recordReferenceLoad(
  manager: EntityManager,
  snapshot: Omit<PreparedSnapshot, 'source'> & { source?: string[] },
  actor: { id: string; role: string } = SYSTEM_AUDIT_ACTOR,
  /** Work done after the snapshot is active and before the event is written; its answer joins the context. */
  afterActivate?: () => Promise<Record<string, JsonValue>>,
): Promise<{ id: string; loadedAt: string }> {
  const loaded = await insertActiveReferenceSnapshot(manager, {
    kind: snapshot.kind,
    name: snapshot.name,
    sha256: snapshot.sha256,
    content: snapshot.content,
    entries: snapshot.entries,
    loadedBy: actor.id,
  });
  const extra = afterActivate ? await afterActivate() : {};
  await appendAuditEvent(manager, {
    actor,
    action: 'reference.loaded',
    subject: { type: 'reference_snapshot', id: loaded.id },
    before: loaded.previousSha256 === null ? null : { sha256: loaded.previousSha256 },
    after: { kind: snapshot.kind, name: snapshot.name, sha256: snapshot.sha256, entries: snapshot.entries },
    context: { ...(snapshot.source ? { source: snapshot.source } : {}), ...extra },
  });
  return { id: loaded.id, loadedAt: loaded.loadedAt };
}

export interface ReferenceLoadResult {
  loaded: ReferenceKind[];
  skipped: ReferenceKind[];
}

/**
 * Loads the bundled reference data into `reference_snapshots` on start: for each kind with no active
 * snapshot, the parsed file becomes the active snapshot with one `reference.loaded` event. Idempotent and
 * race-safe across processes (one transaction under a transaction-scoped advisory lock; a kind that
 * already has an active snapshot, e.g. an uploaded sanctions list, is left alone).
 */
export async function loadBundledReferenceData(
  dataSource: DataSource,
  dir: string = resolveReferenceDir(),
): Promise<ReferenceLoadResult> {
  return dataSource.transaction('READ COMMITTED', async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [REFERENCE_LOADER_LOCK]);
    const present: Array<{ kind: ReferenceKind }> = await manager.query(
      `SELECT kind FROM reference_snapshots WHERE active`,
    );
    const have = new Set(present.map((r) => r.kind));
    const result: ReferenceLoadResult = { loaded: [], skipped: [] };
    for (const kind of ['countries', 'minerals', 'sanctions'] as const) {
      if (have.has(kind)) {
        result.skipped.push(kind);
        continue;
      }
      await recordReferenceLoad(manager, prepare(kind, dir));
      result.loaded.push(kind);
    }
    return result;
  });
}
