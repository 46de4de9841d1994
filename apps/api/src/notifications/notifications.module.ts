import { Module } from '@nestjs/common';
import { InboxController, WebhooksController } from './notifications.controller.js';

/** The inbox and the webhook endpoints (issue 17). */
@Module({ controllers: [InboxController, WebhooksController] })
export class NotificationsModule {}
