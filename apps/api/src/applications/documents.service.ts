import { randomUUID } from 'node:crypto';
import { type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { DOCUMENT_KINDS, DomainError, type Stage } from '@forge/domain';
import { findDocument, insertDocument, refreshEsgChecks, UnitOfWork } from '@forge/persistence';
import { type AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApplicationCommandRunner } from './application-command.runner.js';
import { presentDocument } from './application.presenter.js';
import { DocumentStorage } from './document-storage.js';

/** Stages in which documents may be added (not to a closed application). */
const UPLOAD_STAGES: readonly Stage[] = [
  'draft',
  'submitted',
  'screening',
  'esg_review',
  'financing',
  'committee',
  'approved',
];
/** Stages whose ESG checks a new document may change (before that the screening job creates them). */
const ESG_REFRESH_STAGES: readonly Stage[] = [
  'screening',
  'esg_review',
  'financing',
  'committee',
  'approved',
];

export interface IncomingPart {
  type: 'file' | 'field';
  fieldname: string;
  value?: unknown;
  filename?: string;
  mimetype?: string;
  file?: Readable;
}

/** Documents: content-addressed upload with a content check, and download under the application's read rule. */
@Injectable()
export class DocumentsService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(DocumentStorage) private readonly storage: DocumentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(user: AuthenticatedUser, applicationId: string, parts: AsyncIterable<IncomingPart>) {
    // Whoever may not see the application learns nothing and stores nothing.
    await this.runner.read(user, applicationId);
    let kind: string | undefined;
    let received: { tempPath: string; sha256: string; size: number } | undefined;
    let declared = '';
    let filename: string | null = null;
    try {
      for await (const part of parts) {
        if (part.type === 'field' && part.fieldname === 'kind') kind = String(part.value);
        else if (part.type === 'file' && part.fieldname === 'file' && part.file && !received) {
          declared = part.mimetype ?? '';
          filename = part.filename ? part.filename.slice(0, 255) : null;
          received = await this.storage.receive(part.file);
        } else if (part.type === 'file' && part.file) {
          part.file.resume();
        } else {
          throw new DomainError('VALIDATION.FAILED', `unknown field ${part.fieldname}`, [
            { field: part.fieldname, message: 'unknown field (not allowed)' },
          ]);
        }
      }
      const problems = [];
      if (!received) problems.push({ field: 'file', message: 'a file is required' });
      else if (received.size === 0) problems.push({ field: 'file', message: 'the file is empty' });
      if (!kind || !(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
        problems.push({ field: 'kind', message: `must be one of ${DOCUMENT_KINDS.join(', ')}` });
      }
      if (problems.length > 0 || !received || !kind) {
        throw new DomainError('VALIDATION.FAILED', 'The upload is not valid', problems);
      }
      const mediaType = await this.storage.detectMediaType(received.tempPath, declared, filename);
      await this.storage.keep(received.tempPath, received.sha256);
      const file = received;
      const documentKind = kind;
      return await this.runner.run(user, applicationId, async (ctx) => {
        this.runner.requireStage(ctx, UPLOAD_STAGES, 'adding a document');
        const id = randomUUID();
        const role = ctx.actor.roles.includes('officer') ? 'officer' : 'sponsor';
        await insertDocument(ctx.manager, {
          id,
          applicationId,
          kind: documentKind,
          sha256: file.sha256,
          size: file.size,
          mediaType,
          filename,
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
            after: { id, kind: documentKind, sha256: file.sha256, size: file.size, mediaType, filename },
          },
          async () => {
            if (!ESG_REFRESH_STAGES.includes(ctx.state.stage)) return;
            const refresh = await refreshEsgChecks(ctx.manager, applicationId, this.config.checks);
            return { checksCreated: refresh.created, checksUpdated: refresh.updated };
          },
        );
        return { id, sha256: file.sha256, size: file.size, mediaType, kind: documentKind };
      });
    } catch (error) {
      if (received) await this.storage.discard(received.tempPath);
      throw error;
    }
  }

  /** The document's metadata and file, if the caller may read its application (404 otherwise). */
  async download(user: AuthenticatedUser, documentId: string) {
    const document = await this.unitOfWork.run((manager) => findDocument(manager, documentId));
    if (!document) throw new DomainError('DOCUMENT.NOT_FOUND', 'document not found');
    try {
      await this.runner.read(user, document.applicationId);
    } catch {
      throw new DomainError('DOCUMENT.NOT_FOUND', 'document not found');
    }
    const { stream, size } = await this.storage.open(document.sha256);
    return { document: presentDocument(document), stream, size };
  }
}
