import { Inject, Injectable } from '@nestjs/common';
import { type AuditActor } from '@forge/audit';
import { type InboxItemView, type InboxQuery, listInbox, markInboxRead } from '@forge/messaging';
import { type UserRecord, UnitOfWork } from '@forge/persistence';
import { Clock } from '../clock.js';
import { setUserLocale } from '../identity/user-accounts.js';

/**
 * What a signed-in user reads and sets about their own notifications (`/me/inbox`, `PATCH /me`,
 * docs/notifications.md): the inbox, marking items read, and the language of their emails.
 */
@Injectable()
export class OwnNotifications {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** What awaits the user now (newest first), with the unread count. */
  inbox(
    userId: string,
    query: InboxQuery,
  ): Promise<{ items: InboxItemView[]; unread: number; nextCursor: string | null }> {
    return this.unitOfWork.read((manager) => listInbox(manager, userId, query));
  }

  /** Marks items read (`ids`, or every unread item when null); an id not the user's is `INBOX.NOT_FOUND`. */
  markRead(userId: string, ids: readonly string[] | null): Promise<{ marked: number }> {
    return this.unitOfWork.run((tx) => markInboxRead(tx, userId, ids, this.clock.now()));
  }

  /** Sets the language of the user's emails; one `user.locale_changed` event when it changes. */
  setLocale(userId: string, locale: string, actor: AuditActor): Promise<UserRecord> {
    return this.unitOfWork.run((tx) => setUserLocale(tx, userId, locale, actor));
  }
}
