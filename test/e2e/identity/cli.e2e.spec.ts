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
        'auditor',
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
      roles: ['admin', 'auditor'],
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
    [
      [
        'users:create',
        '--email',
        'a@b.example',
        '--password',
        'long enough pass',
        '--role',
        'admin',
        '--role',
        'committee',
      ],
      1,
      /segregation of duties: admin cannot be combined with committee/,
    ],
    [
      ['users:create', '--email', 'a@b.example', '--password', ' '.repeat(12), '--role', 'auditor'],
      1,
      /AUTH.PASSWORD_REJECTED.*blank/,
    ],
    [
      ['users:create', '--email', 'a@b.example', '--password', 'Password2024!', '--role', 'auditor'],
      1,
      /too common/,
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

  it('users:reset-password prints a one-time token (stored hashed, audited) that sets a new password once', async () => {
    expect(
      await runCli(
        [
          'users:create',
          '--email',
          'reset.me@fund.example',
          '--password',
          'the first pass phrase',
          '--role',
          'auditor',
        ],
        io,
        config,
      ),
    ).toBe(0);
    const userId = out[0];
    out = [];
    err = [];
    expect(await runCli(['users:reset-password', '--email', 'RESET.ME@fund.example'], io, config)).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^[A-Za-z0-9_-]{43}$/)]);
    expect(err.join('\n')).toMatch(/valid until .* POST \/api\/v1\/auth\/password-reset/);
    const [row] = await db.dataSource.query(
      `SELECT requested_by, used_at, expires_at > now() + interval '25 minutes' AS long_enough
         FROM password_reset_tokens WHERE user_id = $1`,
      [userId],
    );
    expect(row).toEqual({ requested_by: 'cli', used_at: null, long_enough: true });
    const events = await db.dataSource.query(
      `SELECT actor_id FROM audit_events WHERE action = 'user.password_reset_issued' AND subject_id = $1`,
      [userId],
    );
    expect(events).toEqual([{ actor_id: 'system' }]);

    out = [];
    err = [];
    expect(await runCli(['users:reset-password', '--email', 'nobody@fund.example'], io, config)).toBe(1);
    expect(err.join('\n')).toMatch(/USER.NOT_FOUND/);
    expect(await runCli(['users:reset-password'], io, config)).toBe(2);
  });

  it('users:reset-password with SMTP_URL queues the link by email in the user’s language and prints no token', async () => {
    const emailConfig = () =>
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        FORGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'forge-cli-')),
        SMTP_URL: 'smtp://127.0.0.1:2525',
        PUBLIC_URL: 'https://forge.example/',
      });
    expect(
      await runCli(
        [
          'users:create',
          '--email',
          'mailed.reset@fund.example',
          '--password',
          'the first pass phrase',
          '--role',
          'auditor',
        ],
        io,
        config,
      ),
    ).toBe(0);
    const userId = out[0];
    await db.dataSource.query(`UPDATE users SET locale = 'es' WHERE id = $1`, [userId]);
    out = [];
    err = [];
    expect(
      await runCli(['users:reset-password', '--email', 'mailed.reset@fund.example'], io, emailConfig),
    ).toBe(0);
    expect(out).toEqual(['emailed to mailed.reset@fund.example']);
    expect(out.join('\n') + err.join('\n')).not.toMatch(/[A-Za-z0-9_-]{43}/);
    const mails = await db.dataSource.query(
      `SELECT to_address, locale, template, params->>'resetUrl' AS url, status FROM email_messages WHERE user_id = $1`,
      [userId],
    );
    expect(mails).toEqual([
      {
        to_address: 'mailed.reset@fund.example',
        locale: 'es',
        template: 'password_reset',
        url: expect.stringMatching(/^https:\/\/forge\.example\/reset-password#token=[A-Za-z0-9_-]{43}$/),
        status: 'pending',
      },
    ]);
  });
});
