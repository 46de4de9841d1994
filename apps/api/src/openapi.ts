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
    .addCookieAuth(
      'forge_session',
      {
        type: 'apiKey',
        in: 'cookie',
        description:
          'The console session (POST /api/v1/auth/session); writes also need the x-csrf-token header',
      },
      'session',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller}_${method}`,
  });
  return withProblemResponses(document);
}

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', example: 'https://forge.example/problems/application-guard-failed' },
    title: { type: 'string', example: 'Conflict' },
    status: { type: 'integer', example: 409 },
    detail: { type: 'string', example: 'cannot move to committee: 1 guard(s) not met' },
    code: { type: 'string', example: 'APPLICATION.GUARD_FAILED', description: 'Stable error code (api.md)' },
    instance: {
      type: 'string',
      example: 'urn:forge:request:8f14e45f-ceea-467f-a8e4-5b4c6e1d2a11',
      description: 'This occurrence: the request id (also in the X-Request-Id header); never the URL',
    },
    checks: {
      type: 'object',
      additionalProperties: true,
      description: '503 from /health/ready: each dependency and whether it is up',
    },
    errors: {
      type: 'array',
      description: 'Field problems `{ field, message }` or unmet guards `{ guard, message }`',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, guard: { type: 'string' }, message: { type: 'string' } },
        required: ['message'],
      },
      example: [{ guard: 'risk.assessment_current', message: 'the latest risk assessment is stale' }],
    },
  },
} as const;

const STANDARD_ERRORS: Record<string, { description: string; code: string }> = {
  '400': {
    description: 'Malformed JSON, wrong types, unknown fields or out-of-range values',
    code: 'VALIDATION.FAILED',
  },
  '401': { description: 'No token, or an invalid or expired token', code: 'AUTH.UNAUTHENTICATED' },
  '403': { description: 'The role may not do this (auditors never write)', code: 'AUTH.FORBIDDEN' },
  '404': {
    description: 'Absent, or belongs to another organisation (for a sponsor)',
    code: 'APPLICATION.NOT_FOUND',
  },
  '409': {
    description: 'Stale version, concurrent change, guard failed or invalid transition',
    code: 'APPLICATION.VERSION_CONFLICT',
  },
  '413': { description: 'Body over MAX_BODY_BYTES', code: 'PAYLOAD_TOO_LARGE' },
  '415': {
    description: 'A media type this route does not take (JSON routes: application/json)',
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  '422': { description: 'Idempotency-Key reused with a different body', code: 'IDEMPOTENCY.KEY_REUSED' },
  '429': { description: 'Too many requests (per user and per IP); see Retry-After', code: 'RATE_LIMITED' },
  '503': { description: 'A dependency (the database) is unavailable', code: 'SERVICE_UNAVAILABLE' },
};

/**
 * Every operation answers errors as RFC 9457 problem+json: document the statuses that apply to it (from its
 * method, parameters and security), each with the shared ProblemDetails schema and an example code.
 */
interface OperationShape {
  responses: Record<string, { description?: string; content?: unknown }>;
  requestBody?: unknown;
  parameters?: Array<{ in: string; name: string }>;
  security?: Array<Record<string, string[]>>;
  'x-forge-policy'?: 'public' | 'session' | 'roles';
}

function withProblemResponses(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.ProblemDetails = PROBLEM_SCHEMA as never;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as Array<[string, OperationShape]>) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const api = path.startsWith('/api/');
      // The route's policy (auth/policy.decorators.ts): public, the console session only, or roles.
      const policy = operation['x-forge-policy'];
      const writes = method === 'post' || method === 'put' || method === 'patch';
      const statuses = new Set<string>();
      if (api) statuses.add('429').add('503');
      if (api && policy !== 'public') {
        statuses.add('401').add('403');
        operation.security ??= policy === 'session' ? [{ session: [] }] : [{ bearer: [] }, { session: [] }];
      }
      // A body that is not a JSON object, a malformed path id or query: 400; any body: 413 and 415.
      const hasPathParameters = /\{[^}]+\}/.test(path);
      if (writes || hasPathParameters || (operation.parameters ?? []).some((p) => p.in === 'query')) {
        statuses.add('400');
      }
      if (writes || operation.requestBody) statuses.add('413').add('415');
      if (hasPathParameters) statuses.add('404');
      if (writes) {
        if (path.startsWith('/api/v1/applications/') || path.startsWith('/api/v1/approvals/'))
          statuses.add('409');
      }
      if (method === 'post' && (operation.parameters ?? []).some((p) => p.name === 'Idempotency-Key')) {
        statuses.add('422');
      }
      // Error responses declared by the controllers get the problem+json body too.
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400)
          response.content ??= problemContent(STANDARD_ERRORS[status]?.code ?? 'ERROR');
      }
      for (const status of statuses) {
        if (operation.responses[status]) {
          operation.responses[status].content ??= problemContent(STANDARD_ERRORS[status].code);
          continue;
        }
        operation.responses[status] = {
          description: STANDARD_ERRORS[status].description,
          content: problemContent(STANDARD_ERRORS[status].code),
        };
      }
    }
  }
  return document;
}

function problemContent(code: string) {
  return {
    'application/problem+json': {
      schema: { $ref: '#/components/schemas/ProblemDetails' },
      example: {
        type: `https://forge.example/problems/${code.toLowerCase()}`,
        title: 'Error',
        status: 0,
        detail: '…',
        code,
      },
    },
  };
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
