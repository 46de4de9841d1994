import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../libs/config/src/index.js';
import { verifyPassword } from '../../../libs/persistence/src/identity/index.js';
import { runCli } from '../../../scripts/cli.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('npm run cli -- users:create', () => {
  let db: TestDatabase;
  let out: string[];
  let err: string[];
  const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
  const config = () =>
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      FORGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'forge-cli-')),
    });

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });
  beforeEach(() => {
    out = [];
    err = [];
  });

  it('creates an admin with several roles, prints its id and audits user.created as the system', async () => {
    const code = await runCli(
      [
        'users:create',
        '--email',
        'First.Admin@fund.example',
        '--password',
        'a long admin passphrase',
        '--role',
        'admin',
        '--role',
        'officer',
        '--display-name',
        'First Admin',
      ],
      io,
      config,
    );
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    const [user] = await db.dataSource.query(
      `SELECT email, display_name, roles, password_hash FROM users WHERE id = $1`,
      [out[0]],
    );
    expect(user).toMatchObject({
      email: 'First.Admin@fund.example',
      display_name: 'First Admin',
      roles: ['admin', 'officer'],
    });
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.password_hash, 'a long admin passphrase')).toBe(true);
    const events = await db.dataSource.query(
      `SELECT actor_id, actor_role FROM audit_events WHERE action = 'user.created' AND subject_id = $1`,
      [out[0]],
    );
    expect(events).toEqual([{ actor_id: 'system', actor_role: 'system' }]);
  });

  it.each([
    [['users:create', '--email', 'a@b.example', '--role', 'admin'], 2, /missing --password/],
    [['users:create', '--email', 'a@b.example', '--password', 'short', '--role', 'admin'], 1, /at least 12/],
    [
      ['users:create', '--email', 'a@b.example', '--password', 'long enough pass', '--role', 'boss'],
      1,
      /unknown role/,
    ],
    [
      ['users:create', '--email', 'a@b.example', '--password', 'long enough pass', '--role', 'sponsor'],
      1,
      /organizationId/,
    ],
    [['users:create', '--email', 'a@b.example', '--bogus', 'x'], 2, /Unknown option '--bogus'/],
    [['users:delete'], 2, /unknown command "users:delete"/],
  ])('exits non-zero with a clear message: %j', async (argv, expectedCode, message) => {
    const code = await runCli(argv, io, config);
    expect(code).toBe(expectedCode);
    expect(err.join('\n')).toMatch(message);
    expect(out).toEqual([]);
  });

  it('refuses an email that exists (case-insensitive) with exit code 1', async () => {
    const argv = [
      'users:create',
      '--email',
      'dup@fund.example',
      '--password',
      'long enough pass',
      '--role',
      'auditor',
    ];
    expect(await runCli(argv, io, config)).toBe(0);
    err = [];
    argv[2] = 'DUP@fund.example';
    expect(await runCli(argv, io, config)).toBe(1);
    expect(err.join('\n')).toMatch(/CONFLICT: A user with this email already exists/);
  });
});
