import { Module } from '@nestjs/common';
import { NotificationsLoop } from './notifications.loop.js';
import { OverdueProcessor } from './overdue.processor.js';

/** Deadlines and notifications (issue 17): the overdue job, the dispatcher and the two outboxes. */
@Module({ providers: [NotificationsLoop, OverdueProcessor] })
export class NotificationsWorkerModule {}
