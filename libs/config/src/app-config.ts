import { plainToInstance, Transform } from 'class-transformer';
import {
  businessCalendar,
  DEFAULT_DEADLINE_POLICY,
  DEFAULT_ROLE_GRANT_APPROVAL,
  EMAIL_RETRY_POLICY,
  isStaffRole,
  parseStageSlaDays,
  POST_CLOSE_STAGES,
  roleGrantApprovalProblems,
  STAFF_ROLES,
  STAGES,
  WEBHOOK_RETRY_POLICY,
  type ApprovableRole,
  type DeadlinePolicy,
  type RetryPolicy,
} from '@forge/domain';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * The environment, as the product reads it. Validated once at boot (`loadConfig`); nothing else in
 * the code base reads `process.env`. Defaults are the ones documented in README.md.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test']) @IsOptional() NODE_ENV: 'development' | 'production' | 'test' =
    'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsString() HOST = '127.0.0.1';
  /** Trust X-Forwarded-For (set only behind a proxy that overwrites it, or per-IP limits can be dodged). */
  @Transform(toBool) @IsBoolean() TRUST_PROXY = false;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  /** Where the embedded database, demo keys and documents live when nothing else is configured. */
  @IsString() FORGE_DATA_DIR = '.forge';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;
  /** At least 2: an audit checkpoint holds its advisory lock on one connection and records its outcome on another. */
  @Transform(toInt) @IsInt() @Min(2) @Max(200) DATABASE_POOL_SIZE = 10;
  /** As root: where the embedded server's binaries and data go when the postgres user cannot reach the project. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() FORGE_EMBEDDED_STAGE_DIR?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsIn(['redis', 'postgres']) QUEUE_BACKEND?:
    'redis' | 'postgres';
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;
  @Matches(/^[A-Za-z0-9_{}:-]+$/, { message: 'QUEUE_PREFIX may hold letters, digits, _ - : { }' })
  QUEUE_PREFIX = 'forge';
  @Transform(toInt) @IsInt() @Min(1) @Max(64) WORKER_CONCURRENCY = 4;
  @Transform(toInt) @IsInt() @Min(10) @Max(60000) OUTBOX_POLL_INTERVAL_MS = 200;
  @Transform(toInt) @IsInt() @Min(1000) WORKER_LOCK_DURATION_MS = 30000;
  @Transform(toInt) @IsInt() @Min(1000) WORKER_STALLED_INTERVAL_MS = 30000;
  /** How often a job may be found stalled (its worker died mid-job) before BullMQ fails it. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100) WORKER_MAX_STALLED_COUNT = 5;

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32) JWT_SECRET?: string;
  @Transform(toInt) @IsInt() @Min(60) @Max(86400) JWT_TTL_SECONDS = 900;
  /** Console sessions (cookie): absolute lifetime, and how long an unused session stays valid. */
  @Transform(toInt) @IsInt() @Min(60) @Max(604800) SESSION_TTL_SECONDS = 28800;
  @Transform(toInt) @IsInt() @Min(60) @Max(604800) SESSION_IDLE_SECONDS = 1800;
  /** How long a one-time password-reset token works. */
  @Transform(toInt) @IsInt() @Min(60) @Max(86400) PASSWORD_RESET_TTL_SECONDS = 1800;
  /**
   * Second factor for staff (officer, committee, auditor, admin) signing in with a password: `required` (the
   * default, production) or `off` (set explicitly by the test app for suites that are not about sign-in).
   */
  @IsIn(['required', 'off']) AUTH_STAFF_MFA: 'required' | 'off' = 'required';
  /**
   * Hours after an account's creation during which a staff account that has not enrolled a second factor still
   * signs in with its password alone (and is told by when to enrol). 0: none (a production choice).
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(720) AUTH_STAFF_MFA_GRACE_HOURS = 72;
  /**
   * The roles whose grant waits for a second admin's approval (comma list of officer, committee, admin; admin
   * always): issue 19's `admin` by default.
   */
  @IsString() ROLE_GRANT_APPROVAL = DEFAULT_ROLE_GRANT_APPROVAL.join(',');
  /** OpenID Connect staff sign-in (docs/identity.md): off unless the issuer and client are set. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\//, { message: 'OIDC_ISSUER_URL must be an http(s) URL' })
  OIDC_ISSUER_URL?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() OIDC_CLIENT_ID?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() OIDC_CLIENT_SECRET?: string;
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\//, { message: 'OIDC_REDIRECT_URL must be an http(s) URL' })
  OIDC_REDIRECT_URL?: string;
  /** `group=role` pairs, comma-separated: `fund-officers=officer,fund-ic=committee`. */
  @Matches(/^\s*([^=,\s][^=,]*=\s*[a-z]+\s*(,\s*[^=,\s][^=,]*=\s*[a-z]+\s*)*)?$/, {
    message: 'OIDC_ROLE_MAPPING must be group=role pairs separated by commas',
  })
  OIDC_ROLE_MAPPING = '';
  @IsString() @MinLength(1) OIDC_GROUPS_CLAIM = 'groups';
  @IsString() @MinLength(1) OIDC_SCOPES = 'openid email profile';
  /** Where the browser goes after an OIDC sign-in (the console). */
  @IsString() @MinLength(1) OIDC_POST_SIGN_IN_URL = '/';
  @Transform(emptyToUndefined) @IsOptional() @IsString() FORGE_BOOTSTRAP_ADMIN_EMAIL?: string;
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(12)
  FORGE_BOOTSTRAP_ADMIN_PASSWORD?: string;

  @Transform(toInt) @IsInt() @Min(1) @Max(50) COMMITTEE_QUORUM = 3;
  @Transform(toInt) @IsInt() @Min(0) MIN_TICKET_USD = 5_000_000;
  @Transform(toInt) @IsInt() @Min(0) MAX_TICKET_USD = 1_000_000_000;
  @Transform(toNumber) @IsNumber() @Min(0) @Max(100) BO_THRESHOLD_PCT = 10;
  @Transform(toNumber) @IsNumber() @Min(0.5) @Max(1) SANCTIONS_MATCH_THRESHOLD = 0.9;
  /**
   * `TRANS.FEOC`'s covered nations (checks.md): comma-separated ISO 3166-1 alpha-2 codes. The default is the
   * "covered nations" of 10 U.S.C. 4872(d)(2).
   */
  @Matches(/^\s*[A-Za-z]{2}\s*(,\s*[A-Za-z]{2}\s*)*$/, {
    message: 'FEOC_COVERED_COUNTRIES must be comma-separated ISO alpha-2 codes such as CN,RU,IR,KP',
  })
  FEOC_COVERED_COUNTRIES = 'CN,RU,IR,KP';

  /** The fund's envelope in integer US dollars (portfolio.md). */
  @Transform(toInt) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) FORGE_ENVELOPE_USD = 30_000_000_000;
  /** Days a category A package must be public before the committee's approval (0 still needs a package). */
  @Transform(toInt) @IsInt() @Min(0) @Max(3650) DISCLOSURE_DAYS_A = 60;
  /** The same for categories B, C and FI. */
  @Transform(toInt) @IsInt() @Min(0) @Max(3650) DISCLOSURE_DAYS_OTHER = 30;
  /** IATI reporting organisation: identifier (prefix of every iati-identifier), OrganisationType code, name. */
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, {
    message: 'FORGE_IATI_ORG_REF may hold letters, digits, dot, hyphen and underscore',
  })
  FORGE_IATI_ORG_REF = 'XI-IATI-FORGE';
  @Matches(/^\d{1,3}$/, { message: 'FORGE_IATI_ORG_TYPE must be an IATI OrganisationType code such as 40' })
  FORGE_IATI_ORG_TYPE = '40';
  @IsString() @MinLength(1) FORGE_IATI_ORG_NAME = 'FORGE';

  /** Deadlines (monitoring.md): stage budgets in business days, `stage=days` pairs. */
  @IsString() STAGE_SLA_DAYS = 'screening=5,esg_review=30,financing=30,committee=14';
  @Transform(toInt) @IsInt() @Min(1) @Max(365) INFORMATION_REQUEST_DAYS = 10;
  @Transform(toInt) @IsInt() @Min(1) @Max(365) APPROVAL_DAYS = 2;
  @Transform(toInt) @IsInt() @Min(1) @Max(365) DISBURSEMENT_REQUEST_DAYS = 5;
  @Transform(toInt) @IsInt() @Min(1) @Max(365) COMMITTEE_VOTING_DAYS = 10;
  /** How often the worker's committee deadline job looks for rounds past their deadline (a BullMQ job scheduler). */
  @Transform(toInt) @IsInt() @Min(100) COMMITTEE_DEADLINE_EVERY_MS = 60_000;
  /** Business days after the due time before every officer is told. */
  @Transform(toInt) @IsInt() @Min(1) @Max(365) ESCALATION_DAYS = 3;
  /** Comma-separated holiday dates (YYYY-MM-DD) skipped by business-day budgets. */
  @IsString() BUSINESS_HOLIDAYS = '';
  @Matches(/^\d{2}-\d{2}$/, { message: 'AMR_DUE_MONTH_DAY must be MM-DD' }) AMR_DUE_MONTH_DAY = '04-30';
  /** How often the overdue job runs (a BullMQ job scheduler). */
  @Transform(toInt) @IsInt() @Min(1000) OVERDUE_JOB_EVERY_MS = 60_000;

  /** Notifications: email through SMTP when set (smtp:// or smtps://), off when unset. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;
  @IsString() @MinLength(3) SMTP_FROM = 'FORGE Pipeline <no-reply@forge.invalid>';
  /** The console's address, for links in emails. */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_URL must be an http(s) URL' }) PUBLIC_URL =
    'http://127.0.0.1:3000';
  /** Deliver webhooks to loopback/private/link-local addresses (tests on one machine only). */
  @Transform(toBool) @IsBoolean() WEBHOOK_ALLOW_PRIVATE = false;
  @Transform(toInt) @IsInt() @Min(100) @Max(60_000) WEBHOOK_TIMEOUT_MS = 10_000;
  /** First retry delay of webhooks (then doubling, at most 4 h, for 24 h). */
  @Transform(toInt) @IsInt() @Min(10) @Max(3_600_000) WEBHOOK_RETRY_BASE_MS = 30_000;
  /** How often the dispatcher and the outboxes are polled. */
  @Transform(toInt) @IsInt() @Min(10) @Max(60_000) NOTIFICATION_POLL_MS = 500;
  /**
   * How long a worker holds an email or webhook delivery it claimed: a worker killed mid-send leaves the row to
   * another worker after this (webhooks: at least 3 × WEBHOOK_TIMEOUT_MS).
   */
  @Transform(toInt) @IsInt() @Min(1000) @Max(3_600_000) NOTIFICATION_LEASE_MS = 60_000;

  @Transform(toInt) @IsInt() @Min(1024) MAX_BODY_BYTES = 1_048_576;
  @Transform(toInt) @IsInt() @Min(1024) MAX_UPLOAD_BYTES = 20_971_520;
  @Transform(emptyToUndefined) @IsOptional() @IsString() DOCUMENTS_DIR?: string;
  /** Bytes of documents one application may hold (beyond: 413 DOCUMENT.QUOTA_EXCEEDED). */
  @Transform(toInt) @IsInt() @Min(1024) DOCUMENTS_MAX_BYTES_PER_APPLICATION = 524_288_000;
  /** Documents one application may hold. */
  @Transform(toInt) @IsInt() @Min(1) DOCUMENTS_MAX_PER_APPLICATION = 200;
  /** Uploads one user may have in flight at once, per API process (beyond: 429 DOCUMENT.UPLOAD_LIMIT). */
  @Transform(toInt) @IsInt() @Min(1) UPLOADS_CONCURRENT_PER_USER = 2;
  /** Bytes one user may upload in a rolling hour (beyond: 429 DOCUMENT.UPLOAD_LIMIT). */
  @Transform(toInt) @IsInt() @Min(1024) UPLOAD_BYTES_PER_USER_HOUR = 524_288_000;
  /** Stored files no document references, and unfinished uploads, are removed once this old (crash leftovers). */
  @Transform(toInt) @IsInt() @Min(1) @Max(604_800) DOCUMENTS_SWEEP_GRACE_SECONDS = 3600;

  /** Serve /metrics without credentials on this port too (a Prometheus on a trusted network); unset: off. */
  @Transform(toInt) @IsOptional() @IsInt() @Min(0) @Max(65535) METRICS_PORT?: number;
  @IsString() METRICS_HOST = '127.0.0.1';

  /**
   * OpenTelemetry traces start when OTEL_EXPORTER_OTLP_ENDPOINT (or …_TRACES_ENDPOINT) or OTEL_TRACES_EXPORTER is
   * set and OTEL_SDK_DISABLED is not `true`; the SDK reads the other standard OTEL_* variables itself.
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() OTEL_TRACES_EXPORTER?: string;
  @Transform(toBool) @IsBoolean() OTEL_SDK_DISABLED = false;
  @IsString() OTEL_SERVICE_NAME = 'forge-pipeline';

  @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_PER_MINUTE = 600;
  /**
   * Where the per-address and per-user request counts live: `redis` (shared by every API replica; the default when
   * REDIS_URL is set) or `memory` (this process only: one replica, no round trip per request). The sign-in limits
   * are PostgreSQL's either way.
   */
  @Transform(emptyToUndefined) @IsOptional() @IsIn(['redis', 'memory']) RATE_LIMIT_STORE?: 'redis' | 'memory';
  /** Sign-in: attempts per (account, address) and per address a minute; failures before an account slows down. */
  @Transform(toInt) @IsInt() @Min(1) LOGIN_RATE_LIMIT_PER_MINUTE = 10;
  /** The unauthenticated public register and IATI file (portfolio.md), per client address, besides the global limit. */
  @Transform(toInt) @IsInt() @Min(1) PUBLIC_RATE_LIMIT_PER_MINUTE = 120;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_IP_RATE_LIMIT_PER_MINUTE = 30;
  @Transform(toInt) @IsInt() @Min(0) @Max(100) LOGIN_FREE_FAILURES = 5;
  @Transform(toInt) @IsInt() @Min(1) @Max(86400) LOGIN_MAX_DELAY_SECONDS = 900;

  /** A checkpoint is signed every AUDIT_CHECKPOINT_INTERVAL events or AUDIT_CHECKPOINT_SECONDS, whichever comes first. */
  @Transform(toInt) @IsInt() @Min(1) AUDIT_CHECKPOINT_INTERVAL = 1000;
  @Transform(toInt) @IsInt() @Min(1) AUDIT_CHECKPOINT_SECONDS = 60;
  /** The worker's audit sequencer looks for pending events this often (ms) and places at most AUDIT_SEQUENCER_BATCH per transaction. */
  @Transform(toInt) @IsInt() @Min(1) @Max(10000) AUDIT_SEQUENCER_INTERVAL_MS = 20;
  @Transform(toInt) @IsInt() @Min(1) @Max(10000) AUDIT_SEQUENCER_BATCH = 500;
  /** Ed25519 private key (PKCS#8 PEM); a demo key is generated under FORGE_DATA_DIR when unset. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() AUDIT_SIGNING_KEY?: string;
  /** Append-only copy of every signed checkpoint outside the database (default FORGE_DATA_DIR/audit-checkpoints.jsonl). */
  @Transform(emptyToUndefined) @IsOptional() @IsString() AUDIT_CHECKPOINT_LOG?: string;
  /** An external witness: each signed checkpoint is POSTed there (with a consistency proof). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\//, { message: 'AUDIT_WITNESS_URL must be an http:// or https:// URL' })
  AUDIT_WITNESS_URL?: string;
  /** Bearer token sent to the witness, when it asks for one. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() AUDIT_WITNESS_TOKEN?: string;
  @Transform(toInt) @IsInt() @Min(100) @Max(60000) AUDIT_WITNESS_TIMEOUT_MS = 5000;
  /** The worker recomputes the whole chain this often (its verdict gates checkpoint signing). */
  @Transform(toInt) @IsInt() @Min(10) AUDIT_VERIFY_SECONDS = 900;

  @Transform(toBool) @IsBoolean() RUN_MIGRATIONS_ON_START = true;

  /** The built console (apps/web); unset: dist/web of this installation. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() CONSOLE_DIR?: string;
}

/** The validated, derived configuration every module receives. */
export interface AppConfig {
  env: EnvironmentVariables['NODE_ENV'];
  http: { host: string; port: number; trustProxy: boolean; maxBodyBytes: number; maxUploadBytes: number };
  /** `/metrics` on a port of its own (no credentials); the API's `/metrics` needs an admin either way. */
  metrics: { port?: number; host: string };
  /** OpenTelemetry traces: on when an OTLP endpoint or a traces exporter is configured (docs/operations.md). */
  tracing: { enabled: boolean; serviceName: string };
  logLevel: string;
  dataDir: string;
  database: { url?: string; poolSize: number; runMigrationsOnStart: boolean; embeddedStageDir?: string };
  queue: {
    backend: 'redis' | 'postgres';
    redisUrl?: string;
    prefix: string;
    concurrency: number;
    outboxPollMs: number;
    lockDurationMs: number;
    stalledIntervalMs: number;
    maxStalledCount: number;
  };
  auth: {
    jwtSecret?: string;
    jwtTtlSeconds: number;
    sessionTtlSeconds: number;
    sessionIdleSeconds: number;
    passwordResetTtlSeconds: number;
    bootstrapAdmin?: { email: string; password: string };
    /** `required`: staff signing in with a password need a TOTP code (docs/identity.md). */
    staffTotp: 'required' | 'off';
    /** AUTH_STAFF_MFA_GRACE_HOURS: the unenrolled staff account's grace after its creation (0: none). */
    staffTotpGraceHours: number;
    /** ROLE_GRANT_APPROVAL: the roles whose grant waits for a second admin (always holds admin). */
    roleGrantApproval: readonly ApprovableRole[];
    oidc?: OidcConfig;
  };
  rateLimit: {
    perMinute: number;
    /** RATE_LIMIT_STORE, or `redis` when REDIS_URL is set and `memory` when not. */
    store: 'redis' | 'memory';
    /** PUBLIC_RATE_LIMIT_PER_MINUTE: the public register and IATI, per client address. */
    publicPerMinute: number;
    loginPerMinute: number;
    loginIpPerMinute: number;
    loginFreeFailures: number;
    loginMaxDelaySeconds: number;
  };
  pipeline: { committeeQuorum: number; committeeVotingDays: number; committeeDeadlineEveryMs: number };
  checks: {
    minTicketUsd: number;
    maxTicketUsd: number;
    boThresholdPct: number;
    sanctionsMatchThreshold: number;
    /** `FEOC_COVERED_COUNTRIES`, upper-case ISO alpha-2 codes, de-duplicated. */
    feocCoveredCountries: readonly string[];
  };
  documents: {
    dir: string;
    maxBytesPerApplication: number;
    maxPerApplication: number;
    concurrentUploadsPerUser: number;
    uploadBytesPerUserHour: number;
    sweepGraceSeconds: number;
  };
  portfolio: {
    envelopeUsd: number;
    disclosureDaysA: number;
    disclosureDaysOther: number;
    iati: { orgRef: string; orgType: string; orgName: string };
  };
  audit: {
    checkpointEvents: number;
    checkpointSeconds: number;
    sequencer: { intervalMs: number; batchSize: number };
    signingKeyPem?: string;
    /** Path of the append-only checkpoint log outside the database. */
    checkpointLogPath: string;
    witness?: { url: string; token?: string; timeoutMs: number };
    verifySeconds: number;
  };
  deadlines: { policy: DeadlinePolicy; amrDueMonthDay: string; overdueEveryMs: number };
  notifications: {
    smtpUrl?: string;
    smtpFrom: string;
    publicUrl: string;
    pollMs: number;
    /** `NOTIFICATION_LEASE_MS`. */
    leaseMs: number;
    webhooks: { allowPrivate: boolean; timeoutMs: number; retry: RetryPolicy };
    emailRetry: RetryPolicy;
  };
  console: { dir?: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment once; a bad or missing variable throws ConfigError naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, { ...env }, { exposeDefaultValues: true });
  const problems = validateSync(vars, { skipMissingProperties: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
  if (vars.QUEUE_BACKEND === 'redis' && !vars.REDIS_URL)
    problems.push('REDIS_URL is required when QUEUE_BACKEND=redis');
  if (vars.RATE_LIMIT_STORE === 'redis' && !vars.REDIS_URL)
    problems.push('REDIS_URL is required when RATE_LIMIT_STORE=redis');
  if (vars.MIN_TICKET_USD > vars.MAX_TICKET_USD)
    problems.push('MIN_TICKET_USD must not exceed MAX_TICKET_USD');
  if (Boolean(vars.FORGE_BOOTSTRAP_ADMIN_EMAIL) !== Boolean(vars.FORGE_BOOTSTRAP_ADMIN_PASSWORD)) {
    problems.push('FORGE_BOOTSTRAP_ADMIN_EMAIL and FORGE_BOOTSTRAP_ADMIN_PASSWORD go together');
  }
  const roleGrantApproval = [
    ...new Set(
      vars.ROLE_GRANT_APPROVAL.split(',')
        .map((role) => role.trim())
        .filter((role) => role !== ''),
    ),
  ];
  for (const problem of roleGrantApprovalProblems(roleGrantApproval)) {
    problems.push(`ROLE_GRANT_APPROVAL: ${problem}`);
  }
  const deadlinePolicy = (() => {
    try {
      return {
        ...DEFAULT_DEADLINE_POLICY,
        stageSlaBusinessDays: parseStageSlaDays(vars.STAGE_SLA_DAYS, [...STAGES, ...POST_CLOSE_STAGES]),
        informationRequestBusinessDays: vars.INFORMATION_REQUEST_DAYS,
        approvalBusinessDays: vars.APPROVAL_DAYS,
        disbursementRequestBusinessDays: vars.DISBURSEMENT_REQUEST_DAYS,
        committeeVotingDays: vars.COMMITTEE_VOTING_DAYS,
        escalationBusinessDays: vars.ESCALATION_DAYS,
        calendar: businessCalendar(
          [0, 6],
          vars.BUSINESS_HOLIDAYS.split(',')
            .map((d) => d.trim())
            .filter((d) => d !== ''),
        ),
      } satisfies DeadlinePolicy;
    } catch (error) {
      problems.push(`deadlines: ${(error as Error).message}`);
      return DEFAULT_DEADLINE_POLICY;
    }
  })();
  const oidcConfig = parseOidcConfig(vars, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    env: vars.NODE_ENV,
    http: {
      host: vars.HOST,
      port: vars.PORT,
      trustProxy: vars.TRUST_PROXY,
      maxBodyBytes: vars.MAX_BODY_BYTES,
      maxUploadBytes: vars.MAX_UPLOAD_BYTES,
    },
    metrics: { port: vars.METRICS_PORT, host: vars.METRICS_HOST },
    tracing: { enabled: tracingRequested(vars), serviceName: vars.OTEL_SERVICE_NAME },
    logLevel: vars.LOG_LEVEL,
    dataDir: vars.FORGE_DATA_DIR,
    database: {
      url: vars.DATABASE_URL,
      poolSize: vars.DATABASE_POOL_SIZE,
      embeddedStageDir: vars.FORGE_EMBEDDED_STAGE_DIR,
      runMigrationsOnStart: vars.RUN_MIGRATIONS_ON_START,
    },
    queue: {
      backend: vars.QUEUE_BACKEND ?? (vars.REDIS_URL ? 'redis' : 'postgres'),
      redisUrl: vars.REDIS_URL,
      prefix: vars.QUEUE_PREFIX,
      concurrency: vars.WORKER_CONCURRENCY,
      outboxPollMs: vars.OUTBOX_POLL_INTERVAL_MS,
      lockDurationMs: vars.WORKER_LOCK_DURATION_MS,
      stalledIntervalMs: vars.WORKER_STALLED_INTERVAL_MS,
      maxStalledCount: vars.WORKER_MAX_STALLED_COUNT,
    },
    auth: {
      jwtSecret: vars.JWT_SECRET,
      jwtTtlSeconds: vars.JWT_TTL_SECONDS,
      sessionTtlSeconds: vars.SESSION_TTL_SECONDS,
      sessionIdleSeconds: Math.min(vars.SESSION_IDLE_SECONDS, vars.SESSION_TTL_SECONDS),
      passwordResetTtlSeconds: vars.PASSWORD_RESET_TTL_SECONDS,
      bootstrapAdmin:
        vars.FORGE_BOOTSTRAP_ADMIN_EMAIL && vars.FORGE_BOOTSTRAP_ADMIN_PASSWORD
          ? { email: vars.FORGE_BOOTSTRAP_ADMIN_EMAIL, password: vars.FORGE_BOOTSTRAP_ADMIN_PASSWORD }
          : undefined,
      staffTotp: vars.AUTH_STAFF_MFA,
      staffTotpGraceHours: vars.AUTH_STAFF_MFA_GRACE_HOURS,
      roleGrantApproval: Object.freeze(roleGrantApproval as ApprovableRole[]),
      oidc: oidcConfig,
    },
    rateLimit: {
      perMinute: vars.RATE_LIMIT_PER_MINUTE,
      store: vars.RATE_LIMIT_STORE ?? (vars.REDIS_URL ? 'redis' : 'memory'),
      loginPerMinute: vars.LOGIN_RATE_LIMIT_PER_MINUTE,
      publicPerMinute: vars.PUBLIC_RATE_LIMIT_PER_MINUTE,
      loginIpPerMinute: vars.LOGIN_IP_RATE_LIMIT_PER_MINUTE,
      loginFreeFailures: vars.LOGIN_FREE_FAILURES,
      loginMaxDelaySeconds: vars.LOGIN_MAX_DELAY_SECONDS,
    },
    pipeline: {
      committeeQuorum: vars.COMMITTEE_QUORUM,
      committeeVotingDays: vars.COMMITTEE_VOTING_DAYS,
      committeeDeadlineEveryMs: vars.COMMITTEE_DEADLINE_EVERY_MS,
    },
    checks: {
      minTicketUsd: vars.MIN_TICKET_USD,
      maxTicketUsd: vars.MAX_TICKET_USD,
      boThresholdPct: vars.BO_THRESHOLD_PCT,
      sanctionsMatchThreshold: vars.SANCTIONS_MATCH_THRESHOLD,
      feocCoveredCountries: Object.freeze([
        ...new Set(vars.FEOC_COVERED_COUNTRIES.split(',').map((c) => c.trim().toUpperCase())),
      ]),
    },
    documents: {
      dir: vars.DOCUMENTS_DIR ?? `${vars.FORGE_DATA_DIR}/documents`,
      maxBytesPerApplication: vars.DOCUMENTS_MAX_BYTES_PER_APPLICATION,
      maxPerApplication: vars.DOCUMENTS_MAX_PER_APPLICATION,
      concurrentUploadsPerUser: vars.UPLOADS_CONCURRENT_PER_USER,
      uploadBytesPerUserHour: vars.UPLOAD_BYTES_PER_USER_HOUR,
      sweepGraceSeconds: vars.DOCUMENTS_SWEEP_GRACE_SECONDS,
    },
    portfolio: {
      envelopeUsd: vars.FORGE_ENVELOPE_USD,
      disclosureDaysA: vars.DISCLOSURE_DAYS_A,
      disclosureDaysOther: vars.DISCLOSURE_DAYS_OTHER,
      iati: {
        orgRef: vars.FORGE_IATI_ORG_REF,
        orgType: vars.FORGE_IATI_ORG_TYPE,
        orgName: vars.FORGE_IATI_ORG_NAME,
      },
    },
    deadlines: {
      policy: deadlinePolicy,
      amrDueMonthDay: vars.AMR_DUE_MONTH_DAY,
      overdueEveryMs: vars.OVERDUE_JOB_EVERY_MS,
    },
    notifications: {
      smtpUrl: vars.SMTP_URL,
      smtpFrom: vars.SMTP_FROM,
      publicUrl: vars.PUBLIC_URL,
      pollMs: vars.NOTIFICATION_POLL_MS,
      leaseMs: vars.NOTIFICATION_LEASE_MS,
      webhooks: {
        allowPrivate: vars.WEBHOOK_ALLOW_PRIVATE,
        timeoutMs: vars.WEBHOOK_TIMEOUT_MS,
        retry: { ...WEBHOOK_RETRY_POLICY, baseDelayMs: vars.WEBHOOK_RETRY_BASE_MS },
      },
      emailRetry: EMAIL_RETRY_POLICY,
    },
    audit: {
      checkpointEvents: vars.AUDIT_CHECKPOINT_INTERVAL,
      checkpointSeconds: vars.AUDIT_CHECKPOINT_SECONDS,
      sequencer: { intervalMs: vars.AUDIT_SEQUENCER_INTERVAL_MS, batchSize: vars.AUDIT_SEQUENCER_BATCH },
      signingKeyPem: vars.AUDIT_SIGNING_KEY,
      checkpointLogPath: vars.AUDIT_CHECKPOINT_LOG ?? `${vars.FORGE_DATA_DIR}/audit-checkpoints.jsonl`,
      witness: vars.AUDIT_WITNESS_URL
        ? {
            url: vars.AUDIT_WITNESS_URL,
            token: vars.AUDIT_WITNESS_TOKEN,
            timeoutMs: vars.AUDIT_WITNESS_TIMEOUT_MS,
          }
        : undefined,
      verifySeconds: vars.AUDIT_VERIFY_SECONDS,
    },
    console: { dir: vars.CONSOLE_DIR },
  });
}

/** Nest injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Nest injection token for the resolved database URL (DATABASE_URL or the embedded server's). */
export const DATABASE_URL = Symbol('DATABASE_URL');

/** Traces are on when an exporter is named (other than `none`) or an OTLP endpoint is set, unless the SDK is disabled. */
function tracingRequested(vars: {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  OTEL_TRACES_EXPORTER?: string;
  OTEL_SDK_DISABLED: boolean;
}): boolean {
  if (vars.OTEL_SDK_DISABLED) return false;
  const exporters = (vars.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (exporters.includes('none')) return false;
  if (exporters.length > 0) return true;
  return Boolean(vars.OTEL_EXPORTER_OTLP_ENDPOINT || vars.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** OpenID Connect staff sign-in, when OIDC_ISSUER_URL is set. */
export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret?: string;
  redirectUrl: string;
  /** IdP group → FORGE role, in the order configured. */
  roleMapping: ReadonlyArray<{ group: string; role: string }>;
  groupsClaim: string;
  scopes: string;
  postSignInUrl: string;
}

function parseOidcConfig(
  vars: {
    OIDC_ISSUER_URL?: string;
    OIDC_CLIENT_ID?: string;
    OIDC_CLIENT_SECRET?: string;
    OIDC_REDIRECT_URL?: string;
    OIDC_ROLE_MAPPING: string;
    OIDC_GROUPS_CLAIM: string;
    OIDC_SCOPES: string;
    OIDC_POST_SIGN_IN_URL: string;
  },
  problems: string[],
): OidcConfig | undefined {
  if (!vars.OIDC_ISSUER_URL) return undefined;
  if (!vars.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID is required with OIDC_ISSUER_URL');
  if (!vars.OIDC_REDIRECT_URL) problems.push('OIDC_REDIRECT_URL is required with OIDC_ISSUER_URL');
  const roleMapping = vars.OIDC_ROLE_MAPPING.split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.lastIndexOf('=');
      return { group: pair.slice(0, at).trim(), role: pair.slice(at + 1).trim() };
    });
  for (const { role } of roleMapping) {
    if (!isStaffRole(role)) {
      problems.push(`OIDC_ROLE_MAPPING: ${role} is not a staff role (${STAFF_ROLES.join(', ')})`);
    }
  }
  if (!vars.OIDC_SCOPES.split(/\s+/).includes('openid')) problems.push('OIDC_SCOPES must include openid');
  return {
    issuerUrl: vars.OIDC_ISSUER_URL,
    clientId: vars.OIDC_CLIENT_ID ?? '',
    clientSecret: vars.OIDC_CLIENT_SECRET,
    redirectUrl: vars.OIDC_REDIRECT_URL ?? '',
    roleMapping,
    groupsClaim: vars.OIDC_GROUPS_CLAIM,
    scopes: vars.OIDC_SCOPES,
    postSignInUrl: vars.OIDC_POST_SIGN_IN_URL,
  };
}
