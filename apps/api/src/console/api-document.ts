import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type OpenAPIObject } from '@nestjs/swagger';
import { type AppConfig } from '@forge/config';
import { ApiModule } from '../app.module.js';
import { API_PREFIX, API_PREFIX_EXCLUDE } from '../api.bootstrap.js';
import { buildOpenApiDocument } from '../openapi.js';

/**
 * The API's OpenAPI document built from its controllers and DTOs without a database (Nest's preview mode:
 * modules are scanned, providers are not instantiated). The console's typed client is generated from it;
 * `.ci/run` fails when the checked-in client differs from it (`npm run api:client -- --check`).
 */
export async function buildApiDocumentOffline(config: AppConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot({
      config,
      databaseUrl: 'postgres://preview@127.0.0.1:1/preview',
      embeddedDatabase: false,
      stop: async () => {},
    }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  app.setGlobalPrefix(API_PREFIX, { exclude: API_PREFIX_EXCLUDE });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
