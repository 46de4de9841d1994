/**
 * The decision trail's sequencer in its own OS process, as a deployment runs it: the API appends events and a
 * worker process places them (apps/worker/src/processors/audit-sequencer.service.ts runs libs/audit's
 * `AuditSequencer` loop on its own pool). `bench/audit.bench.ts` forks this file once per bench and starts and
 * stops the loop around each timed run over IPC, so the 16 writers do not share their event loop with the
 * sequencer (issue 18.4; bench/README.md, "The sequencer in its own process").
 *
 * Protocol (one request, one reply, in order): the child says `ready` once its pool is connected; `start` →
 * `started` (the loop is running); `stop` → `stopped` with every event the loop placed and when (after its batch's
 * COMMIT), its batches and the process's CPU time meanwhile; `exit` → the pool is closed and the process ends.
 * Times are wall-clock milliseconds (`wallClockMs`, the same clock in both processes).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DataSource } from 'typeorm';
import { AuditSequencer } from '@forge/audit';

/** Milliseconds since the epoch with sub-millisecond resolution, comparable between processes of one machine. */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

/** A pool on the bench's scratch schema (its `search_path`), for the bench and for the sequencer's process. */
export function scratchDataSource(
  databaseUrl: string,
  schema: string,
  applicationName: string,
  poolSize: number,
): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    logging: false,
    applicationName,
    extra: { max: poolSize, options: `-c search_path=${schema},public` },
  });
}

export interface SequencerRunReport {
  /** Each placed event's id and the time its batch committed (`wallClockMs`). */
  placed: Array<[string, number]>;
  batches: number;
  /** CPU time (user + system) of the sequencer's process between `start` and `stop` (ms). */
  cpuMs: number;
}

type Request = { type: 'start' } | { type: 'stop' } | { type: 'exit' };
type Reply = { type: 'ready' } | { type: 'started' } | ({ type: 'stopped' } & SequencerRunReport);

export interface SequencerProcessOptions {
  /** The scratch schema holding the trail (the child's `search_path`, as the bench's own pool). */
  schema: string;
  intervalMs: number;
  /** The script to fork (default: this file, compiled beside the bench) and Node's flags for it (tests give a
   * TypeScript loader). */
  script?: string;
  execArgv?: string[];
}

/** The bench's side: a forked sequencer process driven by request and reply. */
export class SequencerProcess {
  private readonly replies: Reply[] = [];
  private waiting?: { resolve: (reply: Reply) => void; reject: (error: Error) => void };
  private exited?: Error;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (waiting) waiting.resolve(message as Reply);
      else this.replies.push(message as Reply);
    });
    child.on('exit', (code, signal) => {
      this.exited = new Error(`the sequencer process exited (code ${code}, signal ${signal})`);
      this.waiting?.reject(this.exited);
      this.waiting = undefined;
    });
  }

  static async fork(databaseUrl: string, options: SequencerProcessOptions): Promise<SequencerProcess> {
    const script = options.script ?? fileURLToPath(import.meta.url);
    const child = fork(script, [databaseUrl, options.schema, String(options.intervalMs)], {
      execArgv: options.execArgv ?? [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const sequencer = new SequencerProcess(child);
    await sequencer.reply('ready');
    return sequencer;
  }

  /** Resolves once the child's loop is running. */
  async start(): Promise<void> {
    this.send({ type: 'start' });
    await this.reply('started');
  }

  /** Stops the loop after its batch in progress; what it placed, and its CPU time. */
  async stop(): Promise<SequencerRunReport> {
    this.send({ type: 'stop' });
    const { placed, batches, cpuMs } = (await this.reply('stopped')) as Extract<Reply, { type: 'stopped' }>;
    return { placed, batches, cpuMs };
  }

  /** Ends the child (its pool closed) and waits for it to exit. */
  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.send({ type: 'exit' });
    await exited;
  }

  private send(request: Request): void {
    if (this.exited) throw this.exited;
    this.child.send(request);
  }

  private async reply(type: Reply['type']): Promise<Reply> {
    const reply =
      this.replies.shift() ??
      (await new Promise<Reply>((resolve, reject) => {
        if (this.exited) reject(this.exited);
        else this.waiting = { resolve, reject };
      }));
    if (reply.type !== type) throw new Error(`the sequencer process replied ${reply.type}, not ${type}`);
    return reply;
  }
}

/** The child's side: the worker's sequencer loop on its own pool, started and stopped on request. */
async function serve(databaseUrl: string, schema: string, intervalMs: number): Promise<void> {
  const send = (reply: Reply) => process.send?.(reply);
  // One batch at a time needs one connection; the worker's pool has more for its other work.
  const dataSource = scratchDataSource(databaseUrl, schema, 'forge-audit-bench-sequencer', 2);
  await dataSource.initialize();
  let sequencer: AuditSequencer | undefined;
  let placed: Array<[string, number]> = [];
  let batches = 0;
  let cpuAtStart = process.cpuUsage();
  process.on('message', async (request: Request) => {
    if (request.type === 'start') {
      placed = [];
      batches = 0;
      cpuAtStart = process.cpuUsage();
      sequencer = new AuditSequencer(dataSource, {
        intervalMs,
        onBatch: (batch) => {
          const at = wallClockMs();
          batches += 1;
          for (const id of batch.ids) placed.push([id, at]);
        },
        logger: { warn: (message) => console.error(`sequencer process: ${message}`) },
      });
      sequencer.start();
      send({ type: 'started' });
    } else if (request.type === 'stop') {
      await sequencer?.stop();
      const cpu = process.cpuUsage(cpuAtStart);
      send({ type: 'stopped', placed, batches, cpuMs: (cpu.user + cpu.system) / 1000 });
    } else {
      process.disconnect?.();
    }
  });
  // Asked to exit, or the bench died without asking: stop, close the pool, and the process ends with them.
  process.on('disconnect', () => {
    void Promise.resolve(sequencer?.stop())
      .finally(() => dataSource.destroy())
      .catch(() => {});
  });
  send({ type: 'ready' });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [databaseUrl, schema, intervalMs] = process.argv.slice(2);
  if (databaseUrl === undefined || schema === undefined || process.send === undefined) {
    console.error(
      'audit-sequencer-process.js is forked by bench/audit.bench.ts (DATABASE_URL SCHEMA INTERVAL_MS)',
    );
    process.exit(2);
  }
  await serve(databaseUrl, schema, Number(intervalMs ?? 20));
}
