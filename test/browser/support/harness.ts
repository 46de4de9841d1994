import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { type Role } from '../../../libs/domain/src/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { ensureConsoleBuilt, root } from './console-build.js';

/** Debian's chromium (`.ci/run` installs it with apt when missing). */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** The product (API + worker on a fresh database, serving the built console) and a browser to drive it. */
export interface Stack {
  t: TestApp;
  browser: Browser;
  baseUrl: string;
  /** A user created in the database with a password, ready to sign in through the console. */
  user(roles: Role[], options?: { organizationId?: string; name?: string }): Promise<TestUser>;
  /** A fresh browser context (its own cookies: one per signed-in person) and page. */
  open(options?: { viewport?: { width: number; height: number }; locale?: string }): Promise<Journey>;
  close(): Promise<void>;
}

export async function startStack(options: { env?: Record<string, string> } = {}): Promise<Stack> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: apt-get install -y chromium (the browser suite drives Debian's chromium)`,
    );
  }
  const consoleDir = ensureConsoleBuilt();
  const t = await createTestApp({ withWorker: true, env: { CONSOLE_DIR: consoleDir, ...options.env } });
  // A fresh profile per run: playwright's launch() starts chromium on a new temporary user-data dir.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const journeys: Journey[] = [];
  return {
    t,
    browser,
    baseUrl: t.baseUrl,
    user: (roles, userOptions = {}) =>
      t.createUser(roles, {
        organizationId: userOptions.organizationId,
        email: userOptions.name
          ? `${userOptions.name}-${Math.random().toString(36).slice(2, 8)}@forge.test`
          : undefined,
      }),
    async open(openOptions = {}) {
      const context = await browser.newContext({
        baseURL: t.baseUrl,
        viewport: openOptions.viewport ?? DESKTOP,
        locale: openOptions.locale ?? 'en-US',
        reducedMotion: 'reduce',
      });
      // CI runs two Jest workers on two cores beside PostgreSQL and the browser: a page can take longer than
      // playwright's 30 s default to settle without anything being wrong.
      context.setDefaultTimeout(60_000);
      const journey = new Journey(context, await context.newPage());
      await journey.watchPages();
      journeys.push(journey);
      return journey;
    },
    async close() {
      for (const journey of journeys) await journey.context.close().catch(() => {});
      await browser.close();
      await t.close();
    },
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * One person's session in the browser. `audit(name)` runs axe-core on the page as it is: a `serious` or
 * `critical` violation fails the test; `assertClean()` fails when a page was shown without an audit, or
 * when the page threw.
 */
export class Journey {
  readonly audited = new Set<string>();
  /** Routes that rendered a page (a page sets its document title; a route that only redirects does not). */
  readonly shown = new Set<string>();
  readonly pageErrors: string[] = [];

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  async watchPages(): Promise<void> {
    await this.page.exposeFunction('__forgePageShown', (path: string) =>
      this.shown.add(routeOf(`http://x${path}`)),
    );
    await this.page.addInitScript(() => {
      let last = '';
      const report = () => {
        const title = document.title;
        if (title && title !== last && title !== 'FORGE Pipeline') {
          last = title;
          (window as unknown as { __forgePageShown(path: string): void }).__forgePageShown(location.pathname);
        }
      };
      new MutationObserver(report).observe(document, { subtree: true, childList: true, characterData: true });
    });
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(path);
  }

  async signIn(user: { email: string; password: string }): Promise<void> {
    const page = this.page;
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    if (!this.audited.has('/login')) await this.audit('sign-in');
    await page.getByLabel('Email', { exact: true }).fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  }

  /**
   * Keyboard only: presses Tab (from wherever focus is) until `target` has the focus, and fails if it never
   * does within `maxSteps` (the element is unreachable by keyboard).
   */
  async tabTo(target: Locator, maxSteps = 60): Promise<void> {
    await target.waitFor();
    for (let step = 0; step < maxSteps; step += 1) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press('Tab');
    }
    if (await target.evaluate((el) => el === document.activeElement)) return;
    throw new Error(`not reachable with Tab within ${maxSteps} steps: ${target.toString()}`);
  }

  async audit(name: string): Promise<void> {
    const page = this.page;
    await page.waitForLoadState('domcontentloaded');
    // Evaluated through the DevTools protocol: not subject to the console's Content-Security-Policy.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
    const violations = (await page.evaluate(async () => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
        resultTypes: ['violations'],
      });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
      }));
    })) as AxeViolation[];
    const blocking = violations.filter(
      (violation) => violation.impact === 'serious' || violation.impact === 'critical',
    );
    this.audited.add(routeOf(page.url()));
    if (blocking.length > 0) {
      const lines = blocking.flatMap((violation) => [
        `${violation.impact} ${violation.id}: ${violation.help}`,
        ...violation.nodes
          .slice(0, 5)
          .map((node) => `    ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`),
      ]);
      throw new Error(`axe-core on "${name}" (${page.url()}):\n${lines.join('\n')}`);
    }
  }

  /** Every route this journey visited was audited, and no page threw. */
  assertClean(): void {
    const missing = [...this.shown].filter((route) => !this.audited.has(route));
    if (missing.length > 0) throw new Error(`pages shown without an axe-core audit: ${missing.join(', ')}`);
    if (this.pageErrors.length > 0)
      throw new Error(`uncaught errors in the page:\n${this.pageErrors.join('\n')}`);
  }

  /**
   * The journey's key page, written to `.forge/browser-tests/screenshots/` on every run;
   * `npm run console:screenshots` runs the suite and copies them to docs/console/ for the README.
   */
  async screenshot(name: string): Promise<void> {
    const dir = join(root, '.forge', 'browser-tests', 'screenshots');
    mkdirSync(dir, { recursive: true });
    await this.page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
  }
}

/** The route of a URL, ids folded (`/officer/applications/:id`), so "every page" means every kind of page. */
export function routeOf(url: string): string {
  if (!url.startsWith('http')) return url;
  const { pathname } = new URL(url);
  return pathname.replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '/:id');
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Waits until `probe` answers something truthy (bounded; polls the API for what a worker does, where the
 * page has nothing to wait on). Not a sleep: it returns as soon as the condition holds.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
