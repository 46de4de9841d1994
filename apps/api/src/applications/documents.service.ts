import type fastifyMultipart from '@fastify/multipart';
import { Inject, Injectable } from '@nestjs/common';
import {
  DocumentCommands,
  DocumentFiles,
  isDocumentKind,
  UploadLimitError,
  type ReceivedFile,
} from '@forge/application';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { DOCUMENT_KINDS, DomainError } from '@forge/domain';
import { type AuthenticatedUser, toActor } from '../auth/authenticated-user.js';
import { presentDocument } from './application.presenter.js';

/** A part of a multipart upload, as @fastify/multipart yields it (a file or a field). */
export type IncomingPart = fastifyMultipart.Multipart;

/**
 * Documents: content-addressed upload with a content check, and download under the application's read rule.
 * A user has at most UPLOADS_CONCURRENT_PER_USER uploads in flight in this process (429 `DOCUMENT.UPLOAD_LIMIT`
 * beyond): an in-process count, like the request body limits, because it guards this process's disk and memory;
 * the hourly byte budget and the per-application quota are counted in PostgreSQL and hold across replicas.
 */
@Injectable()
export class DocumentsService {
  private readonly inFlight = new Map<string, number>();

  constructor(
    @Inject(DocumentCommands) private readonly documents: DocumentCommands,
    @Inject(DocumentFiles) private readonly files: DocumentFiles,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(user: AuthenticatedUser, applicationId: string, parts: AsyncIterable<IncomingPart>) {
    // Whoever may not see the application learns nothing and stores nothing.
    await this.documents.assertCanAttach(toActor(user), applicationId);
    const running = this.inFlight.get(user.id) ?? 0;
    if (running >= this.config.documents.concurrentUploadsPerUser) {
      throw new UploadLimitError(
        `you have ${running} uploads in progress (limit ${this.config.documents.concurrentUploadsPerUser}): wait for one to finish`,
        5,
      );
    }
    this.inFlight.set(user.id, running + 1);
    try {
      return await this.receiveAndAttach(user, applicationId, parts);
    } finally {
      const left = (this.inFlight.get(user.id) ?? 1) - 1;
      if (left > 0) this.inFlight.set(user.id, left);
      else this.inFlight.delete(user.id);
    }
  }

  private async receiveAndAttach(
    user: AuthenticatedUser,
    applicationId: string,
    parts: AsyncIterable<IncomingPart>,
  ) {
    let kind: string | undefined;
    let received: ReceivedFile | undefined;
    let declared = '';
    let filename: string | null = null;
    try {
      for await (const part of parts) {
        if (part.type === 'field' && part.fieldname === 'kind') kind = String(part.value);
        else if (part.type === 'file' && part.fieldname === 'file' && part.file && !received) {
          declared = part.mimetype ?? '';
          filename = part.filename ? part.filename.slice(0, 255) : null;
          received = await this.files.receive(part.file);
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
      if (!isDocumentKind(kind)) {
        problems.push({ field: 'kind', message: `must be one of ${DOCUMENT_KINDS.join(', ')}` });
      }
      if (problems.length > 0 || !received || !isDocumentKind(kind)) {
        throw new DomainError('VALIDATION.FAILED', 'The upload is not valid', problems);
      }
      const mediaType = await this.files.detectMediaType(received.tempPath, declared, filename);
      // From here the command owns the file: it stores it only if the document commits.
      const file = { ...received, kind, mediaType, filename };
      received = undefined;
      return await this.documents.attach(toActor(user), applicationId, file);
    } catch (error) {
      if (received) await this.files.discard(received);
      throw error;
    }
  }

  /** The document's metadata and file, if the caller may read its application (404 otherwise). */
  async download(user: AuthenticatedUser, documentId: string) {
    const document = await this.documents.get(toActor(user), documentId);
    const { stream, size } = await this.files.open(document.sha256);
    return { document: presentDocument(document), stream, size };
  }
}
