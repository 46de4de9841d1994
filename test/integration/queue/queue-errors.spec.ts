import { createServer, type Server } from 'node:net';
import { OutboxRelay } from '../../../libs/queue/src/outbox.js';
import {
  ERROR_REPORT_WINDOW_MS,
  QueueBackend,
  QueueErrorReporter,
} from '../../../libs/queue/src/queue-backend.js';
import { createTestDatabase } from '../../support/test-database.js';

/**
 * Connection errors of queues and workers are logged, not swallowed (issue 12): a queue pointed at a Redis
 * that closes every connection reports its error through the logger; repeats are counted, not repeated.
 */
describe('queue backend errors', () => {
  it('reports each distinct error once per window, with the count of repeats', () => {
    const lines: string[] = [];
    let now = 0;
    const reporter = new QueueErrorReporter({ warn: (line: string) => lines.push(line) }, () => now);
    reporter.report('queue a', new Error('ECONNREFUSED'));
    reporter.report('queue a', new Error('ECONNREFUSED'));
    reporter.report('queue a', new Error('ECONNREFUSED'));
    reporter.report('queue b', new Error('ECONNREFUSED'));
    now = ERROR_REPORT_WINDOW_MS;
    reporter.report('queue a', new Error('ECONNREFUSED'));
    expect(lines).toEqual([
      'queue a: ECONNREFUSED',
      'queue b: ECONNREFUSED',
      'queue a: ECONNREFUSED (2 more since the last report)',
    ]);
  });

  describe('with a Redis that hangs up on every connection', () => {
    let server: Server;
    let port: number;

    beforeAll(async () => {
      server = createServer((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it("logs the queue's connection error instead of swallowing it", async () => {
      let reported!: (line: string) => void;
      const line = new Promise<string>((resolve) => (reported = resolve));
      const backend = new QueueBackend({
        backend: 'redis',
        redisUrl: `redis://127.0.0.1:${port}`,
        databaseUrl: 'postgres://unused',
        prefix: 'errors-test',
        logger: { warn: (text: string) => reported(text) },
      });
      try {
        backend.queue('probe');
        expect(await line).toMatch(/^queue probe: /);
      } finally {
        await backend.close();
      }
    });
  });

  it("logs the outbox relay's lost LISTEN connection instead of swallowing it", async () => {
    const db = await createTestDatabase();
    const backend = new QueueBackend({ backend: 'postgres', databaseUrl: db.url, prefix: 'errors-test' });
    let reported!: (line: string) => void;
    const line = new Promise<string>((resolve) => (reported = resolve));
    const relay = new OutboxRelay(db.dataSource, backend, {
      databaseUrl: db.url,
      logger: { warn: (text: string) => reported(text) },
    });
    try {
      await relay.start();
      const terminated: Array<{ ok: boolean }> = await db.dataSource.query(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
          WHERE datname = current_database() AND query = 'LISTEN forge_outbox'`,
      );
      expect(terminated).toEqual([{ ok: true }]);
      expect(await line).toMatch(/^outbox LISTEN: terminating connection due to administrator command/);
    } finally {
      await relay.stop();
      await backend.close();
      await db.drop();
    }
  });
});
