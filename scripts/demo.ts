import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRootLogger, loadConfig } from '@forge/config';
import { findFreePort, prepareRuntime } from '@forge/persistence';
import { startApi } from '../apps/api/src/api.bootstrap.js';
import { startWorker } from '../apps/worker/src/worker.bootstrap.js';
import { ApiClient, ApiError } from './demo/api-client.js';
import { runAuditorDemo, runSequencingDemo } from './demo/audit.js';
import { runCommitteeRound } from './demo/committee.js';
import { runFourEyesReevaluation } from './demo/four-eyes.js';
import {
  approveRoleRequest,
  createAdminWithCli,
  runSecondFactorDemo,
  runSingleSignOnDemo,
  startDemoSingleSignOn,
} from './demo/identity.js';
import { runSanctionsPreviewDemo } from './demo/sanctions-preview.js';
import { runMonitoringDemo, type MonitoringDemoContext } from './demo/monitoring.js';
import { runNotificationsDemo, startDemoMailbox } from './demo/notifications.js';
import { runSponsorViewDemo } from './demo/sponsor-view.js';
import { evidenceKinds, LATE_EVIDENCE, unevidencedOf, uploadEvidence } from './demo/evidence.js';
import { runOperationsDemo, startDemoTracing } from './demo/operations.js';
import { bookExposures, discloseBeforeDecision, runPortfolioDemo, type DemoClock } from './demo/portfolio.js';
import { DataSource } from 'typeorm';
import { Clock } from '../libs/application/src/clock.js';

/**
 * `npm run demo`: the main job a newcomer runs. Starts the product (embedded PostgreSQL and the PostgreSQL
 * queue backend unless DATABASE_URL / REDIS_URL are set), creates demo users for every role and drives the
 * sample portfolio through the pipeline over HTTP, as the real users would. `--serve` keeps it running.
 */

const PASSWORD = 'forge-demo-password';
const serve = process.argv.includes('--serve');
const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = [process.cwd(), resolve(here, '..', '..'), resolve(here, '..')].find((dir) =>
  existsSync(join(dir, 'config', 'reference', 'sample-portfolio.json')),
);

interface SampleApplication {
  key: string;
  note: string;
  expect?: string;
  input: Record<string, any>;
  financing?: Record<string, any>;
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const step = (key: string, line: string) => say(`  ${key.padEnd(4)} ${line}`);

async function main(): Promise<void> {
  if (!projectRoot)
    throw new Error('config/reference/sample-portfolio.json not found: run from the project folder');
  const sample = JSON.parse(
    readFileSync(join(projectRoot, 'config', 'reference', 'sample-portfolio.json'), 'utf8'),
  ) as {
    applications: SampleApplication[];
    negatives: SampleApplication[];
  };
  const env = { ...process.env };
  // `--mailbox`: a local SMTP server in this process receives the emails (unless SMTP_URL names another).
  const mailbox = process.argv.includes('--mailbox') && !env.SMTP_URL ? await startDemoMailbox() : undefined;
  if (mailbox) env.SMTP_URL = mailbox.url;
  const runId = Date.now().toString(36);
  const dataDir = env.FORGE_DATA_DIR ?? join(projectRoot, '.forge');
  const embedded = !env.DATABASE_URL;
  const demoDataDir = embedded ? join(dataDir, 'demo') : dataDir;
  const port = env.PORT ? Number(env.PORT) : await findFreePort();
  const adminEmail = `admin+${runId}@forge.demo`;
  // scripts/demo/identity.ts: a local OpenID Connect provider first, so the API starts with single sign-on.
  const sso = await startDemoSingleSignOn(`http://127.0.0.1:${port}`, env, say);
  const config = loadConfig({
    ...env,
    ...sso?.env,
    PORT: String(port),
    FORGE_DATA_DIR: demoDataDir,
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
    FORGE_BOOTSTRAP_ADMIN_EMAIL: adminEmail,
    FORGE_BOOTSTRAP_ADMIN_PASSWORD: PASSWORD,
    AUDIT_CHECKPOINT_SECONDS: env.AUDIT_CHECKPOINT_SECONDS ?? '5',
    // Every demo user calls from 127.0.0.1: the per-IP budget is for the outside world.
    RATE_LIMIT_PER_MINUTE: env.RATE_LIMIT_PER_MINUTE ?? '100000',
    // The overdue job runs every second, so the demo's escalation is recorded as it happens; links open this server.
    OVERDUE_JOB_EVERY_MS: env.OVERDUE_JOB_EVERY_MS ?? '1000',
    PUBLIC_URL: env.PUBLIC_URL ?? `http://127.0.0.1:${port}`,
  });
  const logger = createRootLogger(config.logLevel, 'forge-demo');
  say('FORGE Pipeline demo');
  say(
    `  database: ${embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}; queue backend: ${config.queue.backend}`,
  );
  const started = Date.now();
  // A fresh embedded database per demo run, so the output is the same every time. The checkpoint log outside the
  // database mirrors that database's signed checkpoints: a fresh database starts a fresh log, or the next run's
  // verifier reports the previous run's checkpoints as missing (AUDIT.CHECKPOINT_REFUSED, CHECKPOINT_MISSING).
  if (embedded && !serve) rmSync(config.audit.checkpointLogPath, { force: true });
  const runtime = await prepareRuntime(
    config,
    (message) => {
      if (message.startsWith('embedded PostgreSQL')) say(`  ${message}`);
    },
    { freshEmbeddedDatabase: embedded && !serve },
  );
  const traces = await startDemoTracing();
  const worker = await startWorker(runtime, logger.child({ app: 'worker' }));
  const api = await startApi(runtime, logger.child({ app: 'api' }));
  const baseUrl = `http://127.0.0.1:${port}`;
  const client = new ApiClient(baseUrl);
  let exitCode = 0;
  try {
    await client.waitFor('readiness', async () => {
      const response = await fetch(`${baseUrl}/health/ready`);
      return response.status === 200 ? true : undefined;
    });
    say(`  ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${baseUrl}\n`);
    // The API runs in this process: the demo moves its clock (disclosure before decision), it never sleeps.
    const demo = new DemoRun(client, runId, runtime.databaseUrl, api.get(Clock));
    const secondAdminEmail = `admin2+${runId}@forge.demo`;
    await createAdminWithCli(runtime.databaseUrl, env, {
      email: secondAdminEmail,
      password: PASSWORD,
      displayName: 'Second administrator',
    });
    await demo.createUsers(adminEmail, secondAdminEmail);
    await runSecondFactorDemo(
      client,
      demo.adminCredential(),
      { email: `auditor.mfa+${runId}@forge.demo`, password: PASSWORD },
      say,
    );
    if (sso) await runSingleSignOnDemo(client, sso, runId, say);
    await demo.walkPortfolio(sample.applications, sample.negatives);
    await runMonitoringDemo(demo.monitoringContext());
    await runSponsorViewDemo(demo.monitoringContext());
    await demo.report();
    await demo.portfolio(join(demoDataDir, 'demo-output'));
    await runNotificationsDemo({
      ...demo.notificationsContext('N02'),
      clock: api.get(Clock),
      policy: config.deadlines.policy,
      emailEnabled: Boolean(config.notifications.smtpUrl),
      query: async (sql, params) => api.get(DataSource).query(sql, params),
      mailbox,
    });
    await runSanctionsPreviewDemo(client, demo.inboxUsers(), projectRoot, say);
    const verified = await demo.auditAndProofs(join(demoDataDir, 'demo-output'), projectRoot);
    if (!verified) exitCode = 1;
    await runOperationsDemo(client, demo.adminCredential(), say, traces);
    if (serve) {
      say(
        `\nConsole: ${baseUrl}/ (API ${baseUrl}/api/v1, OpenAPI UI ${baseUrl}/docs, queue dashboard ${baseUrl}/admin/queues)`,
      );
      say(`Sign in as any demo user (password "${PASSWORD}"):`);
      say(
        'Staff need a code: add the TOTP secret shown to an authenticator app, or type one of the recovery codes ' +
          'shown (each works once).',
      );
      for (const [role, email] of demo.credentials()) {
        const factor = client.secondFactors.get(email);
        say(`  ${role.padEnd(10)} ${email}${factor ? `  TOTP secret ${factor.secret}` : ''}`);
        // The demo enrolled the account and holds its unused recovery codes: a newcomer without an authenticator
        // app can still sign in as each role a few times.
        if (factor) say(`  ${''.padEnd(10)} recovery codes: ${factor.recoveryCodes.slice(-3).join(', ')}`);
      }
      if (sso) {
        say(
          'Single sign-on: "Sign in with your organisation" leads to the local provider; log in as "ana" ' +
            '(any password): an officer, no TOTP step.',
        );
      }
      say('Press Ctrl+C to stop.');
      await new Promise<void>((resolveStop) => {
        process.once('SIGINT', () => resolveStop());
        process.once('SIGTERM', () => resolveStop());
      });
    }
  } catch (error) {
    exitCode = 1;
    say(`\nDEMO FAILED: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof ApiError) say(JSON.stringify(error.body, null, 2));
  } finally {
    await api.close();
    await worker.close();
    await runtime.stop();
    await mailbox?.close();
    await sso?.provider.close();
  }
  say(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  process.exit(exitCode);
}

interface Tracked {
  sponsorToken?: string;
  key: string;
  id: string;
  reference: string;
  note: string;
  outcome: string;
}

class DemoRun {
  private adminToken = '';
  private approverToken = '';
  /** Role grants the second admin approved (ROLE_GRANT_APPROVAL: admin only by default). */
  private approvedGrants = 0;
  private readonly users: Record<string, { email: string; token: string; id: string }> = {};
  private readonly committee: Array<{ email: string; token: string; id: string }> = [];
  private readonly tracked: Tracked[] = [];
  private readonly sponsors: string[] = [];
  /** The co-financing partner scripts/demo/portfolio.ts creates (a console login). */
  private partnerEmail: string | null = null;
  private recusalShown = false;
  private waiverShown = false;

  constructor(
    private readonly api: ApiClient,
    private readonly runId: string,
    private readonly databaseUrl: string,
    private readonly clock: DemoClock,
  ) {}

  /** scripts/demo/portfolio.ts: the fund as a whole, after the walk. */
  async portfolio(outputDir: string): Promise<void> {
    const samples = new Map(this.samples.map((s) => [s.key, s]));
    const { partnerEmail } = await runPortfolioDemo({
      api: this.api,
      clock: this.clock,
      outputDir,
      say,
      step,
      officer: this.users.officer,
      checker: this.users.checker,
      admin: this.adminToken,
      secondAdmin: this.approverToken,
      members: this.committee,
      sample: (key) => ({
        input: structuredClone(samples.get(key)!.input),
        financing: structuredClone(samples.get(key)!.financing ?? {}),
      }),
      newSponsor: async (key, name, country) => {
        const organization = await this.api.call<{ id: string }>('POST', '/api/v1/admin/organizations', {
          token: this.adminToken,
          body: { name, country, registrationNumber: `${key}-${this.runId}` },
        });
        return (await this.createUser(`sponsor.${key.toLowerCase()}`, ['sponsor'], organization.id)).token;
      },
      toFinancing: (key, sponsorToken, input, financing) =>
        this.toFinancing({ key, note: input.title, input, financing }, sponsorToken),
    });
    this.partnerEmail = partnerEmail;
  }

  private samples: SampleApplication[] = [];

  /** A new application to `financing`, its structure recorded and assessed (the portfolio part's applications). */
  private async toFinancing(sample: SampleApplication, sponsorToken: string): Promise<string> {
    const created = await this.api.call<any>('POST', '/api/v1/applications', {
      token: sponsorToken,
      body: sample.input,
    });
    await this.api.call('POST', `/api/v1/applications/${created.id}/submit`, {
      token: sponsorToken,
      body: { expectedVersion: created.version },
    });
    const screened = await this.api.waitFor(`${sample.key} screening`, async () => {
      const application = await this.get(created.id);
      return application.stage !== 'submitted' ? application : undefined;
    });
    await this.api.call('POST', `/api/v1/applications/${created.id}/assign`, {
      token: this.users.officer.token,
      body: { assigneeId: this.users.officer.id, expectedVersion: screened.version },
    });
    await this.resolveStageChecks(sample, created.id, 'screening');
    await this.transition(created.id, 'esg_review');
    const inReview = await this.get(created.id);
    await this.api.call('POST', `/api/v1/applications/${created.id}/category`, {
      token: this.users.officer.token,
      body: {
        category: inReview.proposedCategory,
        rationale: 'Confirmed',
        expectedVersion: inReview.version,
      },
    });
    if (inReview.proposedCategory === 'A')
      await this.uploadCategoryAEvidence(sponsorToken, created.id, sample);
    await this.resolveStageChecks(sample, created.id, 'esg_review');
    await this.transition(created.id, 'financing');
    const inFinancing = await this.get(created.id);
    await this.api.call('PUT', `/api/v1/applications/${created.id}/financing`, {
      token: this.users.officer.token,
      body: { ...sample.financing, expectedVersion: inFinancing.version },
    });
    await this.api.waitFor(`${sample.key} risk assessment`, async () => {
      const application = await this.get(created.id);
      return application.latestRiskAssessment?.current ? application : undefined;
    });
    step(
      sample.key,
      `${created.reference} (${sample.input.title}) in financing, structure recorded and assessed`,
    );
    return created.id;
  }

  /** For scripts/demo/monitoring.ts: the officers and the financed projects with their sponsors. */
  monitoringContext(): MonitoringDemoContext {
    return {
      api: this.api,
      maker: this.users.officer,
      checker: this.users.checker,
      auditor: this.users.auditor,
      financed: this.tracked
        .filter((t) => t.outcome === 'financed' && t.sponsorToken)
        .map((t) => ({ id: t.id, reference: t.reference, sponsorToken: t.sponsorToken as string })),
    };
  }

  /** For scripts/demo/notifications.ts: one user per role, and a waiting application with its sponsor. */
  notificationsContext(key: string) {
    const waiting = this.tracked.find((t) => t.key === key && t.sponsorToken);
    if (!waiting) throw new Error(`the demo has no ${key} to ask a question of`);
    return {
      api: this.api,
      users: this.inboxUsers(),
      officerToken: this.users.officer.token,
      waiting: {
        key,
        id: waiting.id,
        reference: waiting.reference,
        sponsorToken: waiting.sponsorToken as string,
      },
    };
  }

  /** One user per role. */
  inboxUsers(): [string, string][] {
    const sponsor = this.tracked.find((t) => t.sponsorToken)?.sponsorToken;
    return [
      ['officer', this.users.officer.token],
      ['checker', this.users.checker.token],
      ...(this.committee[0] ? [['committee', this.committee[0].token] as [string, string]] : []),
      ['auditor', this.users.auditor.token],
      ['admin', this.adminToken],
      ...(sponsor ? [['sponsor', sponsor] as [string, string]] : []),
    ];
  }

  /** For scripts/demo/operations.ts. */
  adminCredential(): string {
    return this.adminToken;
  }

  credentials(): Array<[string, string]> {
    return [
      ['admin', `admin+${this.runId}@forge.demo`],
      ['admin2', `admin2+${this.runId}@forge.demo`],
      ...this.sponsors.slice(0, 1).map((email) => ['sponsor', email] as [string, string]),
      ...Object.entries(this.users).map(([role, user]) => [role, user.email] as [string, string]),
      ...this.committee.map((member, index) => [`committee${index + 1}`, member.email] as [string, string]),
      ...(this.partnerEmail ? [['partner', this.partnerEmail] as [string, string]] : []),
    ];
  }

  private email(name: string): string {
    return `${name}+${this.runId}@forge.demo`;
  }

  private async createUser(name: string, roles: string[], organizationId?: string) {
    const email = this.email(name);
    const user = await this.api.call<{ id: string; pendingRoleRequest: { id: string } | null }>(
      'POST',
      '/api/v1/admin/users',
      {
        token: this.adminToken,
        body: {
          email,
          password: PASSWORD,
          displayName: name,
          roles,
          ...(organizationId ? { organizationId } : {}),
        },
      },
    );
    // Grants of the roles of ROLE_GRANT_APPROVAL (admin by default) wait for a second admin (four-eyes).
    if (user.pendingRoleRequest) {
      await approveRoleRequest(this.api, this.approverToken, user.pendingRoleRequest.id);
      this.approvedGrants += 1;
    }
    return { email, id: user.id, token: await this.api.login(email, PASSWORD) };
  }

  async createUsers(adminEmail: string, secondAdminEmail: string): Promise<void> {
    say('Users');
    this.adminToken = await this.api.login(adminEmail, PASSWORD);
    this.approverToken = await this.api.login(secondAdminEmail, PASSWORD);
    this.users.officer = await this.createUser('officer.maker', ['officer']);
    this.users.checker = await this.createUser('officer.checker', ['officer']);
    this.users.third = await this.createUser('officer.third', ['officer']);
    this.users.auditor = await this.createUser('auditor', ['auditor']);
    for (let index = 1; index <= 4; index += 1)
      this.committee.push(await this.createUser(`committee${index}`, ['committee']));
    say(
      `  2 admins (the second from the CLI), 3 officers (maker, checker, a third for re-evaluations), 4 committee members, 1 auditor; a sponsor per organisation\n` +
        `  ${this.approvedGrants} grant(s) approved by the second admin (four-eyes for the roles of ROLE_GRANT_APPROVAL;\n` +
        '  by default only admin, so officers and committee members hold their role at once); each staff member\n' +
        '  enrolled an authenticator app at the first sign-in, as the answer invited it to\n',
    );
  }

  private async sponsorFor(sample: SampleApplication) {
    const organization = await this.api.call<{ id: string }>('POST', '/api/v1/admin/organizations', {
      token: this.adminToken,
      body: {
        name: `${String(sample.input.title).split(/[,(]/)[0].trim()} Project Company`,
        country: sample.input.country,
        registrationNumber: `${sample.key}-${this.runId}`,
      },
    });
    const sponsor = await this.createUser(
      `sponsor.${sample.key.toLowerCase()}`,
      ['sponsor'],
      organization.id,
    );
    this.sponsors.push(sponsor.email);
    return sponsor;
  }

  private get(id: string, token = this.users.officer.token) {
    return this.api.call<any>('GET', `/api/v1/applications/${id}`, { token });
  }

  private async transition(id: string, to: string, reason?: string) {
    const application = await this.get(id);
    return this.api.call<any>('POST', `/api/v1/applications/${id}/transitions`, {
      token: this.users.officer.token,
      body: { to, expectedVersion: application.version, ...(reason ? { reason } : {}) },
    });
  }

  async walkPortfolio(applications: SampleApplication[], negatives: SampleApplication[]): Promise<void> {
    this.samples = [...applications, ...negatives];
    say(`Portfolio: ${applications.length} applications and ${negatives.length} negative cases`);
    for (const sample of [...applications, ...negatives]) {
      await this.walk(sample);
    }
    say('');
  }

  private async walk(sample: SampleApplication): Promise<void> {
    const sponsor = await this.sponsorFor(sample);
    const created = await this.api.call<any>('POST', '/api/v1/applications', {
      token: sponsor.token,
      body: sample.input,
      headers: { 'Idempotency-Key': `demo-${this.runId}-${sample.key}` },
    });
    const tracked: Tracked = {
      key: sample.key,
      id: created.id,
      reference: created.reference,
      note: sample.note,
      outcome: '',
    };
    tracked.sponsorToken = sponsor.token;
    this.tracked.push(tracked);
    await this.api.call('POST', `/api/v1/applications/${created.id}/submit`, {
      token: sponsor.token,
      body: { expectedVersion: created.version },
    });
    step(sample.key, `${created.reference} submitted by its sponsor: ${sample.input.title}`);

    const screened = await this.api.waitFor(`${sample.key} screening`, async () => {
      const application = await this.get(created.id);
      return application.stage !== 'submitted' ? application : undefined;
    });
    await this.api.call('POST', `/api/v1/applications/${created.id}/assign`, {
      token: this.users.officer.token,
      body: { assigneeId: this.users.officer.id, expectedVersion: screened.version },
    });
    step(
      sample.key,
      `screened: sanctions ${screened.screening?.result} (blocked ownership ${Number(screened.screening?.blockedOwnershipPct ?? 0).toFixed(2)}%, look-through ${Number(screened.screening?.lookThroughPct ?? 0).toFixed(2)}%), proposed category ${screened.proposedCategory}`,
    );
    if (screened.screening?.result === 'blocked') {
      await this.transition(
        created.id,
        'rejected',
        'Blocked under the OFAC 50% rule: sanctioned persons hold 50% or more in aggregate',
      );
      tracked.outcome = 'rejected: sanctions (50% rule)';
      step(sample.key, `rejected by the officer: ${tracked.outcome}`);
      return;
    }
    if (!(await this.resolveStageChecks(sample, created.id, 'screening'))) {
      tracked.outcome = 'held in screening: a failed check that may not be waived';
      return;
    }
    await this.transition(created.id, 'esg_review');

    if (sample.key === 'S04') await this.askAndAnswer(sponsor.token, created.id, sample.key);
    const inReview = await this.get(created.id);
    await this.api.call('POST', `/api/v1/applications/${created.id}/category`, {
      token: this.users.officer.token,
      body: {
        category: inReview.proposedCategory,
        rationale: `Confirmed: ${sample.note}`,
        expectedVersion: inReview.version,
      },
    });
    if (inReview.proposedCategory === 'A')
      await this.uploadCategoryAEvidence(sponsor.token, created.id, sample);
    step(sample.key, `category ${inReview.proposedCategory} confirmed`);
    if (sample.key === 'N03') {
      const blocked = await this.transition(created.id, 'financing').catch((error: unknown) => error);
      const guards =
        blocked instanceof ApiError ? JSON.stringify((blocked.body as any)?.errors ?? []) : 'none';
      tracked.outcome = 'held in esg_review: TRANS.PEP needs review';
      step(
        sample.key,
        `held: a politically exposed owner (8%) needs review; the move is refused (${guards.slice(0, 120)})`,
      );
      return;
    }
    if (!(await this.resolveStageChecks(sample, created.id, 'esg_review'))) {
      tracked.outcome = 'held in esg_review: a failed check that may not be waived';
      // scripts/demo/four-eyes.ts: S10's waived ESG.TAILINGS meets an amendment (issue 13.4).
      if (sample.key === 'S10') {
        await runFourEyesReevaluation({
          api: this.api,
          key: sample.key,
          applicationId: created.id,
          sponsorToken: sponsor.token,
          maker: this.users.officer,
          checker: this.users.checker,
          third: this.users.third,
          step,
        });
      }
      return;
    }
    await this.transition(created.id, 'financing');
    if (!sample.financing) {
      tracked.outcome = 'financing: awaiting a structure';
      step(sample.key, `in financing, awaiting a structure (${sample.expect ?? ''})`);
      return;
    }
    // FORGE-RRS 1.1.0 credits a mitigant only when its evidence is attached (scripts/demo/evidence.ts).
    const attached = new Set(((await this.get(created.id)).documents ?? []).map((d: any) => d.kind));
    const evidence = evidenceKinds(sample, 'before').filter((kind) => !attached.has(kind));
    await uploadEvidence(this.api, sponsor.token, created.id, sample.key, evidence);
    const inFinancing = await this.get(created.id);
    await this.api.call('PUT', `/api/v1/applications/${created.id}/financing`, {
      token: this.users.officer.token,
      body: { ...sample.financing, expectedVersion: inFinancing.version },
    });
    let assessed = await this.api.waitFor(`${sample.key} risk assessment`, async () => {
      const application = await this.get(created.id);
      return application.latestRiskAssessment?.current ? application : undefined;
    });
    const describe = (risk: any): string => {
      const missing = unevidencedOf(risk);
      return (
        `FORGE-RRS ${risk.modelVersion}: gross ${risk.gross.score} ${risk.gross.band} → residual ${risk.residual.score} ${risk.residual.band}` +
        (missing.length > 0 ? `; no credit, not evidenced: ${missing.join(', ')}` : '')
      );
    };
    step(sample.key, `financing recorded; ${describe(assessed.latestRiskAssessment)}`);
    const late = evidenceKinds(sample, 'late');
    if (late.length > 0) {
      const before = assessed.latestRiskAssessment.id;
      await uploadEvidence(this.api, sponsor.token, created.id, sample.key, late);
      assessed = await this.api.waitFor(`${sample.key} re-assessment`, async () => {
        const application = await this.get(created.id);
        const latest = application.latestRiskAssessment;
        return latest?.current && latest.id !== before ? application : undefined;
      });
      step(
        sample.key,
        `the signed ${LATE_EVIDENCE.mitigant} agreement (${late.join(', ')}) is uploaded: re-assessed, ${describe(assessed.latestRiskAssessment)}`,
      );
    }
    // portfolio.md: the disclosure package is public 60 days (A) or 30 days (B, C, FI) before the decision.
    const disclosed = await discloseBeforeDecision(
      { api: this.api, clock: this.clock, officerToken: this.users.officer.token, step },
      sample.key,
      created.id,
      `${sample.input.title}: ${sample.input.summary}`,
    );
    step(
      sample.key,
      `disclosure package v${disclosed.version} published ${disclosed.disclosedAt.slice(0, 10)} (the demo moves the clock back 61 days)`,
    );
    await this.transition(created.id, 'committee', 'Structure and risk assessment complete');
    await this.vote(sample.key, created.id);
    await this.closeConditions(sample.key, created.id);
    await this.transition(created.id, 'financed', 'Financial close: every condition precedent satisfied');
    tracked.outcome = 'financed';
    step(sample.key, 'financial close: financed');
  }

  /** An officer's question blocks the stage until the sponsor answers it. */
  private async askAndAnswer(sponsorToken: string, id: string, key: string): Promise<void> {
    const asked = await this.api.call<any>('POST', `/api/v1/applications/${id}/information-requests`, {
      token: this.users.officer.token,
      body: { question: 'Please confirm the status of the haul-road community agreement.' },
    });
    const request = (asked.informationRequests ?? (await this.get(id)).informationRequests).find(
      (candidate: any) => candidate.status === 'open',
    );
    const refused = await this.transition(id, 'financing').catch((error: unknown) => error);
    const guard =
      refused instanceof ApiError ? ((refused.body as any)?.errors ?? []).map((e: any) => e.guard) : [];
    await this.api.call('POST', `/api/v1/applications/${id}/information-requests/${request.id}/answer`, {
      token: sponsorToken,
      body: {
        answer: 'Renewed in March with all five communities; the signed agreement is in the data room.',
      },
    });
    step(key, `information request opened (moves refused: ${guard.join(', ')}) and answered by the sponsor`);
  }

  /** Officer work on a stage's checks: review needs_review ones; a fail only through a four-eyes waiver. */
  /** Resolves a stage's checks; false (with the reason shown) when a failed check may not be waived (issue 13). */
  private async resolveStageChecks(sample: SampleApplication, id: string, stage: string): Promise<boolean> {
    const application = await this.get(id);
    const reviewed: string[] = [];
    // A failed check of any stage blocks every forward move (it can only lead to rejection unless waived).
    for (const check of application.checks.filter((c: any) => c.stage === stage || c.outcome === 'fail')) {
      if (check.outcome === 'pass' || check.outcome === 'waived') continue;
      const current = await this.get(id);
      if (check.outcome === 'needs_review') {
        reviewed.push(check.code);
        await this.api.call('POST', `/api/v1/applications/${id}/checks/${check.code}/resolve`, {
          token: this.users.officer.token,
          body: {
            outcome: 'pass',
            note: `Reviewed against the evidence on file (${sample.key})`,
            expectedVersion: current.version,
          },
        });
      } else {
        // A failed check is never passed: it is waived through maker-checker, with the mitigation on record.
        const pending = await this.api
          .call<any>('POST', `/api/v1/applications/${id}/checks/${check.code}/resolve`, {
            token: this.users.officer.token,
            body: {
              outcome: 'waived',
              note: `Waiver: addressed by a condition precedent of the financing (${sample.key})`,
              expectedVersion: current.version,
            },
          })
          .catch((error: unknown) => {
            if (error instanceof ApiError && (error.body as any)?.code === 'CHECK.NOT_WAIVABLE') return error;
            throw error;
          });
        if (pending instanceof ApiError) {
          step(sample.key, `${check.code} failed and may not be waived: ${(pending.body as any)?.detail}`);
          return false;
        }
        const approvalId = await this.pendingApprovalId(id, 'check.waive', check.code, pending);
        await this.api.call('POST', `/api/v1/approvals/${approvalId}/approve`, {
          token: this.users.checker.token,
          body: { note: 'Second officer: waiver approved' },
        });
        if (!this.waiverShown) {
          step(sample.key, `${check.code} failed; waived through maker-checker (maker ≠ checker)`);
          this.waiverShown = true;
        }
      }
    }
    if (reviewed.length > 0) step(sample.key, `${stage}: officer reviewed ${reviewed.join(', ')} → pass`);
    return true;
  }

  /** The pending item a maker just created: commands answer with the application view, which lists them. */
  private async pendingApprovalId(
    applicationId: string,
    action: string,
    subject: string,
    view?: any,
  ): Promise<string> {
    const application = view?.pendingApprovals ? view : await this.get(applicationId);
    const item = (application.pendingApprovals ?? []).find(
      (approval: any) =>
        approval.action === action && (approval.subject === subject || approval.subject?.id === subject),
    );
    if (!item) throw new Error(`no pending ${action} approval on ${applicationId}`);
    return item.id;
  }

  private async uploadCategoryAEvidence(token: string, id: string, sample: SampleApplication): Promise<void> {
    const kinds = ['independent_es_review'];
    if (sample.input.social?.indigenousPeoplesPresent) kinds.push('fpic_evidence');
    for (const kind of kinds) {
      const form = new FormData();
      form.append('kind', kind);
      const pdf = `%PDF-1.4\n% ${kind} for ${sample.key}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
      form.append('file', new Blob([pdf], { type: 'application/pdf' }), `${kind}.pdf`);
      await this.api.call('POST', `/api/v1/applications/${id}/documents`, { token, body: form });
    }
  }

  private async vote(key: string, id: string): Promise<void> {
    await runCommitteeRound({
      api: this.api,
      key,
      applicationId: id,
      officerToken: this.users.officer.token,
      members: this.committee,
      explain: !this.recusalShown,
      step,
    });
    this.recusalShown = true;
  }

  private async closeConditions(key: string, id: string): Promise<void> {
    const application = await this.get(id);
    for (const condition of application.conditionsPrecedent ?? []) {
      if (condition.satisfied) continue;
      const pending = await this.api.call<any>(
        'POST',
        `/api/v1/applications/${id}/conditions/${condition.id}/satisfy`,
        {
          token: this.users.officer.token,
          body: { evidence: `Evidence on file: ${condition.text}` },
        },
      );
      const approvalId = await this.pendingApprovalId(id, 'condition.satisfy', condition.id, pending);
      await this.api.call('POST', `/api/v1/approvals/${approvalId}/approve`, {
        token: this.users.checker.token,
        body: { note: 'Evidence checked by a second officer' },
      });
    }
    if ((application.conditionsPrecedent ?? []).length > 0) {
      step(
        key,
        `${application.conditionsPrecedent.length} condition(s) precedent satisfied through maker-checker`,
      );
    }
  }

  async report(): Promise<void> {
    say('Portfolio');
    const header = [
      'reference',
      'key',
      'country',
      'mineral',
      'stage',
      'cat',
      'gross → residual',
      'risk red.',
      'EL red.',
      'exposure',
      'of envelope',
    ];
    const rows: string[][] = [];
    const exposures = await bookExposures(this.api, this.users.auditor.token);
    for (const item of this.tracked) {
      const application = await this.get(item.id, this.users.auditor.token);
      const risk = application.latestRiskAssessment;
      rows.push([
        item.reference,
        item.key,
        application.country,
        application.mineral,
        application.stage,
        application.category ?? application.proposedCategory ?? '-',
        risk ? `${risk.gross.band} → ${risk.residual.band}` : '-',
        risk ? `${(risk.riskReductionPct / 100).toFixed(2)}%` : '-',
        risk ? `${(risk.expectedLoss.reductionPct / 100).toFixed(2)}%` : '-',
        exposures.get(item.reference)?.exposure ?? '-',
        exposures.get(item.reference)?.share ?? '-',
      ]);
    }
    const widths = header.map((title, column) =>
      Math.max(title.length, ...rows.map((row) => row[column].length)),
    );
    const line = (cells: string[]) =>
      `  ${cells.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`;
    say(line(header));
    say(line(widths.map((width) => '-'.repeat(width))));
    for (const row of rows) say(line(row));
    say('');
  }

  async auditAndProofs(outputDir: string, root: string): Promise<boolean> {
    mkdirSync(outputDir, { recursive: true });
    const auditor = this.users.auditor.token;
    const verify = await this.api.call<any>('GET', '/api/v1/audit/verify', { token: auditor });
    say(
      `Audit trail: ${verify.valid ? 'VALID' : 'INVALID'}, ${verify.length} events, head ${String(verify.headHash).slice(0, 16)}…${
        verify.valid ? '' : ` first invalid seq ${verify.firstInvalidSeq}`
      }`,
    );
    const checkpoint = await this.api.call<any>('POST', '/api/v1/audit/checkpoints', {
      token: auditor,
      body: {},
    });
    say(
      `Signed checkpoint: tree size ${checkpoint.treeSize}, root ${String(checkpoint.rootHash).slice(0, 16)}…`,
    );
    const financed = this.tracked.find((item) => item.outcome === 'financed') ?? this.tracked[0];
    const bundle = await this.api.call<any>('GET', `/api/v1/applications/${financed.id}/proof-bundle`, {
      token: auditor,
    });
    const exportText = await this.api.call<string>('GET', '/api/v1/audit/export?format=jsonl', {
      token: auditor,
    });
    const publicKey = await this.api.call<any>('GET', '/api/v1/audit/public-key', { token: auditor });
    const files = {
      bundle: join(outputDir, `proof-bundle-${financed.reference}.json`),
      export: join(outputDir, 'audit-export.jsonl'),
      key: join(outputDir, 'audit-public-key.pem'),
    };
    writeFileSync(files.bundle, JSON.stringify(bundle, null, 2));
    writeFileSync(files.export, typeof exportText === 'string' ? exportText : JSON.stringify(exportText));
    writeFileSync(files.key, publicKey.publicKeyPem);
    say(
      `Proof bundle for ${financed.reference} (${bundle.events?.length ?? 0} events) written to ${files.bundle}`,
    );
    const verifier = [
      join(root, 'dist', 'scripts', 'audit-verify.js'),
      files.export,
      '--bundle',
      files.bundle,
      '--public-key',
      files.key,
    ];
    say(`Offline verification: node ${verifier.map((part) => part.replace(`${root}/`, '')).join(' ')}`);
    const result = spawnSync(process.execPath, verifier, { encoding: 'utf8' });
    for (const line of `${result.stdout}${result.stderr}`.trim().split('\n')) say(`  | ${line}`);
    say(`Offline verifier exit code: ${result.status}`);
    const sponsorToken = financed.sponsorToken;
    const auditor2 = await runAuditorDemo({
      api: this.api,
      auditorToken: auditor,
      sponsorToken,
      application: financed,
      bundleFile: files.bundle,
      keyFile: files.key,
      outputDir,
    });
    const sequencing = await runSequencingDemo({
      api: this.api,
      auditorToken: auditor,
      databaseUrl: this.databaseUrl,
    });
    return Boolean(verify.valid) && result.status === 0 && auditor2 && sequencing;
  }
}

main().catch((error) => {
  // One line that says why (EmbeddedDatabaseError says what to do too); the stack only when asked for.
  const debug = Boolean(process.env.FORGE_DEBUG);
  console.error(
    error instanceof Error ? (debug ? error.stack : `demo could not start: ${error.message}`) : error,
  );
  process.exit(1);
});
