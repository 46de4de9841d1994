import { Inject, Injectable } from '@nestjs/common';
import { appendAuditEvent, type JsonValue } from '@forge/audit';
import { UnitOfWork } from '@forge/persistence';

/** What an operator did to jobs through the queue dashboard (Bull Board at /admin/queues). */
export type QueueOperatorAction =
  /** One job retried (`PUT …/api/queues/:queue/:jobId/retry`). */
  | 'queue.job_retried'
  /** One job removed (`PUT …/api/queues/:queue/:jobId/clean`). */
  | 'queue.job_removed'
  /** Every job of a queue in a status retried (`PUT …/api/queues/:queue/retry/:status`). */
  | 'queue.jobs_retried';

export interface QueueOperatorEvent {
  action: QueueOperatorAction;
  queue: string;
  /** The job, for the one-job actions. */
  jobId?: string;
  /** The jobs' status, for the retry of a whole status. */
  status?: string;
  /** What the job was about (its name, its application), when it carries one. */
  context?: Record<string, JsonValue>;
}

/**
 * Audits an operator's action on the queues (issue 19): one event, actor = the admin, in a transaction of its own,
 * written BEFORE the dashboard performs the action. The action itself is a Redis/BullMQ operation that cannot join a
 * PostgreSQL transaction, so the order is chosen to fail closed: no event, no action (docs/operations.md).
 */
@Injectable()
export class QueueOperatorAudit {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  record(actor: { id: string }, event: QueueOperatorEvent): Promise<void> {
    const subject = event.jobId
      ? { type: 'job', id: `${event.queue}/${event.jobId}` }
      : { type: 'queue', id: event.queue };
    return this.unitOfWork.run(async (manager) => {
      await appendAuditEvent(manager, {
        actor: { id: actor.id, role: 'admin' },
        action: event.action,
        subject,
        context: {
          via: 'queue-dashboard',
          queue: event.queue,
          ...(event.jobId ? { jobId: event.jobId } : {}),
          ...(event.status ? { status: event.status } : {}),
          ...event.context,
        },
      });
    });
  }
}
