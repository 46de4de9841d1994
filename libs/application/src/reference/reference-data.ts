import { Inject, Injectable } from '@nestjs/common';
import { type AuditActor } from '@forge/audit';
import {
  DomainError,
  diffSanctionsLists,
  parseSdnCsv,
  sanctionsListSha256,
  type SanctionsEntrySummary,
  type SdnEntry,
} from '@forge/domain';
import { activeReferenceSnapshot, type ReferenceContent, UnitOfWork } from '@forge/persistence';
import { DataSource } from 'typeorm';
import { queueRescreeningForNewList } from '../screening/rescreening.js';
import { recordReferenceLoad, REFERENCE_LOADER_LOCK } from './reference-loader.js';

/** Entries listed per kind of change in a preview (the counts are always complete). */
export const SANCTIONS_PREVIEW_LIMIT = 500;

/** An active reference document with its snapshot's id, hash and load time. */
export type ReferenceDocumentView<K extends 'countries' | 'minerals'> = {
  snapshotId: string;
  sha256: string;
  loadedAt: string;
} & ReferenceContent[K];

/** A stored sanctions list (what the upload answers). */
export interface SanctionsListView {
  id: string;
  sha256: string;
  entries: number;
  loadedAt: string;
}

/** What loading a list would change (the entry lists cut at SANCTIONS_PREVIEW_LIMIT; the counts complete). */
export interface SanctionsListPreview {
  current: { id: string; name: string; sha256: string; entries: number; loadedAt: string } | null;
  proposed: { name: string; sha256: string; entries: number };
  identical: boolean;
  counts: { added: number; removed: number; changed: number; unchanged: number };
  added: SanctionsEntrySummary[];
  removed: SanctionsEntrySummary[];
  changed: SanctionsEntrySummary[];
  truncated: boolean;
}

/**
 * Reference data as the API serves it: the active countries and minerals, and the sanctions list's preview and
 * upload (admin). The bundled data is loaded on start by `ReferenceDataLoader`.
 */
@Injectable()
export class ReferenceData {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
  ) {}

  async countries(): Promise<ReferenceDocumentView<'countries'>> {
    const snapshot = await activeReferenceSnapshot(this.dataSource.manager, 'countries');
    if (!snapshot) throw new DomainError('REFERENCE.NOT_FOUND', 'no countries reference data is loaded');
    return {
      snapshotId: snapshot.id,
      sha256: snapshot.sha256,
      loadedAt: snapshot.loadedAt,
      ...snapshot.content,
    };
  }

  async minerals(): Promise<ReferenceDocumentView<'minerals'>> {
    const snapshot = await activeReferenceSnapshot(this.dataSource.manager, 'minerals');
    if (!snapshot) throw new DomainError('REFERENCE.NOT_FOUND', 'no minerals reference data is loaded');
    return {
      snapshotId: snapshot.id,
      sha256: snapshot.sha256,
      loadedAt: snapshot.loadedAt,
      ...snapshot.content,
    };
  }

  /**
   * Parses and stores a sanctions list as the active one (the previous is deactivated), writes
   * `reference.loaded` and queues, in the same transaction, re-screening of every application the list
   * re-screens (received and not terminal, financed projects included: `queueRescreeningForNewList`).
   */
  /**
   * What loading this list would change, without loading it: parsed exactly as the upload parses it (same
   * refusals), compared entry by entry with the active list. Reads only; writes nothing.
   */
  async previewSanctionsList(body: {
    name: string;
    sdnCsv: string;
    altCsv?: string;
  }): Promise<SanctionsListPreview> {
    const entries = this.parseList(body);
    const sha256 = sanctionsListSha256(entries);
    const current = await activeReferenceSnapshot(this.dataSource.manager, 'sanctions');
    const diff = diffSanctionsLists(current?.content ?? null, entries);
    const cut = <T>(items: T[]) => items.slice(0, SANCTIONS_PREVIEW_LIMIT);
    return {
      current: current
        ? {
            id: current.id,
            name: current.name,
            sha256: current.sha256,
            entries: current.entries,
            loadedAt: current.loadedAt,
          }
        : null,
      proposed: { name: body.name, sha256, entries: entries.length },
      identical: current?.sha256 === sha256,
      counts: {
        added: diff.added.length,
        removed: diff.removed.length,
        changed: diff.changed.length,
        unchanged: diff.unchanged,
      },
      added: cut(diff.added),
      removed: cut(diff.removed),
      changed: cut(diff.changed),
      truncated: [diff.added, diff.removed, diff.changed].some(
        (items) => items.length > SANCTIONS_PREVIEW_LIMIT,
      ),
    };
  }

  private parseList(body: { sdnCsv: string; altCsv?: string }): SdnEntry[] {
    const entries = parseSdnCsv(body.sdnCsv, body.altCsv ?? null);
    if (entries.length === 0) {
      throw new DomainError(
        'SANCTIONS.MALFORMED_LIST',
        'malformed sanctions list: sdn.csv holds no entries',
        [{ field: 'sdnCsv', message: 'sdn.csv holds no entries' }],
      );
    }
    return entries;
  }

  async uploadSanctionsList(
    body: { name: string; sdnCsv: string; altCsv?: string },
    actor: AuditActor,
  ): Promise<SanctionsListView> {
    const entries = this.parseList(body);
    const sha256 = sanctionsListSha256(entries);
    return this.uow.run(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock($1)`, [REFERENCE_LOADER_LOCK]);
      const loaded = await recordReferenceLoad(
        manager,
        { kind: 'sanctions', name: body.name, sha256, content: entries, entries: entries.length },
        actor,
        async () => ({ rescreeningQueued: await queueRescreeningForNewList(manager) }),
      );
      return { id: loaded.id, sha256, entries: entries.length, loadedAt: loaded.loadedAt };
    });
  }
}
