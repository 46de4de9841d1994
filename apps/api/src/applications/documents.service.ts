import { type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DocumentCommands, isDocumentKind } from '@forge/application';
import { DOCUMENT_KINDS, DomainError } from '@forge/domain';
import { type AuthenticatedUser, toActor } from '../auth/authenticated-user.js';
import { presentDocument } from './application.presenter.js';
import { DocumentStorage } from './document-storage.js';

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
    @Inject(DocumentCommands) private readonly documents: DocumentCommands,
    @Inject(DocumentStorage) private readonly storage: DocumentStorage,
  ) {}

  async upload(user: AuthenticatedUser, applicationId: string, parts: AsyncIterable<IncomingPart>) {
    // Whoever may not see the application learns nothing and stores nothing.
    await this.documents.assertCanAttach(toActor(user), applicationId);
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
      if (!isDocumentKind(kind)) {
        problems.push({ field: 'kind', message: `must be one of ${DOCUMENT_KINDS.join(', ')}` });
      }
      if (problems.length > 0 || !received || !isDocumentKind(kind)) {
        throw new DomainError('VALIDATION.FAILED', 'The upload is not valid', problems);
      }
      const mediaType = await this.storage.detectMediaType(received.tempPath, declared, filename);
      await this.storage.keep(received.tempPath, received.sha256);
      return await this.documents.attach(toActor(user), applicationId, {
        kind,
        sha256: received.sha256,
        size: received.size,
        mediaType,
        filename,
      });
    } catch (error) {
      if (received) await this.storage.discard(received.tempPath);
      throw error;
    }
  }

  /** The document's metadata and file, if the caller may read its application (404 otherwise). */
  async download(user: AuthenticatedUser, documentId: string) {
    const document = await this.documents.get(toActor(user), documentId);
    const { stream, size } = await this.storage.open(document.sha256);
    return { document: presentDocument(document), stream, size };
  }
}
