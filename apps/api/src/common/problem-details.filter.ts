import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { DomainError } from '@forge/domain';
import {
  fastifyProblem,
  problem,
  problemFromDomainError,
  problemInstance,
  type ProblemDetails,
} from './problem-details.js';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION.FAILED',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** PostgreSQL / driver errors that mean "the database is not there right now" rather than a bug. */
function isUnavailable(error: unknown): boolean {
  const candidate = error as {
    name?: string;
    code?: string;
    message?: string;
    driverError?: { code?: string };
  };
  // When a connection dies mid-transaction, TypeORM releases its query runner and the command's remaining
  // queries fail with these: the cause is the lost connection, not the request.
  if (
    [
      'QueryRunnerProviderAlreadyReleasedError',
      'QueryRunnerAlreadyReleasedError',
      'ConnectionIsNotSetError',
    ].includes(candidate?.name ?? '')
  ) {
    return true;
  }
  const code = candidate?.driverError?.code ?? candidate?.code ?? '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P02',
      '57P03',
      '08000',
      '08003',
      '08006',
    ].includes(code) ||
    /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection/i.test(
      candidate?.message ?? '',
    )
  );
}

/** Maps every error to RFC 9457 problem+json with a stable code; never leaks stacks, SQL or internals. */
export function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof DomainError) return problemFromDomainError(exception);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // Nest wraps Fastify's own client errors (content-type parsing, body limits) in an HttpException.
    const cause = (exception as { cause?: { code?: unknown } }).cause;
    if (status < 500 && typeof cause?.code === 'string' && cause.code.startsWith('FST_')) {
      return fastifyProblem(status, cause.code);
    }
    const response = exception.getResponse() as
      string | { message?: unknown; code?: string; errors?: ProblemDetails['errors']; detail?: string };
    // @nestjs/terminus reports which dependency is down: keep that for the on-call engineer.
    if (typeof response === 'object' && 'details' in response && status === 503) {
      return {
        ...problem(503, 'SERVICE_UNAVAILABLE', 'A dependency is not reachable'),
        checks: (response as { details: unknown }).details,
      } as ProblemDetails;
    }
    if (typeof response === 'object' && response.code) {
      return problem(status, response.code, response.detail ?? exception.message, response.errors);
    }
    // Nest's router answers an unknown route with "Cannot GET /the/url": never echo the URL.
    if (exception instanceof NotFoundException && /^Cannot [A-Z]+ /.test(exception.message)) {
      return problem(404, 'NOT_FOUND', 'No route matches this method and path');
    }
    const messages =
      typeof response === 'object' && Array.isArray(response.message) ? response.message : undefined;
    const detail =
      typeof response === 'object' && typeof response.message === 'string'
        ? response.message
        : exception.message;
    return problem(
      status,
      CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION.FAILED'),
      status >= 500 ? 'The server could not complete the request' : detail,
      messages?.map((message) => ({ field: String(message).split(' ')[0], message: String(message) })),
    );
  }
  // Fastify's own errors (bad JSON, body too large, unsupported media type, multipart limits) carry a
  // statusCode: answered with a fixed text per code, never their message (it may quote the request).
  const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
    return fastifyProblem(fastifyError.statusCode, fastifyError.code);
  }
  if (isUnavailable(exception)) {
    return problem(503, 'SERVICE_UNAVAILABLE', 'A dependency (the database) is unavailable; retry later');
  }
  return problem(500, 'INTERNAL', 'The server could not complete the request');
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const reply = context.getResponse<FastifyReply>();
    const request = context.getRequest<FastifyRequest>();
    const body = toProblem(exception);
    if (body.status >= 500) {
      this.logger.error(
        `${request?.method} ${request?.url} failed with ${body.status}: ${(exception as Error)?.stack ?? exception}`,
      );
    }
    if (body.status === 503) void reply.header('Retry-After', '5');
    // A refusal that knows when it lifts (an upload budget) says so.
    const retryAfter = (exception as { retryAfterSeconds?: unknown })?.retryAfterSeconds;
    if (body.status === 429 && typeof retryAfter === 'number')
      void reply.header('Retry-After', String(retryAfter));
    void reply
      .status(body.status)
      .header('Content-Type', 'application/problem+json')
      .send({ ...body, instance: problemInstance(request?.id) });
  }
}
