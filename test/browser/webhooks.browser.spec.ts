import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { type Stack, startStack, until } from './support/harness.js';

interface Received {
  id: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * monitoring.md "Webhooks" in the console (admins): a refused URL is said in words; an endpoint registered for
 * every event shows its signing secret once, and that secret verifies what the receiver gets; the delivery log
 * lists the delivery, a manual redelivery sends the same message again (same webhook-id), and the endpoint is
 * disabled.
 */
describe('console: webhooks for integrators', () => {
  let stack: Stack;
  let receiver: http.Server;
  let receiverUrl = '';
  const received: Received[] = [];
  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          id: String(req.headers['webhook-id']),
          body: Buffer.concat(chunks).toString('utf8'),
          headers: req.headers as Record<string, string>,
        });
        res.writeHead(204).end();
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/forge`;
    stack = await startStack({ env: { WEBHOOK_ALLOW_PRIVATE: 'true', NOTIFICATION_POLL_MS: '100' } });
  });
  afterAll(async () => {
    await stack?.close();
    receiver?.closeAllConnections();
    receiver?.close();
  });

  it('registers an endpoint, shows its secret once, lists and redelivers its deliveries, disables it', async () => {
    const admin = await stack.user(['admin']);
    const journey = await stack.open();
    await journey.signIn(admin);
    const page = journey.page;
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await journey.audit('admin: users');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Webhooks' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByText('No endpoint is registered.').waitFor();
    await journey.audit('admin: webhooks, none');

    const form = page.getByRole('region', { name: 'Register an endpoint' });
    await form.getByRole('textbox', { name: /^URL/ }).fill('ftp://hooks.example/forge');
    await form.getByRole('button', { name: 'Register the endpoint' }).click();
    await form.getByRole('alert').waitFor();
    await journey.audit('admin: webhook refused');

    await form.getByRole('textbox', { name: /^URL/ }).fill(receiverUrl);
    await form.getByRole('textbox', { name: /^Description/ }).fill('Integration test receiver');
    await form.getByRole('button', { name: 'Register the endpoint' }).click();
    const secret = (await form.getByLabel('Signing secret', { exact: true }).textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_/);
    await journey.audit('admin: webhook registered, secret shown once');

    // Something happens on the trail: the endpoint receives it, signed with that secret.
    const created = await stack.t.request('POST', '/api/v1/admin/organizations', {
      token: admin.token,
      body: { name: 'Minera Webhook S.A.', country: 'PE', registrationNumber: '20999999991' },
    });
    expect(created.status).toBe(201);
    const first = await until('a delivery', async () => received[0]);
    const verified = new Webhook(secret).verify(first.body, first.headers) as { type: string };
    expect(typeof verified.type).toBe('string');

    const endpoints = page.getByRole('table', { name: 'Registered endpoints and the events they receive' });
    const row = endpoints.getByRole('row').filter({ hasText: receiverUrl });
    await row.getByRole('button', { name: 'Delivery log' }).click();
    const log = page.getByRole('table', {
      name: 'Deliveries to this endpoint, newest first, with their attempts',
    });
    const delivered = log.getByRole('row').filter({ hasText: 'Delivered' }).first();
    await delivered.waitFor();
    await journey.audit('admin: delivery log');
    const before = received.length;
    await delivered.getByRole('button', { name: /^Redeliver event/ }).click();
    // The organisation's other events may still be arriving: the redelivery is the delivery whose webhook-id
    // the receiver has now seen twice (the same id, so a receiver can drop the duplicate).
    const again = await until('the redelivery', async () =>
      received.slice(before).find((r) => received.filter((other) => other.id === r.id).length > 1),
    );
    expect(received.filter((r) => r.id === again.id)).toHaveLength(2);

    await row.getByRole('button', { name: 'Disable' }).click();
    await row.getByText(/^Disabled /).waitFor();
    await journey.audit('admin: endpoint disabled');
    await journey.screenshot('admin-webhooks');
    journey.assertClean();
  });
});
