import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type INestApplicationContext } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { hash } from '@node-rs/argon2';
import { AuditSequencer, sequencePendingAuditEvents } from '../../libs/audit/src/index.js';
import { loadConfig } from '../../libs/config/src/index.js';
import { type Runtime } from '../../libs/persistence/src/runtime.js';
import { createApiApp } from '../../apps/api/src/api.bootstrap.js';
import { TokenService } from '../../apps/api/src/auth/token.service.js';
import { startWorker } from '../../apps/worker/src/worker.bootstrap.js';
import { type Role } from '../../libs/domain/src/index.js';
import { type Test } from 'supertest';
import { HttpClient, type HttpMethod, type RequestOptions, type TestResponse } from './http.js';
import { OpenApiContract, type OpenApiDocument } from './openapi-contract.js';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from './test-database.js';
import { TestAuthenticator } from './totp.js';

export type { HttpMethod, RequestOptions, TestResponse } from './http.js';

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
  /** A sponsor organisation (or a cofinancier: `kind`), straight in the database. */
  createOrganization(name?: string, kind?: 'sponsor' | 'cofinancier'): Promise<string>;
  /**
   * Signs in through POST /api/v1/auth/session with the user's password and returns the cookie session. With
   * AUTH_STAFF_MFA=required it does the second factor too: a staff account is enrolled (once) through the TOTP
   * routes and every sign-in sends a fresh code (`authenticator`).
   */
  signIn(user: Pick<TestUser, 'email' | 'password'>): Promise<TestSession>;
  /** Enrols the user's authenticator app (POST /auth/totp/enrolment, then …/confirm); the recovery codes. */
  enrolTotp(user: Pick<TestUser, 'email' | 'password'>): Promise<string[]>;
  /** The TOTP secrets of the accounts enrolled through this app, and their next codes. */
  authenticator: TestAuthenticator;
  /** The app's loopback address, for clients other than supertest (browsers, tools). */
  baseUrl: string;
  /**
   * An HTTP request to the app (supertest), with a bearer token and a JSON body; the response is checked
   * against the OpenAPI document (test/support/http.ts). `T` types the body.
   */
  request<T = any>(method: HttpMethod, url: string, options?: RequestOptions): Promise<TestResponse<T>>;
  /** A supertest request (multipart, streaming…) with the token and the same OpenAPI check. */
  supertest(method: HttpMethod, url: string, options?: { token?: string; unchecked?: boolean }): Test;
  /** The OpenAPI document the responses are checked against. */
  contract: OpenApiContract;
  /**
   * Returns once every audit event committed before the call has its `seq` (it places what the running sequencer
   * has not reached yet, waiting for the batch in progress): for tests that read `audit_events` straight after
   * a command. The API's trail reads do the same by themselves.
   */
  auditCaughtUp(): Promise<void>;
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
    // Suites about something other than sign-in skip the staff second factor; the identity suites (and signIn
    // below) run with AUTH_STAFF_MFA=required, the production default.
    AUTH_STAFF_MFA: 'off',
    ...options.env,
  });
  const runtime: Runtime = { config, databaseUrl: db.url, embeddedDatabase: false, stop: async () => {} };
  const app = await createApiApp(runtime);
  // NestJS's Fastify recipe (init, then Fastify `ready()`), and a loopback port: supertest uses a server its
  // caller started as is, and `baseUrl` serves other clients.
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const http = new HttpClient(app.getHttpServer());
  const documentResponse = await http.request<OpenApiDocument>('GET', '/docs-json', { unchecked: true });
  const contract = new OpenApiContract(documentResponse.body);
  http.contract = contract;
  const worker = options.withWorker ? await startWorker(runtime) : undefined;
  // The decision trail's sequencer, as a worker runs it (a worker, when started, runs its own: they race on the
  // advisory lock, as in production).
  const sequencer = new AuditSequencer(db.dataSource, { intervalMs: 25 });
  sequencer.start();
  const tokens = app.get(TokenService);
  const authenticator = new TestAuthenticator();

  const testApp: TestApp = {
    app,
    db,
    runtime,
    worker,
    baseUrl,
    async createOrganization(name = `Org ${randomUUID().slice(0, 8)}`, kind = 'sponsor') {
      const id = randomUUID();
      await db.dataSource.query(
        kind === 'cofinancier'
          ? `INSERT INTO organizations (id, name, country, registration_number, kind, sector) VALUES ($1, $2, 'US', $3, 'cofinancier', 'private')`
          : `INSERT INTO organizations (id, name, country, registration_number) VALUES ($1, $2, 'AR', $3)`,
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
      if (roles.includes('partner') && !organizationId) {
        organizationId = await testApp.createOrganization(undefined, 'cofinancier');
      }
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
    authenticator,
    async enrolTotp(user) {
      const credentials = { email: user.email, password: user.password };
      const started = await http.request<{ secret?: string }>('POST', '/api/v1/auth/totp/enrolment', {
        body: credentials,
      });
      if (started.status !== 201 || !started.body?.secret) {
        throw new Error(`TOTP enrolment of ${user.email} failed: ${started.status} ${started.text}`);
      }
      authenticator.remember(user.email, started.body.secret);
      const confirmed = await http.request<{ recoveryCodes?: string[] }>(
        'POST',
        '/api/v1/auth/totp/enrolment/confirm',
        { body: { ...credentials, code: await authenticator.nextCode(user.email) } },
      );
      if (confirmed.status !== 200 || !confirmed.body?.recoveryCodes) {
        throw new Error(`TOTP confirmation of ${user.email} failed: ${confirmed.status} ${confirmed.text}`);
      }
      return confirmed.body.recoveryCodes;
    },
    async signIn(user) {
      const attempt = (code?: string) =>
        http.request<{ csrfToken?: string; code?: string; secondFactor?: { status: string } }>(
          'POST',
          '/api/v1/auth/session',
          {
            body: { email: user.email, password: user.password, ...(code ? { code } : {}) },
          },
        );
      let response = await attempt(
        authenticator.secretOf(user.email) ? await authenticator.nextCode(user.email) : undefined,
      );
      // Past its grace a staff account must enrol first; within it, the answer says the enrolment is due: the
      // helper enrols then too (what the console offers), so its sessions are always proved by a code.
      const enrolmentDue =
        (response.status === 401 && response.body?.code === 'AUTH.TOTP_ENROLMENT_REQUIRED') ||
        (response.status === 200 && response.body?.secondFactor?.status === 'enrolment_due');
      if (enrolmentDue) {
        await testApp.enrolTotp(user);
        response = await attempt(await authenticator.nextCode(user.email));
      }
      const setCookie = ([] as string[])
        .concat(response.headers['set-cookie'] ?? [])
        .find((line) => line.startsWith('forge_session='));
      if (response.status !== 200 || !setCookie || !response.body?.csrfToken) {
        throw new Error(
          `sign-in of ${user.email} failed: ${response.status} ${JSON.stringify(response.body)}`,
        );
      }
      const cookie = setCookie.split(';')[0]!;
      const csrfToken = response.body.csrfToken;
      return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
    },
    contract,
    request: (method, url, requestOptions) => http.request(method, url, requestOptions),
    supertest: (method, url, requestOptions) => http.supertest(method, url, requestOptions),
    async auditCaughtUp() {
      await sequencePendingAuditEvents(db.dataSource);
    },
    async close() {
      await sequencer.stop();
      await worker?.close();
      await app.close();
      await db.drop();
    },
  };
  return testApp;
}
