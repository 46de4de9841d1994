import { readFileSync } from 'node:fs';
import { seedSamplePortfolio } from '../e2e/portfolio/support.js';
import { type Stack, startStack } from './support/harness.js';

/**
 * console.md "Dashboards", portfolio.md "Portfolio view": a committee member picks Spanish, opens the
 * portfolio and reads the demo's book as docs/portfolio.md works it out: the envelope, a limit against
 * its share, the funnel's median days, risk reduced, all formatted for the language; then downloads the exposures
 * as CSV. Real API and database (the sample portfolio written to PostgreSQL as in the portfolio e2e test).
 */
describe('console: portfolio dashboard', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('shows the envelope, limits, funnel and risk reduced for the locale, and the CSV', async () => {
    await seedSamplePortfolio(stack.t, new Date());
    const member = await stack.user(['committee']);
    const journey = await stack.open();
    const { page } = journey;
    await journey.signIn(member);
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Comité de inversiones' }).waitFor();
    await journey.audit('committee home (es)');

    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Cartera' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Cartera' }).waitFor();
    // Spanish: dots for thousands, a comma for decimals.
    const envelope = page.getByRole('region', { name: 'Dotación' });
    await envelope.getByText(/2\.710\.000\.000\D* · 14 solicitudes/).waitFor();
    await envelope.getByText(/27\.290\.000\.000/).waitFor();
    const limits = page.getByRole('table', {
      name: 'Cada límite de la política con la participación que mide hoy',
    });
    const processing = limits.getByRole('row').filter({ hasText: 'PROCESSING_TARGET' });
    await processing.getByText(/48,33\s%/).waitFor();
    await processing.getByText(/como mínimo 40\s% de la cartera/).waitFor();
    const funnel = page.getByRole('table', { name: /Solicitudes por etapa/ });
    await funnel.getByRole('row').filter({ hasText: 'Financiada' }).getByText('8 días').waitFor();
    const risk = page.getByRole('region', { name: 'Riesgo reducido' });
    await risk.getByText(/25\.920\.000\D* al año/).waitFor();
    await page
      .getByRole('region', { name: 'Países con acuerdo marco y movilización' })
      .getByText(/71,59\s%/)
      .waitFor();
    await page
      .getByRole('table', { name: /por País, frente a la dotación/ })
      .getByRole('rowheader')
      .first()
      .waitFor();
    await journey.audit('portfolio (es)');
    await journey.screenshot('portfolio');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Descargar las exposiciones (CSV)' }).click(),
    ]);
    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^reference,/);
    expect(lines).toHaveLength(1 + 14);
    journey.assertClean();
  });
});
