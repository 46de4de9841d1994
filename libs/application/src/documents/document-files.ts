import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { fileTypeFromFile } from 'file-type';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { DomainError } from '@forge/domain';
import { countDocumentsWithContent, lockDocumentContent, UnitOfWork } from '@forge/persistence';
import { type EntityManager } from 'typeorm';

/** The media types a document may have (api.md: "content checked against its declared type"). */
export const ALLOWED_MEDIA_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'text/plain': ['txt', 'md'],
  'text/csv': ['csv'],
};

/** Declared types that say nothing (browsers send them for unknown files): the content decides. */
const UNINFORMATIVE = new Set(['application/octet-stream', 'binary/octet-stream', '']);

/** An upload received to a temporary file and hashed, not yet stored under its content's name. */
export interface ReceivedFile {
  tempPath: string;
  sha256: string;
  size: number;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Content-addressed document storage on disk: `<dir>/<sha256[0..2]>/<sha256>`. A file is written to a temporary
 * name while it is hashed; it takes its content's name only inside the transaction that records its document
 * (`place`, under a per-content advisory lock), so a refused upload leaves nothing behind (`forget`), and what a
 * crash leaves (an unfinished upload, a file whose transaction never committed) is removed by `sweep` once older
 * than DOCUMENTS_SWEEP_GRACE_SECONDS. Removal takes the same lock and re-checks that no document references the
 * content, so it never races an upload of the same bytes.
 */
@Injectable()
export class DocumentFiles {
  private readonly logger = new Logger(DocumentFiles.name);
  private readonly root: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
  ) {
    this.root = resolve(config.documents.dir);
  }

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Streams `source` to a temporary file, hashing it; then `place` it in a transaction, or `discard` it. */
  async receive(source: Readable): Promise<ReceivedFile> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tempPath = join(tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(source, tap, createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    return { tempPath, sha256: hash.digest('hex'), size };
  }

  /**
   * In the transaction that records the document: moves the upload to its content's name (or drops it when the
   * same content is stored already, refreshing its age so the sweep leaves it alone). The lock is held until
   * that transaction ends.
   */
  async place(manager: EntityManager, file: ReceivedFile): Promise<void> {
    await lockDocumentContent(manager, file.sha256);
    const target = this.pathOf(file.sha256);
    if (await stat(target).catch(() => null)) {
      const now = new Date();
      await utimes(target, now, now);
      await rm(file.tempPath, { force: true });
      return;
    }
    await mkdir(join(this.root, file.sha256.slice(0, 2)), { recursive: true });
    await rename(file.tempPath, target);
  }

  /** Removes an upload that was never placed (no-op once placed). */
  async discard(file: ReceivedFile): Promise<void> {
    await rm(file.tempPath, { force: true });
  }

  /**
   * After a refused upload: removes the stored content unless a document references it (another application's
   * upload of the same bytes, say). `olderThan`: only when the file is at least that old (the sweep).
   */
  async forget(sha256: string, olderThan?: Date): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    return this.unitOfWork.run(async (manager) => {
      await lockDocumentContent(manager, sha256);
      const info = await stat(this.pathOf(sha256)).catch(() => null);
      if (!info || (olderThan && info.mtime > olderThan)) return false;
      if ((await countDocumentsWithContent(manager, sha256)) > 0) return false;
      await rm(this.pathOf(sha256), { force: true });
      return true;
    });
  }

  /** Removes crash leftovers older than the grace period: unfinished uploads and unreferenced stored files. */
  async sweep(now = new Date()): Promise<{ unfinished: number; unreferenced: number }> {
    const cutoff = new Date(now.getTime() - this.config.documents.sweepGraceSeconds * 1000);
    let unfinished = 0;
    let unreferenced = 0;
    const tmpDir = join(this.root, 'tmp');
    for (const name of await readdir(tmpDir).catch((): string[] => [])) {
      const path = join(tmpDir, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtime <= cutoff) {
        await rm(path, { force: true });
        unfinished += 1;
      }
    }
    for (const prefix of await readdir(this.root).catch((): string[] => [])) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
      for (const name of await readdir(join(this.root, prefix)).catch((): string[] => [])) {
        if (!name.startsWith(prefix) || !SHA256.test(name)) continue;
        const info = await stat(join(this.root, prefix, name)).catch(() => null);
        if (!info || info.mtime > cutoff) continue;
        if (await this.forget(name, cutoff)) unreferenced += 1;
      }
    }
    if (unfinished + unreferenced > 0) {
      this.logger.log(
        `document sweep removed ${unfinished} unfinished upload(s), ${unreferenced} unreferenced file(s)`,
      );
    }
    return { unfinished, unreferenced };
  }

  async open(sha256: string): Promise<{ stream: Readable; size: number }> {
    const path = this.pathOf(sha256);
    const info = await stat(path).catch(() => null);
    if (!info) throw new DomainError('DOCUMENT.NOT_FOUND', 'the stored file is missing');
    return { stream: createReadStream(path), size: info.size };
  }

  /**
   * The media type of the content (magic bytes via file-type; text: valid UTF-8 without NUL), checked
   * against the declared type and the filename extension. Unknown or not allowed → 415; a content that
   * contradicts the declaration → 400 `DOCUMENT.CONTENT_MISMATCH`.
   */
  async detectMediaType(tempPath: string, declared: string, filename: string | null): Promise<string> {
    const detected = await fileTypeFromFile(tempPath);
    const extension =
      filename && filename.includes('.') ? (filename.split('.').pop() ?? '').toLowerCase() : '';
    const declaredType = declared.split(';')[0]?.trim().toLowerCase() ?? '';
    let mediaType: string;
    if (detected) {
      mediaType = detected.mime;
      if (!ALLOWED_MEDIA_TYPES[mediaType]) {
        throw new DomainError(
          'DOCUMENT.UNSUPPORTED_MEDIA_TYPE',
          `documents of type ${mediaType} are not accepted`,
        );
      }
    } else if (await isUtf8Text(tempPath)) {
      mediaType = declaredType === 'text/csv' || extension === 'csv' ? 'text/csv' : 'text/plain';
    } else {
      throw new DomainError('DOCUMENT.UNSUPPORTED_MEDIA_TYPE', 'the content is of no accepted type');
    }
    const textual = mediaType.startsWith('text/');
    const declaredMatches =
      UNINFORMATIVE.has(declaredType) ||
      declaredType === mediaType ||
      (textual && declaredType.startsWith('text/')) ||
      (mediaType === 'image/jpeg' && declaredType === 'image/jpg');
    const extensionMatches =
      extension === '' ||
      (ALLOWED_MEDIA_TYPES[mediaType] ?? []).includes(extension) ||
      (textual && ['txt', 'csv', 'md', 'text'].includes(extension));
    if (!declaredMatches || !extensionMatches) {
      throw new DomainError(
        'DOCUMENT.CONTENT_MISMATCH',
        `the content is ${mediaType}, but it was declared as ${declaredType || '(none)'}${extension ? ` (.${extension})` : ''}`,
        [{ field: 'file', message: `content is ${mediaType}` }],
      );
    }
    return mediaType;
  }
}

/** Valid UTF-8 without NUL bytes (read in chunks; a multi-byte character may straddle two chunks). */
async function isUtf8Text(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const buffer = Buffer.alloc(64 * 1024);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      if (chunk.includes(0)) return false;
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}
