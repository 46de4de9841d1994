import { type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import supertest from 'supertest';
import { type ObservedResponse, type OpenApiContract } from './openapi-contract.js';

/**
 * HTTP for the e2e suites: supertest against the Nest application's server (NestJS's Fastify recipe), with
 * every response checked against the OpenAPI document (`OpenApiContract`): a test that receives a response
 * the document does not describe fails, naming what differs.
 *
 * - `request(method, url, { token, body, headers })` → `{ status, body, headers, text }`, `body` typed by
 *   the caller (`t.request<ApplicationViewResponseDto>(…)`): parsed JSON, text for text answers, a Buffer
 *   otherwise.
 * - `supertest(method, url, { token })` → a supertest `Test` for what the short form cannot say
 *   (multipart `.attach()` / `.field()`, streaming): the same contract check runs when it ends.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface RequestOptions {
  /** Bearer token. */
  token?: string;
  /** A string is sent as is (malformed JSON, form bodies); anything else as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Skip the OpenAPI check (only for requests that test the check itself). */
  unchecked?: boolean;
}

export interface TestResponse<T = any> {
  status: number;
  body: T;
  /** The raw text of the body ('' when empty or binary). */
  text: string;
  headers: IncomingHttpHeaders;
}

const EMPTY = Symbol('empty body');

/**
 * Decodes every answer the same way, whatever its media type (superagent's defaults differ per type): JSON
 * parsed, text as a string, anything else as a Buffer, nothing as undefined. `text` keeps the raw text.
 */
function decodeBody(res: IncomingMessage, callback: (error: Error | null, body: unknown) => void): void {
  const chunks: Buffer[] = [];
  const message = res as IncomingMessage & { text?: string; [EMPTY]?: boolean };
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('error', (error) => callback(error, undefined));
  res.on('end', () => {
    const bytes = Buffer.concat(chunks);
    message.text = '';
    if (bytes.length === 0) {
      message[EMPTY] = true;
      return callback(null, undefined);
    }
    const mediaType = String(res.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    const json = mediaType === 'application/json' || mediaType.endsWith('+json');
    const textual = json || mediaType.startsWith('text/') || mediaType === 'application/x-ndjson';
    if (!textual) return callback(null, bytes);
    message.text = bytes.toString('utf8');
    if (json) {
      try {
        return callback(null, JSON.parse(message.text));
      } catch {
        // Not JSON although it says so: keep the text (the contract check reports it).
      }
    }
    callback(null, message.text);
  });
}

/** `{ status, body, text, headers }` of a supertest response decoded by `decodeBody`. */
export function toTestResponse<T>(response: supertest.Response): TestResponse<T> {
  const message = (response as unknown as { res: { [EMPTY]?: boolean } }).res;
  return {
    status: response.status,
    body: (message?.[EMPTY] ? undefined : response.body) as T,
    text: response.text ?? '',
    headers: response.headers as IncomingHttpHeaders,
  };
}

export class HttpClient {
  /** Set once the document is loaded (createTestApp does it before the first request). */
  contract: OpenApiContract | undefined;

  constructor(private readonly server: Server) {}

  /**
   * A supertest request with the token, the body decoding and the OpenAPI check attached (it runs when the
   * request ends, like any `.expect()`).
   */
  supertest(
    method: HttpMethod,
    url: string,
    options: { token?: string; unchecked?: boolean } = {},
  ): supertest.Test {
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';
    const test = supertest(this.server)
      [verb](url)
      .buffer(true)
      // superagent hands its node parsers the IncomingMessage (its typings say Response).
      .parse(decodeBody as unknown as Parameters<supertest.Test['parse']>[0])
      .ok(() => true);
    if (options.token) void test.set('authorization', `Bearer ${options.token}`);
    const contract = this.contract;
    if (contract && !options.unchecked) {
      void test.expect((response) => contract.assert(observe(method, url, toTestResponse(response))));
    }
    return test;
  }

  async request<T = any>(
    method: HttpMethod,
    url: string,
    options: RequestOptions = {},
  ): Promise<TestResponse<T>> {
    const test = this.supertest(method, url, { token: options.token, unchecked: options.unchecked });
    for (const [name, value] of Object.entries(options.headers ?? {})) void test.set(name, value);
    if (options.body !== undefined) {
      const typed = Object.keys(options.headers ?? {}).some((name) => name.toLowerCase() === 'content-type');
      if (!typed) void test.set('content-type', 'application/json');
      void test.send(typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
    }
    return toTestResponse<T>(await test);
  }
}

export function observe(method: string, url: string, response: TestResponse): ObservedResponse {
  const contentType = response.headers['content-type'];
  return {
    method,
    url,
    status: response.status,
    contentType: Array.isArray(contentType) ? contentType[0] : contentType,
    body: response.body,
  };
}
