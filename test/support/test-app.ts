import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type INestApplicationContext } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { hash } from '@node-rs/argon2';
import { loadConfig } from '../../libs/config/src/index.js';
import { type Runtime } from '../../libs/persistence/src/runtime.js';
import { createApiApp } from '../../apps/api/src/api.bootstrap.js';
import { TokenService } from '../../apps/api/src/auth/token.service.js';
import { startWorker } from '../../apps/worker/src/worker.bootstrap.js';
import { type Role } from '../../libs/domain/src/index.js';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from './test-database.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  roles: Role[];
  organizationId: string | null;
  token: string;
}

/** A console session opened through POST /auth/session: send `cookie` as the Cookie header, the token as x-csrf-token. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
  /** Headers for a cookie-authenticated request (Cookie and x-csrf-token). */
  headers: Record<string, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  runtime: Runtime;
  worker?: INestApplicationContext;
  /** Creates a user straight in the database and a valid token for it. */
  createUser(
    roles: Role[],
    options?: { organizationId?: string | null; email?: string; password?: string },
  ): Promise<TestUser>;
  createOrganization(name?: string): Promise<string>;
  /** Signs in through POST /api/v1/auth/session with the user's password and returns the cookie session. */
  signIn(user: Pick<TestUser, 'email' | 'password'>): Promise<TestSession>;
  /** An HTTP request to the running app, with a bearer token and a JSON body. */
  baseUrl: string;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

/**
 * Boots the real API (and optionally a worker) on a fresh copy of the migrated template database.
 * Requests go through Fastify's inject (no sockets), everything else is real: PostgreSQL, the queue backend.
 */
export async function createTestApp(
  options: { queueBackend?: 'redis' | 'postgres'; withWorker?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const backend = options.queueBackend ?? 'postgres';
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: db.url,
    QUEUE_BACKEND: backend,
    ...(backend === 'redis' ? { REDIS_URL: testRedisUrl() } : {}),
    QUEUE_PREFIX: uniqueQueuePrefix(),
    FORGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'forge-test-data-')),
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    OUTBOX_POLL_INTERVAL_MS: '50',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...options.env,
  });
  const runtime: Runtime = { config, databaseUrl: db.url, embeddedDatabase: false, stop: async () => {} };
  const app = await createApiApp(runtime);
  // Real sockets on a free loopback port (light-my-request cannot load its ESM dependencies under Jest).
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const worker = options.withWorker ? await startWorker(runtime) : undefined;
  const tokens = app.get(TokenService);

  const testApp: TestApp = {
    app,
    db,
    runtime,
    worker,
    baseUrl,
    async createOrganization(name = `Org ${randomUUID().slice(0, 8)}`) {
      const id = randomUUID();
      await db.dataSource.query(
        `INSERT INTO organizations (id, name, country, registration_number) VALUES ($1, $2, 'AR', $3)`,
        [id, name, `REG-${id.slice(0, 8)}`],
      );
      return id;
    },
    async createUser(roles, userOptions = {}) {
      passwordHash ??= hash(PASSWORD);
      const id = randomUUID();
      const email = userOptions.email ?? `${roles.join('-')}-${id.slice(0, 8)}@forge.test`;
      let organizationId = userOptions.organizationId ?? null;
      if (roles.includes('sponsor') && !organizationId) organizationId = await testApp.createOrganization();
      const password = userOptions.password ?? PASSWORD;
      await db.dataSource.query(
        `INSERT INTO users (id, email, password_hash, display_name, roles, organization_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          id,
          email,
          userOptions.password ? await hash(userOptions.password) : await passwordHash,
          `Test ${roles.join('/')}`,
          roles,
          organizationId,
        ],
      );
      const token = await tokens.issue({ id, email, roles, organizationId, authVersion: 1 });
      return { id, email, password, roles, organizationId, token };
    },
    async signIn(user) {
      const response = await fetch(`${baseUrl}/api/v1/auth/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: user.password }),
      });
      const body = (await response.json()) as { csrfToken?: string };
      const setCookie = response.headers.getSetCookie().find((line) => line.startsWith('forge_session='));
      if (response.status !== 200 || !setCookie || !body.csrfToken) {
        throw new Error(`sign-in of ${user.email} failed: ${response.status} ${JSON.stringify(body)}`);
      }
      const cookie = setCookie.split(';')[0];
      return { cookie, csrfToken: body.csrfToken, headers: { cookie, 'x-csrf-token': body.csrfToken } };
    },
    async request(method, url, requestOptions = {}) {
      const headers: Record<string, string> = { ...(requestOptions.headers ?? {}) };
      if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
      let payload: string | undefined;
      if (requestOptions.body !== undefined) {
        payload =
          typeof requestOptions.body === 'string' ? requestOptions.body : JSON.stringify(requestOptions.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${baseUrl}${url}`, { method, headers, body: payload });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body, headers: Object.fromEntries(response.headers.entries()) };
    },
    async close() {
      await worker?.close();
      await app.close();
      await db.drop();
    },
  };
  return testApp;
}
