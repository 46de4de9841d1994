import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { QueueOperatorAudit, type QueueOperatorEvent } from '@forge/application';
import { DomainError } from '@forge/domain';
import { QUEUE_NAMES, QueueBackend } from '@forge/queue';
import { type Authentication } from '../auth/authenticated-user.js';
import { Authenticator, csrfTokenMatches } from '../auth/authenticator.js';
import { problem, problemInstance, statusForCode } from '../common/problem-details.js';

/** Where the queue dashboard (Bull Board) is served: outside /api/v1, like /docs and /metrics. */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** The queues shown: every production queue (`noop` exists for tests only). */
const DASHBOARD_QUEUES = Object.values(QUEUE_NAMES).filter((name) => name !== 'noop');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The dashboard's writes that are offered (each audited); every other write of Bull Board answers 403. */
const OFFERED: Readonly<Record<string, QueueOperatorEvent['action']>> = {
  [`PUT ${QUEUE_DASHBOARD_PATH}/api/queues/:queueName/:jobId/retry`]: 'queue.job_retried',
  [`PUT ${QUEUE_DASHBOARD_PATH}/api/queues/:queueName/:jobId/clean`]: 'queue.job_removed',
  [`PUT ${QUEUE_DASHBOARD_PATH}/api/queues/:queueName/retry/:queueStatus`]: 'queue.jobs_retried',
};

const ADMIN = Symbol('forge.dashboardAdmin');
type DashboardRequest = FastifyRequest & { [ADMIN]?: Authentication };

/**
 * The queue dashboard (Bull Board, `@bull-board/fastify`) at /admin/queues, for admins only (docs/operations.md,
 * "Queue dashboard"):
 * - the caller is the one the API's authentication hook already found (bearer token or console session cookie):
 *   none → 401, any role but `admin` → 403, problem+json like the API;
 * - a console session's write must come from the page itself: the session's `x-csrf-token`, or a same-origin
 *   `Origin` / `Sec-Fetch-Site` (the dashboard's own page cannot send the console's CSRF token; the cookie is
 *   SameSite=Strict as well);
 * - the writes offered are retry (one job, or every job of a status) and remove (one job), each written to the
 *   audit trail as an operator action BEFORE it runs (fail closed: no event, no action); adding, editing,
 *   promoting, emptying, pausing or obliterating are refused with 403 OPERATIONS.ACTION_NOT_OFFERED, since a
 *   hand-made job would bypass the commands and their audit.
 */
export async function registerQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(QueueBackend);
  const authenticator = app.get(Authenticator);
  const audit = app.get(QueueOperatorAudit);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: DASHBOARD_QUEUES.map((name) => new BullMQAdapter(queues.queue(name), { allowRetries: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'FORGE queues', hideDocsLink: true } },
  });

  await app.register(
    async (instance: FastifyInstance) => {
      instance.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const refusal = await authorize(authenticator, request);
        if (refusal) return refuse(request, reply, refusal);
      });
      instance.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
        if (SAFE_METHODS.has(request.method)) return;
        const action = OFFERED[`${request.method} ${request.routeOptions.url}`];
        if (!action) {
          return refuse(
            request,
            reply,
            new DomainError(
              'OPERATIONS.ACTION_NOT_OFFERED',
              'The queue dashboard offers retry and remove only; other changes go through the API',
            ),
          );
        }
        const event = await operatorEvent(queues, action, request.params as Record<string, string>);
        // Nothing to act on (unknown queue or job, a job that cannot be retried): Bull Board answers it, unaudited.
        if (!event) return;
        const admin = (request as DashboardRequest)[ADMIN]!;
        await audit.record({ id: admin.user.id }, event);
      });
      await instance.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}

/** The refusal for this caller, or undefined for an admin (kept on the request for the audit). */
async function authorize(
  authenticator: Authenticator,
  request: FastifyRequest,
): Promise<DomainError | undefined> {
  const outcome = await authenticator.authenticate(request);
  if (outcome instanceof DomainError) return outcome;
  if (!outcome) {
    return new DomainError('AUTH.UNAUTHENTICATED', 'A bearer token or a session cookie is required');
  }
  if (!outcome.user.roles.includes('admin')) {
    return new DomainError('AUTH.FORBIDDEN', 'The queue dashboard is for admins');
  }
  if (outcome.via === 'session' && !SAFE_METHODS.has(request.method) && !sameOrigin(request, outcome)) {
    return new DomainError('AUTH.CSRF', 'A change through the dashboard must come from its own page');
  }
  (request as DashboardRequest)[ADMIN] = outcome;
  return undefined;
}

function sameOrigin(request: FastifyRequest, outcome: Authentication & { via: 'session' }): boolean {
  if (csrfTokenMatches(outcome.session.csrfToken, request.headers['x-csrf-token'])) return true;
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    try {
      return new URL(origin).host === request.host;
    } catch {
      return false;
    }
  }
  return request.headers['sec-fetch-site'] === 'same-origin';
}

/** The audit event of an offered write, or undefined when there is nothing it could act on. */
async function operatorEvent(
  queues: QueueBackend,
  action: QueueOperatorEvent['action'],
  params: Record<string, string>,
): Promise<QueueOperatorEvent | undefined> {
  const queueName = params.queueName ?? '';
  if (!(DASHBOARD_QUEUES as string[]).includes(queueName)) return undefined;
  const queue = queues.queue(queueName);
  if (action === 'queue.jobs_retried') {
    const status = params.queueStatus ?? '';
    if (status !== 'failed' && status !== 'completed') return undefined;
    const count = (await queue.getJobCounts(status))[status] ?? 0;
    return { action, queue: queueName, status, context: { count } };
  }
  const job = await queue.getJob(params.jobId ?? '');
  if (!job) return undefined;
  const state = await job.getState();
  if (action === 'queue.job_retried' && state !== 'failed' && state !== 'completed') return undefined;
  const data = (job.data ?? {}) as Record<string, unknown>;
  return {
    action,
    queue: queueName,
    jobId: String(job.id),
    context: {
      jobName: job.name,
      state,
      attemptsMade: job.attemptsMade,
      ...(typeof data.applicationId === 'string' ? { applicationId: data.applicationId } : {}),
    },
  };
}

function refuse(request: FastifyRequest, reply: FastifyReply, error: DomainError) {
  const status = error.code === 'OPERATIONS.ACTION_NOT_OFFERED' ? 403 : statusForCode(error.code);
  return reply
    .status(status)
    .header('content-type', 'application/problem+json')
    .header('cache-control', 'no-store')
    .send({ ...problem(status, error.code, error.message), instance: problemInstance(request.id) });
}
