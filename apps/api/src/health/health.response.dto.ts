import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthLiveResponseDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

/** One dependency as @nestjs/terminus reports it. */
export class HealthIndicatorResponseDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiPropertyOptional({ enum: ['redis', 'postgres'], description: 'queue: the backend in use' })
  backend?: string;
  @ApiPropertyOptional({ example: 'database unreachable' }) message?: string;
}

/** `GET /health/ready` → 200 (@nestjs/terminus): every dependency up. */
export class HealthReadyResponseDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/HealthIndicatorResponseDto' },
    example: { database: { status: 'up' }, queue: { status: 'up', backend: 'postgres' } },
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
