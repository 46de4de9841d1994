import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import multipart from '@fastify/multipart';
import { APP_CONFIG, type AppConfig } from '@forge/config';

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
