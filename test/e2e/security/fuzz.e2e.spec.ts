import fc from 'fast-check';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';

/**
 * Property-based fuzzing of every operation of the OpenAPI document (so new routes are covered as they are
 * documented): bodies generated from the operation's schema (valid-shaped, with mass-assignment fields, or
 * arbitrary JSON), path parameters that exist, do not exist or are garbage, every role or no/tampered token.
 * Properties: never a 5xx; every error is problem+json with a stable code; a rejected request changes nothing
 * (the decision trail does not grow: every command writes exactly one audit event; failed logins excepted).
 * FUZZ_RUNS sets the cases per operation (CI default 30; the issue's full run uses ≥ 500).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

type Schema = Record<string, any>;
interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  params: string[];
  query: Schema[];
  body?: Schema;
}

const MASS_ASSIGNMENT = [
  'stage',
  'version',
  'organizationId',
  'score',
  'id',
  'createdBy',
  'roles',
  '__proto__',
];

describe('OpenAPI-driven fuzzing', () => {
  let t: TestApp;
  let document: {
    paths: Record<string, Record<string, Schema>>;
    components?: { schemas?: Record<string, Schema> };
  };
  let users: TestUser[];
  let applicationId: string;
  const operations: Operation[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.request('GET', '/docs-json')).body;
    const sponsor = await t.createUser(['sponsor']);
    users = [
      sponsor,
      await t.createUser(['officer']),
      await t.createUser(['committee']),
      await t.createUser(['auditor']),
      await t.createUser(['admin']),
    ];
    const { readFileSync } = await import('node:fs');
    const portfolio = JSON.parse(readFileSync('config/reference/sample-portfolio.json', 'utf8'));
    const created = await t.request('POST', '/api/v1/applications', {
      token: sponsor.token,
      body: portfolio.applications[0].input,
    });
    applicationId = created.body?.id;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        if (path.startsWith('/docs')) continue;
        const parameters = (op.parameters ?? []) as Schema[];
        operations.push({
          method: method.toUpperCase() as Operation['method'],
          path,
          params: parameters.filter((p) => p.in === 'path').map((p) => p.name as string),
          query: parameters.filter((p) => p.in === 'query'),
          body: op.requestBody?.content?.['application/json']?.schema,
        });
      }
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  function resolve(schema: Schema | undefined): Schema {
    let current = schema ?? {};
    for (let i = 0; i < 10 && current.$ref; i++) {
      const name = String(current.$ref).split('/').pop()!;
      current = document.components?.schemas?.[name] ?? {};
    }
    return current;
  }

  function arbitrary(input: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
    const schema = resolve(input);
    if (depth > 6) return fc.constant(null);
    if (schema.allOf) return arbitrary(schema.allOf[0], depth);
    if (schema.oneOf || schema.anyOf) {
      return fc.oneof(...(schema.oneOf ?? schema.anyOf).map((s: Schema) => arbitrary(s, depth + 1)));
    }
    if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
    switch (schema.type) {
      case 'string':
        return schema.format === 'uuid'
          ? fc.oneof(fc.uuid(), fc.string())
          : fc.oneof(
              fc.string({ maxLength: 40 }),
              fc.constant(''),
              fc.string({ minLength: 100, maxLength: 300 }),
            );
      case 'integer':
        return fc.oneof(
          fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000 }),
          fc.integer(),
          fc.constantFrom(-1, 0, 2 ** 53, 1e13 + 1),
        );
      case 'number':
        return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(arbitrary(schema.items, depth + 1), { maxLength: 3 });
      case 'object':
      default: {
        const properties = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
        if (properties.length === 0)
          return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }));
        return fc.record(
          Object.fromEntries(properties.map(([key, value]) => [key, arbitrary(value, depth + 1)])),
          { requiredKeys: (schema.required ?? []) as string[] },
        );
      }
    }
  }

  /** Bodies: schema-shaped, schema-shaped plus a field the client may not set, arbitrary JSON, or none. */
  function bodies(op: Operation): fc.Arbitrary<unknown> {
    const shaped = arbitrary(op.body);
    return fc.oneof(
      { weight: 4, arbitrary: shaped },
      {
        weight: 2,
        arbitrary: fc
          .tuple(shaped, fc.constantFrom(...MASS_ASSIGNMENT), fc.jsonValue({ maxDepth: 1 }))
          .map(([body, key, value]) =>
            body && typeof body === 'object' && !Array.isArray(body)
              ? { ...body, [key]: value }
              : { [key]: value },
          ),
      },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  }

  async function trailSize(): Promise<number> {
    const [row] = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action NOT IN ('auth.failed_login')`,
    );
    return row.n;
  }

  it('every documented operation: no 5xx, problem+json errors, rejected input changes nothing', async () => {
    expect(operations.length).toBeGreaterThan(10);
    const failures: string[] = [];
    let requests = 0;
    for (const op of operations) {
      await fc
        .assert(
          fc.asyncProperty(
            fc.array(
              fc.oneof(fc.constant(applicationId), fc.uuid(), fc.string({ maxLength: 20 }), fc.constant('1')),
              {
                minLength: op.params.length,
                maxLength: op.params.length,
              },
            ),
            fc.integer({ min: -2, max: users.length - 1 }),
            bodies(op),
            fc.dictionary(
              fc.constantFrom(
                ...(op.query.map((q) => q.name as string).concat(['limit', 'cursor']) as string[]),
              ),
              fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String)),
            ),
            async (params, who, body, query) => {
              let url = op.path;
              op.params.forEach((name, i) => {
                url = url.replace(`{${name}}`, encodeURIComponent(params[i] ?? 'x'));
              });
              const search = new URLSearchParams(query).toString();
              const token =
                who === -1
                  ? undefined
                  : who === -2
                    ? `${users[1]!.token.slice(0, -4)}AAAA`
                    : users[who]!.token;
              const before = await trailSize();
              requests += 1;
              const answer = await t.request(op.method, `${url}${search ? `?${search}` : ''}`, {
                token,
                body: op.method === 'GET' || op.method === 'DELETE' ? undefined : body,
              });
              const where = `${op.method} ${op.path} → ${answer.status}`;
              if (answer.status >= 500)
                failures.push(`${where}: ${JSON.stringify(answer.body).slice(0, 300)}`);
              if (answer.status >= 400) {
                const type = String(answer.headers['content-type'] ?? '');
                if (!type.includes('application/problem+json') || typeof answer.body?.code !== 'string') {
                  failures.push(`${where}: not problem+json (${type})`);
                }
                if ((await trailSize()) !== before)
                  failures.push(`${where}: rejected request changed the trail`);
              }
              return failures.length === 0;
            },
          ),
          { numRuns: RUNS, seed: 9, endOnFailure: true },
        )
        .catch((error: Error) => {
          if (failures.length === 0) failures.push(`${op.method} ${op.path}: ${error.message.slice(0, 500)}`);
        });
      if (failures.length > 0) break;
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(requests).toBe(operations.length * RUNS);
    console.log(`fuzz: ${operations.length} operations × ${RUNS} cases = ${requests} requests`);
  }, 1_800_000);
});
