import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type JsonValue } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import {
  DOCUMENT_KINDS,
  DOCUMENT_STAGES,
  DomainError,
  REVIEWABLE_STAGES,
  type Actor,
  type DocumentKind,
} from '@forge/domain';
import {
  applicationDocumentUsage,
  findDocument,
  insertDocument,
  UnitOfWork,
  userUploadBytesSince,
  type DocumentRecord,
} from '@forge/persistence';
import { reassessIfInputsChanged } from '../risk/risk-scheduler.js';
import { reevaluationTiming, refreshEsgChecks } from '../screening/check-sync.js';
import { servedSponsorView } from '../sponsor/sponsor-view.queries.js';
import { ApplicationAccess, notFoundError } from '../access/application-access.js';
import { ApplicationCommandRunner } from '../applications/application-command.runner.js';
import { DocumentFiles, type ReceivedFile } from './document-files.js';

/** A received upload (hashed, in a temporary file) to attach to an application. */
export interface StoredFile extends ReceivedFile {
  kind: DocumentKind;
  mediaType: string;
  filename: string | null;
}

/** Refused for the uploader's volume (429 with Retry-After). */
export class UploadLimitError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('DOCUMENT.UPLOAD_LIMIT', message);
  }
}

export interface AttachedDocument {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  kind: DocumentKind;
}

export function isDocumentKind(value: unknown): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly unknown[]).includes(value);
}

/**
 * Documents, the command side: attaching a stored file to an application (audit `document.added`; in a
 * reviewed stage the ESG checks that depend on documents are re-evaluated in the same transaction), and
 * reading one under the application's read rule. The file bytes are the HTTP layer's business.
 */
@Injectable()
export class DocumentCommands {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(ApplicationAccess) private readonly access: ApplicationAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DocumentFiles) private readonly files: DocumentFiles,
  ) {}

  /**
   * Before any byte of an upload is stored: 404 unless the actor may read the application, and 429
   * `DOCUMENT.UPLOAD_LIMIT` when the actor stored UPLOAD_BYTES_PER_USER_HOUR in the last hour already.
   */
  async assertCanAttach(actor: Actor, applicationId: string, now = new Date()): Promise<void> {
    await this.access.requireReadable(actor, { kind: 'application', id: applicationId });
    const hour = 3600_000;
    const recent = await this.unitOfWork.read((manager) =>
      userUploadBytesSince(manager, actor.id, new Date(now.getTime() - hour)),
    );
    if (recent.bytes >= this.config.documents.uploadBytesPerUserHour) {
      const frees = recent.oldest ? recent.oldest.getTime() + hour - now.getTime() : hour;
      throw new UploadLimitError(
        `you uploaded ${recent.bytes} bytes in the last hour (limit ${this.config.documents.uploadBytesPerUserHour})`,
        Math.max(1, Math.ceil(frees / 1000)),
      );
    }
  }

  /**
   * Records the document and, in the same transaction, gives the file its content's name: a refused command
   * (stage, quota, version) stores nothing. 413 `DOCUMENT.QUOTA_EXCEEDED` when the application would hold more
   * than DOCUMENTS_MAX_PER_APPLICATION documents or DOCUMENTS_MAX_BYTES_PER_APPLICATION bytes (checked on the
   * locked application row, so concurrent uploads cannot both slip under the limit).
   */
  async attach(actor: Actor, applicationId: string, file: StoredFile): Promise<AttachedDocument> {
    try {
      return await this.attachInTransaction(actor, applicationId, file);
    } catch (error) {
      await this.files.discard(file);
      await this.files.forget(file.sha256);
      throw error;
    }
  }

  private attachInTransaction(
    actor: Actor,
    applicationId: string,
    file: StoredFile,
  ): Promise<AttachedDocument> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.requireStage(ctx, DOCUMENT_STAGES, 'adding a document');
      const usage = await applicationDocumentUsage(ctx.manager, applicationId);
      const { maxPerApplication, maxBytesPerApplication } = this.config.documents;
      if (usage.count + 1 > maxPerApplication || usage.bytes + file.size > maxBytesPerApplication) {
        throw new DomainError(
          'DOCUMENT.QUOTA_EXCEEDED',
          `the application holds ${usage.count} documents of ${usage.bytes} bytes; with this one it would exceed ` +
            `its quota (${maxPerApplication} documents, ${maxBytesPerApplication} bytes)`,
          [{ field: 'file', message: 'the application’s document quota is full' }],
        );
      }
      await this.files.place(ctx.manager, file);
      const id = randomUUID();
      const role = ctx.actor.roles.includes('officer') ? 'officer' : 'sponsor';
      await insertDocument(ctx.manager, {
        id,
        applicationId,
        kind: file.kind,
        sha256: file.sha256,
        size: file.size,
        mediaType: file.mediaType,
        filename: file.filename,
        uploadedBy: ctx.actor.id,
        now: ctx.now,
      });
      await this.runner.commit(
        ctx,
        {},
        {
          role,
          action: 'document.added',
          subject: { type: 'document', id },
          after: {
            id,
            kind: file.kind,
            sha256: file.sha256,
            size: file.size,
            mediaType: file.mediaType,
            filename: file.filename,
          },
        },
        async () => {
          // FORGE-RRS 1.1.0: a document may evidence a mitigant, a model input; re-assess when it changed one.
          const riskJob = await reassessIfInputsChanged(
            ctx.manager,
            applicationId,
            ctx.state.stage,
            'document_added',
          );
          const risk: Record<string, JsonValue> = riskJob === null ? {} : { riskAssessmentQueued: true };
          // Before screening the screening job creates the ESG checks; once reviewed, a document may change them.
          if (!REVIEWABLE_STAGES.includes(ctx.state.stage)) return riskJob === null ? undefined : risk;
          const refresh = await refreshEsgChecks(
            ctx.manager,
            applicationId,
            reevaluationTiming(ctx.now, this.config.deadlines.policy),
            this.config.checks,
          );
          const reevaluations: Record<string, JsonValue> =
            refresh.reevaluations.length > 0 ? { checksReevaluationPending: refresh.reevaluations } : {};
          return {
            checksCreated: refresh.created,
            checksUpdated: refresh.updated,
            ...reevaluations,
            ...risk,
          };
        },
      );
      return { id, sha256: file.sha256, size: file.size, mediaType: file.mediaType, kind: file.kind };
    });
  }

  /**
   * A document's metadata, if the actor may read its application (`DOCUMENT.NOT_FOUND` otherwise). A sponsor
   * reads only its own documents (pipeline.md "What a sponsor sees": its documents, not the fund's): one
   * uploaded by a user outside the application's organisation (an officer's) answers the same 404.
   */
  async get(actor: Actor, documentId: string): Promise<DocumentRecord> {
    await this.access.requireReadable(actor, { kind: 'document', id: documentId });
    const document = await this.unitOfWork.read(async (manager) => {
      const found = await findDocument(manager, documentId);
      if (found === null || !servedSponsorView(actor)) return found;
      const own: Array<{ id: string }> = await manager.query(
        `SELECT d.id FROM documents d
           JOIN applications a ON a.id = d.application_id
           JOIN users u ON u.id = d.uploaded_by AND u.organization_id = a.organization_id
          WHERE d.id = $1`,
        [documentId],
      );
      return own.length > 0 ? found : null;
    });
    if (!document) throw notFoundError('document');
    return document;
  }
}
