import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isRecord } from '@forge/domain';

/**
 * The response contract of the OpenAPI document (`/docs-json`), checked on every response the e2e suite
 * receives (test/support/http.ts calls `check` after each request): the status must be documented for the
 * operation, the media type must be one the document lists for it, and a JSON body must validate against
 * the schema. A 2xx with a body must have a schema. Objects are closed (`additionalProperties: false` unless
 * the schema says otherwise), so a field the code returns and the document does not describe fails too:
 * the typed client generated from the document (openapi-typescript) would not know it.
 */

type Json = Record<string, unknown>;

interface MediaTypeObject {
  schema?: Json;
}

interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
}

interface OperationObject {
  operationId?: string;
  responses?: Record<string, ResponseObject>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Json> };
}

interface CompiledPath {
  template: string;
  pattern: RegExp;
  /** Fewer parameters first: `/audit/checkpoints/latest` wins over `/audit/checkpoints/{x}`. */
  parameters: number;
  operations: Record<string, OperationObject>;
}

const DOCUMENT_ID = 'openapi';
/** OpenAPI 3.0 keywords that are not JSON Schema (or say nothing about validity). */
const ANNOTATIONS = new Set([
  'nullable',
  'example',
  'examples',
  'discriminator',
  'xml',
  'externalDocs',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

/**
 * An OpenAPI 3.0 schema object as JSON Schema for Ajv: `nullable` becomes `anyOf [..., null]`, references
 * point into the registered document, annotations are dropped, objects with listed properties are closed.
 */
export function toJsonSchema(node: unknown): unknown {
  if (!isRecord(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key)) continue;
    switch (key) {
      case '$ref':
        out.$ref = String(value).replace(/^#\//, `${DOCUMENT_ID}#/`);
        break;
      case 'properties':
        out.properties = Object.fromEntries(
          Object.entries(value as Json).map(([name, schema]) => [name, toJsonSchema(schema)]),
        );
        break;
      case 'items':
      case 'not':
        out[key] = toJsonSchema(value);
        break;
      case 'additionalProperties':
        out[key] = typeof value === 'boolean' ? value : toJsonSchema(value);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        out[key] = (value as unknown[]).map(toJsonSchema);
        break;
      default:
        out[key] = value;
    }
  }
  const composed = 'allOf' in out || 'anyOf' in out || 'oneOf' in out || '$ref' in out;
  if (!composed && isRecord(out.properties) && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return node.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || /\+json$/.test(mediaType);
}

function excerpt(body: unknown): string {
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? '<binary>' : JSON.stringify(body);
  return (text ?? '').length > 600 ? `${text.slice(0, 600)}…` : (text ?? '');
}

export interface ObservedResponse {
  method: string;
  /** As requested: path and query, percent-encoded. */
  url: string;
  status: number;
  contentType: string | undefined;
  /** Decoded: parsed JSON for JSON media types, text for text, a Buffer otherwise, undefined when empty. */
  body: unknown;
}

export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly paths: CompiledPath[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    // ajv-formats is CommonJS: its default export arrives as the module object under ESM.
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
      addFormatsModule) as unknown as (ajv: Ajv) => void;
    addFormats(this.ajv);
    for (const format of ['binary', 'password', 'int32', 'int64', 'float', 'double']) {
      this.ajv.addFormat(format, true);
    }
    this.ajv.addSchema(
      {
        $id: DOCUMENT_ID,
        components: {
          schemas: Object.fromEntries(
            Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [
              name,
              toJsonSchema(schema),
            ]),
          ),
        },
      },
      DOCUMENT_ID,
    );
    this.paths = Object.entries(document.paths)
      .map(([template, operations]) => ({
        template,
        parameters: (template.match(/\{[^}]+\}/g) ?? []).length,
        pattern: new RegExp(
          `^${template
            .split(/(\{[^}]+\})/)
            .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
            .join('')}$`,
        ),
        operations,
      }))
      .sort((a, b) => a.parameters - b.parameters);
  }

  /** The operation a request reaches (method and path template), if the document has it. */
  operationFor(method: string, url: string): { template: string; operation: OperationObject } | undefined {
    const path = url.split(/[?#]/)[0]!;
    for (const candidate of this.paths) {
      if (!candidate.pattern.test(path)) continue;
      const operation = candidate.operations[method.toLowerCase()];
      if (operation) return { template: candidate.template, operation };
    }
    return undefined;
  }

  /** What is wrong with this response according to the document (empty: it conforms). */
  violations(observed: ObservedResponse): string[] {
    const path = observed.url.split(/[?#]/)[0]!;
    if (!path.startsWith('/api/') && !path.startsWith('/health/')) return [];
    if (observed.method.toUpperCase() === 'HEAD' || observed.method.toUpperCase() === 'OPTIONS') return [];
    const mediaType = mediaTypeOf(observed.contentType);
    const found = this.operationFor(observed.method, observed.url);
    if (!found) {
      // No route: whatever answers (404, a refused request before routing) is a problem+json.
      if (observed.status < 400) return [`no documented operation answers ${observed.status}`];
      return this.validateBody('#/components/schemas/ProblemDetails', 'application/problem+json', observed);
    }
    const { template, operation } = found;
    const responses = operation.responses ?? {};
    const status = String(observed.status);
    const response = responses[status] ?? responses[`${status[0]}XX`] ?? responses.default;
    if (!response) {
      return [
        `status ${status} is not documented for ${observed.method.toUpperCase()} ${template} ` +
          `(documented: ${Object.keys(responses).join(', ')})`,
      ];
    }
    const content = response.content ?? {};
    const documentedTypes = Object.keys(content);
    const empty =
      observed.body === undefined || (typeof observed.body === 'string' && observed.body.length === 0);
    if (documentedTypes.length === 0) {
      return empty ? [] : [`status ${status} is documented without a body, but one was sent (${mediaType})`];
    }
    const key =
      documentedTypes.find((type) => type.toLowerCase() === mediaType) ??
      documentedTypes.find((type) => type === '*/*') ??
      documentedTypes.find((type) => type.endsWith('/*') && mediaType.startsWith(type.slice(0, -1)));
    if (!key) {
      return [
        `media type ${mediaType || '(none)'} is not documented for ${status} (${documentedTypes.join(', ')})`,
      ];
    }
    const schema = content[key]?.schema;
    if (!schema) {
      return observed.status < 300 ? [`status ${status} (${key}) is documented without a schema`] : [];
    }
    if (!isJsonMediaType(mediaType)) return [];
    return this.validateSchema(schema, `${observed.method} ${template} ${status} ${key}`, observed);
  }

  /** Throws an error naming every violation, the request and an excerpt of the body. */
  assert(observed: ObservedResponse): void {
    const problems = this.violations(observed);
    if (problems.length === 0) return;
    throw new Error(
      `Response does not match the OpenAPI document: ${observed.method.toUpperCase()} ${observed.url} → ` +
        `${observed.status} ${observed.contentType ?? ''}\n- ${problems.join('\n- ')}\nbody: ${excerpt(observed.body)}`,
    );
  }

  private validateBody(ref: string, mediaType: string, observed: ObservedResponse): string[] {
    if (mediaTypeOf(observed.contentType) !== mediaType) {
      return [`expected ${mediaType}, got ${observed.contentType ?? '(no content type)'}`];
    }
    return this.validateSchema({ $ref: ref }, ref, observed);
  }

  private validateSchema(schema: Json, key: string, observed: ObservedResponse): string[] {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as Json);
      this.validators.set(key, validate);
    }
    if (validate(observed.body)) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}` +
        (error.keyword === 'additionalProperties'
          ? `: ${(error.params as { additionalProperty?: string }).additionalProperty} (not in the document)`
          : error.keyword === 'enum'
            ? `: ${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)}`
            : ''),
    );
  }
}
