import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '@forge/messaging';
import { UserResponseDto } from '../identity/identity.dto.js';

export class InboxQueryDto {
  @ApiPropertyOptional({
    enum: ['open', 'unread', 'all'],
    default: 'open',
    description: 'open: work still awaiting you and unread news; unread; all',
  })
  @IsOptional()
  @IsIn(['open', 'unread', 'all'])
  status?: 'open' | 'unread' | 'all';

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
}

export class LinkTargetDto {
  @ApiProperty({ example: 'approval' }) type!: string;
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) applicationId!: string | null;
  @ApiProperty({ example: '/approvals/6f1c…', description: 'Console path to open' }) path!: string;
}

export class InboxEventDto {
  @ApiProperty({ description: 'Audit seq of the event that caused the item' }) seq!: number;
  @ApiProperty({ example: 'approval.requested' }) action!: string;
}

export class InboxItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    example: 'approval',
    enum: [
      'approval',
      'vote',
      'information_request',
      'assignment',
      'disbursement',
      'esap_item',
      'amr',
      'incident',
      'watchlist',
      'decision',
      'overdue',
    ],
  })
  kind!: string;
  @ApiProperty({ example: 'approval_requested' }) template!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) applicationId!: string | null;
  @ApiProperty({ type: InboxEventDto }) event!: InboxEventDto;
  @ApiProperty({ type: LinkTargetDto }) target!: LinkTargetDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { reference: 'FORGE-2027-000042', title: 'Puna Clara DLE' },
  })
  params!: Record<string, string>;
  @ApiProperty({ description: 'True while the work it stands for still waits for you' }) awaiting!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt!: string | null;
}

export class InboxPageDto {
  @ApiProperty({ type: InboxItemDto, isArray: true }) items!: InboxItemDto[];
  @ApiProperty({ description: 'Unread items in the whole inbox' }) unread!: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) nextCursor!: string | null;
}

export class MarkReadRequestDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'Omitted: every unread item',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];
}

export class MarkReadResponseDto {
  @ApiProperty({ description: 'Items that were unread and are now read' }) marked!: number;
}

export class RegisterWebhookRequestDto {
  @ApiProperty({ example: 'https://hooks.partner.example/forge', maxLength: 2048 })
  @IsString()
  @MaxLength(2048)
  url!: string;

  @ApiProperty({
    type: String,
    isArray: true,
    example: ['application.submitted', 'committee.decided'],
    description: 'Audit actions (exact), or * for every one',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  events!: string[];

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class WebhookEndpointDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: String, isArray: true }) events!: string[];
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) disabledAt!: string | null;
}

export class RegisteredWebhookDto extends WebhookEndpointDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'The signing secret (Standard Webhooks). Shown once: store it now.',
  })
  secret!: string;
}

export class WebhookAttemptDto {
  @ApiProperty({ format: 'date-time' }) attemptedAt!: string;
  @ApiProperty({ enum: ['delivered', 'failed', 'refused'] }) outcome!: string;
  @ApiProperty({ nullable: true, type: Number }) statusCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The address connected to' }) address!:
    string | null;
  @ApiProperty() durationMs!: number;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The webhook-id header: the same on every retry' }) messageId!: string;
  @ApiProperty() eventSeq!: number;
  @ApiProperty({ example: 'committee.decided' }) eventType!: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status!: WebhookDeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) lastStatus!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: WebhookAttemptDto, isArray: true }) log!: WebhookAttemptDto[];
}

export class WebhookIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class WebhookDeliveryParamDto extends WebhookIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  deliveryId!: string;
}

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES)
  status?: WebhookDeliveryStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class RedeliveryResponseDto {
  @ApiProperty({ enum: ['pending'] }) status!: 'pending';
}

const EMAIL_LANGUAGES = ['en', 'es', 'pt-BR'] as const;

/** `PATCH /me`. */
export class SetLocaleRequestDto {
  @ApiProperty({ enum: EMAIL_LANGUAGES, description: 'the language of my emails' })
  @IsIn(EMAIL_LANGUAGES)
  locale!: 'en' | 'es' | 'pt-BR';
}

/** The caller as `GET /me` shows them, with the language of their emails. */
export class ProfileResponseDto extends UserResponseDto {
  @ApiProperty({ enum: EMAIL_LANGUAGES }) locale!: string;
}
