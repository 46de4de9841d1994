import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI 3 document generated from the controllers and DTOs. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('FORGE Pipeline API')
    .setDescription(
      'Workflow engine for a critical-minerals investment fund: applications, screening, ESG review, financing, ' +
        'investment committee, risk scoring and a verifiable decision trail. Errors are RFC 9457 problem+json ' +
        'with a stable `code`.',
    )
    .setVersion('1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller}_${method}`,
  });
}

/**
 * Serves the UI at /docs and the JSON at /docs-json. The UI's static assets load @fastify/static through a
 * dynamic import that Jest's module sandbox cannot follow, so tests serve the JSON only.
 */
export function setupOpenApi(app: INestApplication, options: { ui: boolean }): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    useGlobalPrefix: false,
    ui: options.ui,
    raw: ['json'],
  });
}
