import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  generateWebhookSecret,
  isWebhookSecret,
  resolveWebhookDestination,
  sendWebhook,
} from '@forge/messaging';
import { Webhook } from 'standardwebhooks';

/** A receiver on loopback that verifies every delivery with the same library integrators use. */
interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  verified: unknown;
}

async function startReceiver(secret: string, answer: (n: number) => number | 'hang' = () => 204) {
  const received: Received[] = [];
  let n = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified: unknown;
      try {
        verified = new Webhook(secret).verify(body, req.headers as Record<string, string>);
      } catch (error) {
        verified = error instanceof Error ? `invalid: ${error.message}` : 'invalid';
      }
      received.push({ headers: req.headers, body, verified });
      const status = answer(++n);
      if (status === 'hang') return;
      res
        .writeHead(status, status >= 300 && status < 400 ? { location: 'http://127.0.0.1:1/' } : {})
        .end('thanks');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/forge`,
    port,
    received,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

const message = (url: string, secret: string) => ({
  url,
  secret,
  messageId: 'msg_2f1c0b6e-audit-41',
  timestamp: new Date(),
  payload: JSON.stringify({ type: 'committee.decided', data: { applicationId: 'a', decision: 'approved' } }),
});

describe('webhook sender (loopback receiver, Standard Webhooks)', () => {
  const secret = generateWebhookSecret();

  it('generates whsec_ secrets', () => {
    expect(isWebhookSecret(secret)).toBe(true);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('delivers a signed message the receiver verifies with standardwebhooks', async () => {
    const receiver = await startReceiver(secret);
    try {
      const attempt = await sendWebhook(message(receiver.url, secret), {
        allowPrivate: true,
        timeoutMs: 5000,
      });
      expect(attempt).toMatchObject({ outcome: 'delivered', status: 204, error: null, address: '127.0.0.1' });
      expect(receiver.received).toHaveLength(1);
      const [got] = receiver.received;
      expect(got.verified).toEqual({
        type: 'committee.decided',
        data: { applicationId: 'a', decision: 'approved' },
      });
      expect(got.headers['webhook-id']).toBe('msg_2f1c0b6e-audit-41');
      expect(got.headers['content-type']).toBe('application/json');
    } finally {
      await receiver.close();
    }
  });

  it('a receiver with another secret cannot verify it', async () => {
    const receiver = await startReceiver(generateWebhookSecret());
    try {
      await sendWebhook(message(receiver.url, secret), { allowPrivate: true, timeoutMs: 5000 });
      expect(String(receiver.received[0].verified)).toMatch(/^invalid/);
    } finally {
      await receiver.close();
    }
  });

  it.each([
    [500, 'HTTP 500'],
    [410, 'HTTP 410'],
    [302, 'HTTP 302'],
  ])('an answer %d is a failure (redirects are not followed)', async (status, error) => {
    const receiver = await startReceiver(secret, () => status);
    try {
      const attempt = await sendWebhook(message(receiver.url, secret), {
        allowPrivate: true,
        timeoutMs: 5000,
      });
      expect(attempt).toMatchObject({ outcome: 'failed', status, error, responseSnippet: 'thanks' });
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it('a receiver that does not answer times out', async () => {
    const receiver = await startReceiver(secret, () => 'hang');
    try {
      const attempt = await sendWebhook(message(receiver.url, secret), {
        allowPrivate: true,
        timeoutMs: 300,
      });
      expect(attempt.outcome).toBe('failed');
      expect(attempt.error).toMatch(/no answer within 300 ms/);
    } finally {
      await receiver.close();
    }
  });

  it('a closed port fails without throwing', async () => {
    const receiver = await startReceiver(secret);
    await receiver.close();
    const attempt = await sendWebhook(message(receiver.url, secret), { allowPrivate: true, timeoutMs: 2000 });
    expect(attempt).toMatchObject({ outcome: 'failed', status: null });
    expect(attempt.error).toMatch(/ECONNREFUSED/);
  });

  describe('SSRF protection after DNS resolution', () => {
    it('refuses loopback destinations unless private addresses are allowed, and sends nothing', async () => {
      const receiver = await startReceiver(secret);
      try {
        for (const url of [
          receiver.url,
          `http://localhost:${receiver.port}/`,
          `http://2130706433:${receiver.port}/`,
          `http://[::ffff:127.0.0.1]:${receiver.port}/`,
        ]) {
          const attempt = await sendWebhook(message(url, secret), { allowPrivate: false, timeoutMs: 2000 });
          expect(attempt.outcome).toBe('refused');
          expect(attempt.error).toMatch(/loopback/);
        }
        expect(receiver.received).toHaveLength(0);
      } finally {
        await receiver.close();
      }
    });

    it.each([
      [[{ address: '10.0.0.7', family: 4 }], /private/],
      [[{ address: '169.254.169.254', family: 4 }], /link_local/],
      [[{ address: 'fd00::1', family: 6 }], /unique_local/],
      [
        [
          { address: '93.184.215.14', family: 4 },
          { address: '192.168.1.1', family: 4 },
        ],
        /private/,
      ],
      [[], /does not resolve/],
    ])('refuses a name resolving to %j', async (addresses, error) => {
      await expect(
        resolveWebhookDestination('https://hooks.partner.example/forge', {
          allowPrivate: false,
          resolve: async () => addresses,
        }),
      ).rejects.toThrow(error);
    });

    it('pins the connection to the checked public address', async () => {
      await expect(
        resolveWebhookDestination('https://hooks.partner.example/forge', {
          allowPrivate: false,
          resolve: async () => [{ address: '93.184.215.14', family: 4 }],
        }),
      ).resolves.toEqual({ address: '93.184.215.14', family: 4 });
    });
  });
});
