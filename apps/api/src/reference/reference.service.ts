import { Inject, Injectable } from '@nestjs/common';
import { queueRescreeningForNewList } from '@forge/application';
import { type AuditActor } from '@forge/audit';
import {
  DomainError,
  diffSanctionsLists,
  parseSdnCsv,
  sanctionsListSha256,
  type SdnEntry,
} from '@forge/domain';
import {
  activeReferenceSnapshot,
  recordReferenceLoad,
  REFERENCE_LOADER_LOCK,
  UnitOfWork,
} from '@forge/persistence';
import { DataSource } from 'typeorm';
import {
  type CountriesResponseDto,
  type MineralsResponseDto,
  type SanctionsListPreviewDto,
  type SanctionsListResponseDto,
} from './reference.dto.js';

/** Entries listed per kind of change in a preview (the counts are always complete). */
export const SANCTIONS_PREVIEW_LIMIT = 500;

@Injectable()
export class ReferenceService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
  ) {}

  async countries(): Promise<CountriesResponseDto> {
    const snapshot = await activeReferenceSnapshot(this.dataSource.manager, 'countries');
    if (!snapshot) throw new DomainError('REFERENCE.NOT_FOUND', 'no countries reference data is loaded');
    return {
      snapshotId: snapshot.id,
      sha256: snapshot.sha256,
      loadedAt: snapshot.loadedAt,
      ...snapshot.content,
    };
  }

  async minerals(): Promise<MineralsResponseDto> {
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
  }): Promise<SanctionsListPreviewDto> {
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
  ): Promise<SanctionsListResponseDto> {
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
