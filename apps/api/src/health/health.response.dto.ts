import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AuditAlarmDto } from '../audit/audit.dto.js';

export class HealthLiveResponseDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

export class HealthCheckpointDto {
  @ApiProperty({ example: 1024 }) treeSize!: number;
  @ApiProperty({ example: '2025-03-01T09:15:00.000Z' }) timestamp!: string;
}

export class HealthCheckpointRefusalDto {
  @ApiProperty({ example: 'CHECKPOINT_MISSING' }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ description: 'First refusal of this streak' }) since!: string;
  @ApiProperty({ description: 'Refusals in a row' }) count!: number;
}

export class HealthCheckpointAttemptDto {
  @ApiProperty({ enum: ['signed', 'refused'] }) outcome!: 'signed' | 'refused';
  @ApiProperty() at!: string;
  @ApiProperty({ nullable: true, type: Number }) treeSize!: number | null;
  @ApiProperty({ nullable: true, type: HealthCheckpointRefusalDto })
  refusal!: HealthCheckpointRefusalDto | null;
}

export class HealthVerificationDto {
  @ApiProperty() at!: string;
  @ApiProperty() valid!: boolean;
}

/** One dependency as @nestjs/terminus reports it. */
export class HealthIndicatorResponseDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiPropertyOptional({ enum: ['redis', 'postgres'], description: 'queue: the backend in use' })
  backend?: string;
  @ApiPropertyOptional({ example: 'database unreachable' }) message?: string;
  @ApiPropertyOptional({
    description:
      'auditTrail: whether the decision trail has alarms (docs/audit.md, "Alarms"); readiness stays 200',
  })
  alarm?: boolean;
  @ApiPropertyOptional({ type: [AuditAlarmDto], description: 'auditTrail: every alarm' })
  alarms?: AuditAlarmDto[];
  @ApiPropertyOptional({ type: HealthCheckpointDto, nullable: true, description: 'auditTrail' })
  latestCheckpoint?: HealthCheckpointDto | null;
  @ApiPropertyOptional({ type: HealthCheckpointAttemptDto, nullable: true, description: 'auditTrail' })
  lastAttempt?: HealthCheckpointAttemptDto | null;
  @ApiPropertyOptional({ type: HealthVerificationDto, nullable: true, description: 'auditTrail' })
  lastVerification?: HealthVerificationDto | null;
}

/** `GET /health/ready` → 200 (@nestjs/terminus): every dependency up. */
export class HealthReadyResponseDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/HealthIndicatorResponseDto' },
    example: {
      database: { status: 'up' },
      queue: { status: 'up', backend: 'postgres' },
      auditTrail: { status: 'up', alarm: false, alarms: [] },
    },
  })
  info!: Record<string, HealthIndicatorResponseDto>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/HealthIndicatorResponseDto' },
    example: {},
  })
  error!: Record<string, HealthIndicatorResponseDto>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/HealthIndicatorResponseDto' },
  })
  details!: Record<string, HealthIndicatorResponseDto>;
}
