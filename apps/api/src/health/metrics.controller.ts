import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { renderMetrics } from '@forge/observability';
import { Allow } from '../auth/policy.decorators.js';

/**
 * Prometheus metrics (`prom-client` text exposition) for an admin credential: an admin's bearer token or console
 * session. A Prometheus server scrapes the credential-free listener instead (METRICS_PORT on METRICS_HOST, a
 * trusted network), so no long-lived admin token is needed. docs/operations.md lists every metric.
 */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  @Get()
  @Allow(['admin'])
  @ApiOperation({
    summary:
      'Prometheus metrics: HTTP rate/errors/latency per route, queues, job times, outbox lag, audit checkpoint age, database pool, process',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4', schema: { type: 'string' } })
  async metrics(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { contentType, body } = await renderMetrics();
    void reply.header('content-type', contentType);
    return body;
  }
}
