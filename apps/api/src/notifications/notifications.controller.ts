import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { OwnNotifications, WebhookAdmin } from '@forge/application';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Allow, READER_ROLES } from '../auth/policy.decorators.js';
import { Idempotent } from '../common/idempotency.interceptor.js';
import {
  DeliveriesQueryDto,
  InboxPageDto,
  InboxQueryDto,
  MarkReadRequestDto,
  MarkReadResponseDto,
  ProfileResponseDto,
  RedeliveryResponseDto,
  RegisteredWebhookDto,
  RegisterWebhookRequestDto,
  SetLocaleRequestDto,
  WebhookDeliveryDto,
  WebhookDeliveryParamDto,
  WebhookEndpointDto,
  WebhookIdParamDto,
} from './notifications.dto.js';

/** `GET /me/inbox`: what awaits the caller now; mark read. Every role has an inbox. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or bad token' })
@Controller('me/inbox')
export class InboxController {
  constructor(@Inject(OwnNotifications) private readonly notifications: OwnNotifications) {}

  @Get()
  @Allow(READER_ROLES)
  @ApiOperation({
    summary:
      'What awaits me now (items to approve, votes, requests to answer, overdue work, watchlist changes), newest first',
  })
  @ApiResponse({ status: 200, type: InboxPageDto })
  @ApiResponse({ status: 400, description: 'VALIDATION.FAILED' })
  inbox(@CurrentUser() user: AuthenticatedUser, @Query() query: InboxQueryDto): Promise<InboxPageDto> {
    return this.notifications.inbox(user.id, {
      status: query.status ?? 'open',
      limit: query.limit ?? 20,
      after: query.cursor,
    });
  }

  @Post('read')
  @HttpCode(200)
  @Allow(READER_ROLES, { write: false, sponsorScoped: false })
  @ApiOperation({ summary: 'Mark items read (ids), or every unread item (no ids); idempotent' })
  @ApiResponse({ status: 200, type: MarkReadResponseDto })
  @ApiResponse({ status: 404, description: 'INBOX.NOT_FOUND: an id is not an item of your inbox' })
  markRead(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: MarkReadRequestDto,
  ): Promise<MarkReadResponseDto> {
    return this.notifications.markRead(user.id, body.ids ?? null);
  }
}

/** `PATCH /me`: the caller's own settings; today the language of their emails (docs/notifications.md). */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or bad token' })
@Controller('me')
export class ProfileController {
  constructor(@Inject(OwnNotifications) private readonly notifications: OwnNotifications) {}

  @Patch()
  @Allow(READER_ROLES, { write: false, sponsorScoped: false })
  @ApiOperation({
    summary:
      'Set my email language (`locale`: en, es or pt-BR); one `user.locale_changed` event when it changes',
  })
  @ApiResponse({ status: 200, type: ProfileResponseDto })
  @ApiResponse({ status: 400, description: 'VALIDATION.FAILED' })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: SetLocaleRequestDto,
  ): Promise<ProfileResponseDto> {
    const updated = await this.notifications.setLocale(user.id, body.locale, {
      id: user.id,
      role: user.roles[0] ?? 'sponsor',
    });
    return {
      id: updated.id,
      email: updated.email,
      displayName: updated.displayName,
      roles: updated.roles,
      organizationId: updated.organizationId,
      locale: updated.locale,
    };
  }
}

/** Webhook endpoints for integrators (admin). */
@ApiTags('admin')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or bad token' })
@ApiResponse({ status: 403, description: 'AUTH.FORBIDDEN: not an admin' })
@Controller('admin/webhooks')
export class WebhooksController {
  constructor(@Inject(WebhookAdmin) private readonly webhooks: WebhookAdmin) {}

  @Post()
  @Allow(['admin'], { write: true })
  @Idempotent()
  @ApiOperation({
    summary: 'Register an endpoint: { url, events } (audit actions or *); returns the whsec_ secret once',
  })
  @ApiResponse({ status: 201, type: RegisteredWebhookDto })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION.FAILED (bad URL, a destination that is not public, bad event types)',
  })
  async register(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RegisterWebhookRequestDto,
  ): Promise<RegisteredWebhookDto> {
    const { endpoint, secret } = await this.webhooks.register(body, { id: user.id, role: 'admin' });
    return { ...endpoint, secret };
  }

  @Get()
  @Allow(['admin'])
  @ApiOperation({ summary: 'Registered endpoints (never their secrets)' })
  @ApiResponse({ status: 200, type: WebhookEndpointDto, isArray: true })
  list(): Promise<WebhookEndpointDto[]> {
    return this.webhooks.list();
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Allow(['admin'], { write: true })
  @ApiOperation({ summary: 'Stop queuing deliveries for an endpoint (idempotent)' })
  @ApiResponse({ status: 200, type: WebhookEndpointDto })
  @ApiResponse({ status: 404, description: 'WEBHOOK.NOT_FOUND' })
  disable(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: WebhookIdParamDto,
  ): Promise<WebhookEndpointDto> {
    return this.webhooks.disable(params.id, { id: user.id, role: 'admin' });
  }

  @Get(':id/deliveries')
  @Allow(['admin'])
  @ApiOperation({ summary: 'The delivery log of an endpoint, newest first, each with its attempts' })
  @ApiResponse({ status: 200, type: WebhookDeliveryDto, isArray: true })
  @ApiResponse({ status: 404, description: 'WEBHOOK.NOT_FOUND' })
  deliveries(
    @Param() params: WebhookIdParamDto,
    @Query() query: DeliveriesQueryDto,
  ): Promise<WebhookDeliveryDto[]> {
    return this.webhooks.deliveries(params.id, { limit: query.limit ?? 50, status: query.status });
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @Allow(['admin'], { write: true })
  @ApiOperation({
    summary: 'Send a delivered or dead-lettered message again (same webhook-id, new 24 h window)',
  })
  @ApiResponse({ status: 202, type: RedeliveryResponseDto })
  @ApiResponse({ status: 404, description: 'WEBHOOK.NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'WEBHOOK.STATE_CONFLICT: still pending' })
  async redeliver(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: WebhookDeliveryParamDto,
  ): Promise<RedeliveryResponseDto> {
    await this.webhooks.redeliver(params.id, params.deliveryId, { id: user.id, role: 'admin' });
    return { status: 'pending' };
  }
}
