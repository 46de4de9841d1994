import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplicationAccess } from '@forge/application';
import {
  AuditChainBrokenError,
  AuditCheckpointRefusedError,
  AuditCheckpointService,
  type AuditEventFilter,
  type AuditEventRecord,
  buildConsistencyProof,
  buildInclusionProof,
  buildProofBundle,
  type ConsistencyProof,
  DbSubtreeHashSource,
  type InclusionProof,
  type ProofBundle,
  readApplicationAssessments,
  readApplicationEvents,
  readAuditEvents,
  readPendingAuditEvents,
  type PendingTrailEvent,
  sequencePendingAuditEvents,
  type SignedCheckpoint,
  type StoredChainVerification,
  streamAuditEvents,
  toExportLine,
} from '@forge/audit';
import { DomainError } from '@forge/domain';
import { type AuthenticatedUser, toActor } from '../auth/authenticated-user.js';

export const EXPORT_BATCH_SIZE = 1000;

/**
 * How long a trail read waits for the sequencer's lock before answering with what is sequenced (the rest shown
 * as pending). Exports, verification, checkpoints and proof bundles wait as long as it takes.
 */
export const TRAIL_READ_LOCK_WAIT_MS = 1000;

/** CSV columns of the export: the thirteen fields, actor and subject split, JSON values as JSON text. */
export const CSV_COLUMNS = [
  'seq',
  'id',
  'occurredAt',
  'actorId',
  'actorRole',
  'actorName',
  'action',
  'subjectType',
  'subjectId',
  'applicationId',
  'reason',
  'before',
  'after',
  'context',
  'prevHash',
  'hash',
] as const;

/** Cell starts that spreadsheets evaluate as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. A text starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so that a
 * spreadsheet shows it as text instead of running it (a sign-in attempt's email is user input); then RFC 4180
 * quoting: a field with a comma, quote, CR or LF is quoted, inner quotes doubled. The JSONL export stays
 * byte-faithful (it is the verifiable one).
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const raw = String(value);
  const text = typeof value === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsvLine(r: AuditEventRecord): string {
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  return [
    r.seq,
    r.id,
    r.occurredAt,
    r.actor.id,
    r.actor.role,
    r.actor.name ?? null,
    r.action,
    r.subject.type,
    r.subject.id,
    r.applicationId,
    r.reason,
    json(r.before),
    json(r.after),
    json(r.context),
    r.prevHash,
    r.hash,
  ]
    .map(csvField)
    .join(',');
}

/** A trail page's item: a sequenced event, or one still pending. */
export type TrailItem = (AuditEventRecord & { sequenced: true }) | (PendingTrailEvent & { sequenced: false });

/** The decision trail as the API serves it: reads, proofs, checkpoints on demand. */
@Injectable()
export class AuditTrailService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditCheckpointService) private readonly checkpoints: AuditCheckpointService,
    @Inject(ApplicationAccess) private readonly access: ApplicationAccess,
  ) {}

  verify(): Promise<StoredChainVerification> {
    return this.checkpoints.verify(EXPORT_BATCH_SIZE);
  }

  /**
   * One keyset page. Events committed before the request are sequenced first (or waited for, up to
   * TRAIL_READ_LOCK_WAIT_MS, when the sequencer is placing them), so a trail read after a command shows its event
   * with its `seq`; an event still pending (committed during the read, or the sequencer's lock held longer) is
   * shown after the last page's sequenced events, `sequenced: false`.
   */
  async page(
    filter: AuditEventFilter,
    limit: number,
  ): Promise<{ items: TrailItem[]; nextCursor: number | null }> {
    await sequencePendingAuditEvents(this.dataSource, { lockTimeoutMs: TRAIL_READ_LOCK_WAIT_MS });
    const sequenced = await readAuditEvents(this.dataSource, filter, limit);
    const last = sequenced[sequenced.length - 1];
    const full = sequenced.length === limit && last !== undefined;
    const pending = full
      ? []
      : await readPendingAuditEvents(this.dataSource, filter, limit - sequenced.length);
    return {
      items: [
        ...sequenced.map((event) => ({ ...event, sequenced: true as const })),
        ...pending.map((event) => ({ ...event, sequenced: false as const })),
      ],
      nextCursor: full ? last.seq : null,
    };
  }

  async applicationTrail(
    user: AuthenticatedUser,
    applicationId: string,
    afterSeq: number | undefined,
    limit: number,
  ): Promise<{ items: TrailItem[]; nextCursor: number | null }> {
    await this.assertVisible(user, applicationId);
    return this.page({ applicationId, afterSeq }, limit);
  }

  /** Export lines (with their newline), read in keyset batches: never the whole table in memory. */
  async *exportLines(filter: AuditEventFilter, format: 'jsonl' | 'csv'): AsyncGenerator<string> {
    // Exports hold sequenced events only: those committed before the request are placed first.
    await sequencePendingAuditEvents(this.dataSource);
    if (format === 'csv') yield `${CSV_COLUMNS.join(',')}\r\n`;
    for await (const record of streamAuditEvents(this.dataSource, filter, EXPORT_BATCH_SIZE)) {
      yield format === 'csv' ? `${toCsvLine(record)}\r\n` : `${toExportLine(record)}\n`;
    }
  }

  publicKey() {
    return this.checkpoints.publicKey();
  }

  async latestCheckpoint(): Promise<SignedCheckpoint> {
    const checkpoint = await this.checkpoints.latest();
    if (checkpoint === null) {
      throw new DomainError('AUDIT.CHECKPOINT_NOT_FOUND', 'No checkpoint has been signed yet');
    }
    return checkpoint;
  }

  async createCheckpoint(): Promise<SignedCheckpoint> {
    try {
      return (await this.checkpoints.checkpoint()).checkpoint;
    } catch (error) {
      if (error instanceof AuditChainBrokenError) {
        throw new DomainError('AUDIT.CHAIN_BROKEN', error.message, [
          { field: 'seq', message: `first invalid seq: ${error.firstInvalidSeq}` },
        ]);
      }
      if (error instanceof AuditCheckpointRefusedError) {
        throw new DomainError('AUDIT.CHECKPOINT_REFUSED', error.message, [
          { field: 'checkpoint', message: error.code },
        ]);
      }
      throw error;
    }
  }

  /** The size of the tree whose perfect subtrees are stored: the latest checkpoint's. */
  private async storedTreeSize(): Promise<number> {
    return (await this.checkpoints.latest())?.treeSize ?? 0;
  }

  async inclusionProof(seq: number, treeSize: number | undefined): Promise<InclusionProof> {
    const stored = await this.storedTreeSize();
    const size = treeSize ?? stored;
    if (treeSize === undefined && stored === 0) {
      throw new DomainError('AUDIT.CHECKPOINT_NOT_FOUND', 'No checkpoint has been signed yet');
    }
    if (size > stored) {
      throw new DomainError(
        'AUDIT.TREE_SIZE_UNAVAILABLE',
        `treeSize ${size} is beyond the checkpointed tree (${stored}); ask for a checkpoint first`,
      );
    }
    if (seq >= size) {
      const [head] = await this.dataSource.query<Array<{ seq: string }>>(
        `SELECT seq FROM audit_head WHERE id = 1`,
      );
      if (seq > Number(head?.seq ?? -1)) throw new DomainError('AUDIT.EVENT_NOT_FOUND', `No event ${seq}`);
      throw new DomainError(
        'AUDIT.SEQ_NOT_IN_TREE',
        `Event ${seq} is not in the tree of size ${size}; ask for a checkpoint or a larger treeSize`,
      );
    }
    return buildInclusionProof(new DbSubtreeHashSource(this.dataSource), seq, size);
  }

  async consistencyProof(from: number, to: number): Promise<ConsistencyProof> {
    if (from > to) {
      throw new DomainError('VALIDATION.FAILED', 'from must not exceed to', [
        { field: 'from', message: 'from must not exceed to' },
      ]);
    }
    const stored = await this.storedTreeSize();
    if (to > stored) {
      throw new DomainError(
        'AUDIT.TREE_SIZE_UNAVAILABLE',
        `to (${to}) is beyond the checkpointed tree (${stored}); ask for a checkpoint first`,
      );
    }
    return buildConsistencyProof(new DbSubtreeHashSource(this.dataSource), from, to);
  }

  /**
   * Every event of the application with its inclusion proof against the latest checkpoint (a fresh one is
   * signed first when the application has events beyond it), the checkpoint, the public key, and the risk
   * assessments with their stored inputs.
   */
  async proofBundle(user: AuthenticatedUser, applicationId: string): Promise<ProofBundle> {
    await this.assertVisible(user, applicationId);
    await sequencePendingAuditEvents(this.dataSource);
    const events = await readApplicationEvents(this.dataSource, applicationId);
    let checkpoint = await this.checkpoints.latest();
    const newest = events[events.length - 1]?.seq ?? -1;
    if (checkpoint === null || newest >= checkpoint.treeSize) checkpoint = await this.createCheckpoint();
    return buildProofBundle({
      applicationId,
      events,
      checkpoint,
      publicKey: this.checkpoints.publicKey(),
      source: new DbSubtreeHashSource(this.dataSource),
      riskAssessments: await readApplicationAssessments(this.dataSource, applicationId),
    });
  }

  /** The one read rule (`READ_ACCESS`): whoever may not read the application gets its 404. */
  private async assertVisible(user: AuthenticatedUser, applicationId: string): Promise<void> {
    await this.access.requireReadable(toActor(user), { kind: 'application', id: applicationId });
  }
}
