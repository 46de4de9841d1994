import { Module } from '@nestjs/common';
import { InboxController, ProfileController, WebhooksController } from './notifications.controller.js';

/** The inbox and the webhook endpoints (issue 17). */
@Module({ controllers: [InboxController, ProfileController, WebhooksController] })
export class NotificationsModule {}
