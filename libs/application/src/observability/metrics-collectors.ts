import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { forgetScrapeGauges, scrapeGauge } from '@forge/observability';
import { connectionPool } from '@forge/persistence';
import { QUEUE_NAMES, QueueBackend } from '@forge/queue';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * The state gauges of /metrics, read at scrape time: queue depths per state, outbox lag, audit checkpoint age and
 * the events not yet under a signed checkpoint, and this process's database pool. Each is one cheap query (an
 * index or a one-row table), so a 15 s scrape interval costs nothing measurable.
 */
@Injectable()
export class MetricsCollectors implements OnModuleInit, OnModuleDestroy {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(QueueBackend) private readonly queues: QueueBackend,
  ) {}

  onModuleInit(): void {
    const applicationName = String(
      (this.dataSource.options as { applicationName?: string }).applicationName ?? 'forge',
    );
    // First of the database gauges, and read synchronously: the other gauges' own queries of this scrape must not
    // be counted as clients waiting for a connection (they queue in the pool until its next tick).
    scrapeGauge(
      'forge_db_pool_connections',
      'Database connections of this process, by pool and state (total, idle, waiting clients)',
      ['pool', 'state'],
      this,
      async () => {
        const pool = connectionPool(this.dataSource);
        if (!pool) return [];
        return [
          { labels: { pool: applicationName, state: 'total' }, value: pool.totalCount },
          { labels: { pool: applicationName, state: 'idle' }, value: pool.idleCount },
          { labels: { pool: applicationName, state: 'waiting' }, value: pool.waitingCount },
        ];
      },
    );
    scrapeGauge('forge_queue_jobs', 'Jobs per queue and state', ['queue', 'state'], this, async () => {
      const samples = [];
      for (const queue of Object.values(QUEUE_NAMES).filter((name) => name !== 'noop')) {
        const counts = await this.queues.queue(queue).getJobCounts(...QUEUE_STATES);
        for (const state of QUEUE_STATES)
          samples.push({ labels: { queue, state }, value: counts[state] ?? 0 });
      }
      return samples;
    });
    scrapeGauge(
      'forge_outbox_pending',
      'Outbox rows (jobs to enqueue) not yet handed to the queue backend',
      [],
      this,
      async () => [{ value: await this.number('SELECT count(*) AS v FROM outbox WHERE sent_at IS NULL') }],
    );
    scrapeGauge(
      'forge_outbox_lag_seconds',
      'Age of the oldest outbox row not yet handed to the queue backend (0 when none)',
      [],
      this,
      async () => [
        {
          value: await this.number(
            'SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) AS v FROM outbox WHERE sent_at IS NULL',
          ),
        },
      ],
    );
    scrapeGauge(
      'forge_audit_checkpoint_age_seconds',
      'Age of the latest signed audit checkpoint (absent before the first)',
      [],
      this,
      async () => {
        const rows: Array<{ v: string | null }> = await this.dataSource.query(
          'SELECT extract(epoch FROM now() - max(created_at)) AS v FROM audit_checkpoints',
        );
        return rows[0]?.v == null ? [] : [{ value: Number(rows[0].v) }];
      },
    );
    scrapeGauge(
      'forge_audit_events_unsigned',
      'Audit events appended after the latest signed checkpoint (not yet covered by a signature)',
      [],
      this,
      async () => [
        {
          value: await this.number(
            'SELECT (SELECT seq + 1 FROM audit_head WHERE id = 1) - coalesce((SELECT max(tree_size) FROM audit_checkpoints), 0) AS v',
          ),
        },
      ],
    );
  }

  onModuleDestroy(): void {
    forgetScrapeGauges(this);
  }

  private async number(sql: string): Promise<number> {
    const rows: Array<{ v: string | number | null }> = await this.dataSource.query(sql);
    return Number(rows[0]?.v ?? 0);
  }
}
