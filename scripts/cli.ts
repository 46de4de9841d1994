import { parseArgs } from 'node:util';
import { SYSTEM_AUDIT_ACTOR } from '@forge/audit';
import { type AppConfig, ConfigError, loadConfig } from '@forge/config';
import { DomainError } from '@forge/domain';
import {
  createDataSource,
  createUserAccount,
  type NewUserAccount,
  prepareRuntime,
  UnitOfWork,
  validateNewUserAccount,
} from '@forge/persistence';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `usage: npm run cli -- <command> [options]

commands:
  users:create --email <email> --password <password> --role <role> [--role <role> ...]
               [--display-name <name>] [--organization-id <uuid>]
      Creates a user (Argon2id password, at least 12 characters) and prints its id.
      Roles: sponsor (needs --organization-id), officer, committee, auditor, admin.

Reaches DATABASE_URL, or the embedded database under FORGE_DATA_DIR, and applies pending migrations first.`;

function describeError(error: DomainError): string {
  const details = error.details.map((detail) => `  - ${detail.field ?? detail.guard}: ${detail.message}`);
  return [`${error.code}: ${error.message}`, ...details].join('\n');
}

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
  if (command !== 'users:create') {
    io.err(`unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  let values: {
    email?: string;
    password?: string;
    role?: string[];
    'display-name'?: string;
    'organization-id'?: string;
  };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string', multiple: true },
        'display-name': { type: 'string' },
        'organization-id': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const missing = (['email', 'password', 'role'] as const).filter((name) => !values[name]);
  if (missing.length > 0) {
    io.err(`missing ${missing.map((name) => `--${name}`).join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const account: NewUserAccount = {
    email: values.email!,
    password: values.password!,
    roles: values.role!,
    displayName: values['display-name'],
    organizationId: values['organization-id'] ?? null,
  };
  try {
    validateNewUserAccount(account); // before touching the database: bad input fails fast
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(describeError(error));
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
    const user = await new UnitOfWork(dataSource).run((manager) =>
      createUserAccount(manager, account, SYSTEM_AUDIT_ACTOR, { source: 'cli users:create' }),
    );
    io.out(user.id);
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
