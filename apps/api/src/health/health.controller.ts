import { Controller, Get, Inject } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { AuditCheckpointService } from '@forge/audit';
import { QueueBackend } from '@forge/queue';
import { Public } from '../auth/policy.decorators.js';
import {
  HealthIndicatorResponseDto,
  HealthLiveResponseDto,
  HealthReadyResponseDto,
} from './health.response.dto.js';

/** Liveness (the process answers) and readiness (database and queue backend reachable, else 503). */
@ApiTags('health')
@ApiExtraModels(HealthIndicatorResponseDto)
@Controller('health')
@Public()
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(QueueBackend) private readonly queues: QueueBackend,
    @Inject(AuditCheckpointService) private readonly audit: AuditCheckpointService,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthLiveResponseDto })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: the database and the queue backend are reachable' })
  @ApiOkResponse({ type: HealthReadyResponseDto })
  @ApiServiceUnavailableResponse({ description: 'SERVICE_UNAVAILABLE, with `checks` naming what is down' })
  ready() {
    return this.health.check([
      async () => {
        const indicator = this.indicators.check('database');
        try {
          await withTimeout(this.dataSource.query('SELECT 1'), 1500);
          return indicator.up();
        } catch {
          return indicator.down({ message: 'database unreachable' });
        }
      },
      async () => {
        const indicator = this.indicators.check('queue');
        return (await this.queues.ping())
          ? indicator.up({ backend: this.queues.kind })
          : indicator.down({ backend: this.queues.kind, message: 'queue backend unreachable' });
      },
      // The decision trail's alarms (docs/audit.md, "Alarms"): reported, not a reason to stop serving.
      async () => {
        const indicator = this.indicators.check('auditTrail');
        try {
          const health = await withTimeout(this.audit.health(), 1500);
          return indicator.up({ alarm: health.alarms.length > 0, ...health });
        } catch (error) {
          return indicator.up({ alarm: true, message: `audit checks failed: ${(error as Error).message}` });
        }
      },
    ]);
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<T>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
