import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import multipart from '@fastify/multipart';
import { fileTypeFromFile } from 'file-type';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { DomainError } from '@forge/domain';

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

export interface StoredFile {
  sha256: string;
  size: number;
  path: string;
}

/**
 * Registers @fastify/multipart on the API's Fastify instance (once, at construction, before Nest adds the
 * routes), with MAX_UPLOAD_BYTES as the file size limit (larger: 413) and one file per request.
 */
@Injectable()
export class MultipartRegistration {
  constructor(@Inject(HttpAdapterHost) host: HttpAdapterHost, @Inject(APP_CONFIG) config: AppConfig) {
    const instance = host.httpAdapter?.getInstance?.() as
      | {
          hasContentTypeParser?: (type: string) => boolean;
          register?: (plugin: unknown, options: unknown) => unknown;
        }
      | undefined;
    if (!instance?.register || instance.hasContentTypeParser?.('multipart/form-data')) return;
    void instance.register(multipart, {
      limits: { fileSize: config.http.maxUploadBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
      throwFileSizeLimit: true,
    });
  }
}

/**
 * Content-addressed document storage on disk: `<dir>/<sha256[0..2]>/<sha256>`. A file is written to a
 * temporary name while it is hashed, then renamed into place (the same content is stored once).
 */
@Injectable()
export class DocumentStorage {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.documents.dir);
  }

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Streams `source` to a temporary file, hashing it; the caller `keep`s or `discard`s it. */
  async receive(source: Readable): Promise<{ tempPath: string; sha256: string; size: number }> {
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

  async keep(tempPath: string, sha256: string): Promise<string> {
    const target = this.pathOf(sha256);
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    await rename(tempPath, target);
    return target;
  }

  async discard(tempPath: string): Promise<void> {
    await rm(tempPath, { force: true });
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
