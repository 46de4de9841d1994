import { parseArgs } from 'node:util';
import { type DataSource } from 'typeorm';
import { SYSTEM_AUDIT_ACTOR } from '@forge/audit';
import { type AppConfig, ConfigError, loadConfig } from '@forge/config';
import { DomainError } from '@forge/domain';
import { queueEmail } from '@forge/messaging';
import { createDataSource, prepareRuntime, UnitOfWork, usersRepository } from '@forge/persistence';
import {
  createUserAccount,
  issuePasswordReset,
  type NewUserAccount,
  validateNewUserAccount,
} from '@forge/application';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `usage: npm run cli -- <command> [options]

commands:
  users:create --email <email> --password <password> --role <role> [--role <role> ...]
               [--display-name <name>] [--organization-id <uuid>]
      Creates a user and prints its id. The password follows the policy (at least 12 characters, not blank,
      not a common or breached password, not derived from the email). Roles: sponsor (needs
      --organization-id), officer, committee, auditor, admin; admin is never combined with officer or
      committee. As an operator's break-glass path it needs no second admin (audited as the system).

  users:reset-password --email <email>
      Prints a one-time password-reset token for the account (valid PASSWORD_RESET_TTL_SECONDS, default 30 min;
      only the latest token works). The user sets a new password with
      POST /api/v1/auth/password-reset { "token": "<token>", "password": "<new password>" }.

Reaches DATABASE_URL, or the embedded database under FORGE_DATA_DIR, and applies pending migrations first.`;

function describeError(error: DomainError): string {
  const details = error.details.map((detail) => `  - ${detail.field ?? detail.guard}: ${detail.message}`);
  return [`${error.code}: ${error.message}`, ...details].join('\n');
}

type Command = (dataSource: DataSource, config: AppConfig, io: CliIo) => Promise<void>;

/** The CLI without process globals (testable): returns the exit code. */
export async function runCli(
  argv: string[],
  io: CliIo,
  loadAppConfig: () => AppConfig = () => loadConfig(),
): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  let run: Command;
  try {
    if (command === 'users:create') run = usersCreate(rest);
    else if (command === 'users:reset-password') run = usersResetPassword(rest);
    else {
      io.err(`unknown command "${command}"\n\n${USAGE}`);
      return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof DomainError) {
      io.err(describeError(error)); // bad input fails fast, before touching the database
      return 1;
    }
    throw error;
  }

  let config: AppConfig;
  try {
    config = loadAppConfig();
  } catch (error) {
    io.err(error instanceof ConfigError ? error.message : String(error));
    return 1;
  }
  const runtime = await prepareRuntime(config, () => {}, { migrate: true });
  const dataSource = createDataSource({
    url: runtime.databaseUrl,
    poolSize: 2,
    applicationName: 'forge-cli',
  });
  try {
    await dataSource.initialize();
    await run(dataSource, config, io);
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(describeError(error));
      return 1;
    }
    throw error;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await runtime.stop();
  }
}

class UsageError extends Error {}

function parse<T extends Record<string, { type: 'string'; multiple?: boolean }>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function required(values: Record<string, unknown>, names: string[]): void {
  const missing = names.filter((name) => !values[name]);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((name) => `--${name}`).join(', ')}`);
}

function usersCreate(args: string[]): Command {
  const values = parse(args, {
    email: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string', multiple: true },
    'display-name': { type: 'string' },
    'organization-id': { type: 'string' },
  });
  required(values, ['email', 'password', 'role']);
  const account: NewUserAccount = {
    email: values.email as string,
    password: values.password as string,
    roles: values.role as string[],
    displayName: values['display-name'] as string | undefined,
    organizationId: (values['organization-id'] as string | undefined) ?? null,
  };
  validateNewUserAccount(account);
  return async (dataSource, _config, io) => {
    const { user } = await new UnitOfWork(dataSource).run((manager) =>
      createUserAccount(manager, account, SYSTEM_AUDIT_ACTOR, { source: 'cli users:create' }),
    );
    io.out(user.id);
  };
}

function usersResetPassword(args: string[]): Command {
  const values = parse(args, { email: { type: 'string' } });
  required(values, ['email']);
  const email = values.email as string;
  return async (dataSource, config, io) => {
    const user = await usersRepository.findByEmail(dataSource.manager, email);
    if (!user) throw new DomainError('USER.NOT_FOUND', `No user has the email ${email}`);
    // With email (SMTP_URL set) the token leaves only by email, queued in the same transaction and sent by a
    // worker's email outbox, in the user's language (docs/notifications.md); without, it is printed once.
    const emailed = Boolean(config.notifications.smtpUrl);
    const { token, expiresAt } = await new UnitOfWork(dataSource).run(async (manager) => {
      const issued = await issuePasswordReset(
        manager,
        { userId: user.id, ttlSeconds: config.auth.passwordResetTtlSeconds, requestedBy: 'cli' },
        SYSTEM_AUDIT_ACTOR,
        { source: 'cli users:reset-password' },
      );
      if (emailed) {
        await queueEmail(manager, {
          userId: user.id,
          to: user.email,
          locale: user.locale,
          template: 'password_reset',
          params: { resetUrl: passwordResetUrl(config.notifications.publicUrl, issued.token) },
          dedupeKey: `password_reset:${user.id}:${issued.expiresAt}`,
        });
      }
      return issued;
    });
    if (emailed) {
      io.out(`emailed to ${user.email}`);
      io.err(`one-time password-reset link emailed to ${user.email} (valid until ${expiresAt}).`);
      return;
    }
    io.out(token);
    io.err(
      `one-time token for ${user.email}, valid until ${expiresAt}; give it to the user over a trusted channel. ` +
        'They set a new password with POST /api/v1/auth/password-reset { "token": "…", "password": "…" }.',
    );
  };
}

/** The link in the password-reset email: the token rides in the fragment, which browsers never send to a server. */
export function passwordResetUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/reset-password#token=${encodeURIComponent(token)}`;
}

if (process.argv[1]?.endsWith('cli.js')) {
  runCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  })
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
