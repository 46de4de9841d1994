import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { type FastifyInstance } from 'fastify';
import { registerResponseHeaders, SECURITY_HEADER_OPTIONS, securityHeaders } from './security-headers.js';

async function headersOf(instance: FastifyInstance, path: string): Promise<Record<string, string>> {
  const address = instance.server.listening
    ? `http://127.0.0.1:${(instance.server.address() as { port: number }).port}`
    : await instance.listen({ host: '127.0.0.1', port: 0 });
  const answer = await fetch(`${address}${path}`);
  await answer.arrayBuffer();
  return Object.fromEntries(answer.headers.entries());
}

describe('security headers computed once (helmet on a Node response that is never sent)', () => {
  const instances: FastifyInstance[] = [];
  afterAll(async () => {
    for (const instance of instances) await instance.close();
  });

  it('are exactly the headers @fastify/helmet sets per request, also on answers a hook or the router sends', async () => {
    const headers = securityHeaders(SECURITY_HEADER_OPTIONS);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(Object.keys(headers)).not.toContain('content-type');
    expect(Object.keys(headers)).not.toContain('date');

    const byPlugin = new FastifyAdapter().getInstance();
    instances.push(byPlugin);
    // The same options: helmet's types come twice (its .d.mts for us, its .d.cts for @fastify/helmet), and their
    // `unique symbol`s never match.
    await byPlugin.register(helmet, SECURITY_HEADER_OPTIONS as unknown as FastifyHelmetOptions);
    byPlugin.get('/', async () => ({ ok: true }));
    const expected = await headersOf(byPlugin, '/');
    const helmetOnly = Object.keys(expected).filter(
      (name) => !['content-type', 'content-length', 'date', 'connection', 'keep-alive'].includes(name),
    );
    expect(Object.keys(headers).sort()).toEqual(helmetOnly.sort());

    const once = new FastifyAdapter().getInstance();
    instances.push(once);
    registerResponseHeaders(once, headers);
    // A later hook that answers before the handler (as authentication's 401 and the rate limit's 429 do).
    once.addHook('onRequest', async (request, reply) => {
      if (request.url === '/refused') await reply.code(401).send({ refused: true });
    });
    once.get('/', async () => ({ ok: true }));
    for (const path of ['/', '/refused', '/missing']) {
      const actual = await headersOf(once, path);
      for (const name of helmetOnly) expect([path, name, actual[name]]).toEqual([path, name, expected[name]]);
      expect([path, actual['x-request-id']]).toEqual([path, expect.stringMatching(/^\S+$/)]);
    }
  });
});
