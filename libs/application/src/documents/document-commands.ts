import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import {
  DOCUMENT_KINDS,
  DOCUMENT_STAGES,
  REVIEWABLE_STAGES,
  type Actor,
  type DocumentKind,
} from '@forge/domain';
import {
  findDocument,
  insertDocument,
  refreshEsgChecks,
  UnitOfWork,
  type DocumentRecord,
} from '@forge/persistence';
import { ApplicationAccess, notFoundError } from '../access/application-access.js';
import { ApplicationCommandRunner } from '../applications/application-command.runner.js';

/** A stored file (content-addressed by its SHA-256) to attach to an application. */
export interface StoredFile {
  kind: DocumentKind;
  sha256: string;
  size: number;
  mediaType: string;
  filename: string | null;
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
  ) {}

  /** 404 unless the actor may read the application: checked before any byte of an upload is stored. */
  async assertCanAttach(actor: Actor, applicationId: string): Promise<void> {
    await this.access.requireReadable(actor, { kind: 'application', id: applicationId });
  }

  attach(actor: Actor, applicationId: string, file: StoredFile): Promise<AttachedDocument> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.requireStage(ctx, DOCUMENT_STAGES, 'adding a document');
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
          // Before screening the screening job creates the ESG checks; once reviewed, a document may change them.
          if (!REVIEWABLE_STAGES.includes(ctx.state.stage)) return;
          const refresh = await refreshEsgChecks(ctx.manager, applicationId, this.config.checks);
          return { checksCreated: refresh.created, checksUpdated: refresh.updated };
        },
      );
      return { id, sha256: file.sha256, size: file.size, mediaType: file.mediaType, kind: file.kind };
    });
  }

  /** A document's metadata, if the actor may read its application (`DOCUMENT.NOT_FOUND` otherwise). */
  async get(actor: Actor, documentId: string): Promise<DocumentRecord> {
    await this.access.requireReadable(actor, { kind: 'document', id: documentId });
    const document = await this.unitOfWork.read((manager) => findDocument(manager, documentId));
    if (!document) throw notFoundError('document');
    return document;
  }
}
