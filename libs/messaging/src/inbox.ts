import { DomainError, type LinkTarget } from '@forge/domain';
import { type InboxItemsRow, returnedRows } from '@forge/persistence';
import type { EntityManager } from 'typeorm';

/** An inbox item as the API shows it. */
export interface InboxItemView {
  id: string;
  kind: string;
  template: string;
  applicationId: string | null;
  event: { seq: number; action: string };
  target: LinkTarget;
  params: Record<string, string>;
  /** True while the work it stands for waits (`false` for news). */
  awaiting: boolean;
  createdAt: string;
  readAt: string | null;
  resolvedAt: string | null;
}

/** An inbox item's row as the list reads it. */
type InboxRow = Omit<InboxItemsRow, 'user_id'>;

function view(row: InboxRow): InboxItemView {
  return {
    id: row.id,
    kind: row.kind,
    template: row.template,
    applicationId: row.application_id,
    event: { seq: Number(row.event_seq), action: row.event_action },
    target: row.target,
    params: row.params,
    awaiting: row.work_key !== null && row.resolved_at === null,
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null,
  };
}

export interface InboxQuery {
  /** `open` (default): work still awaiting and unread news; `unread`; `all`. */
  status: 'open' | 'unread' | 'all';
  limit: number;
  /** Keyset cursor: the last item's id of the previous page. */
  after?: string;
}

const STATUS_FILTER: Record<InboxQuery['status'], string> = {
  open: `AND ((work_key IS NOT NULL AND resolved_at IS NULL) OR (work_key IS NULL AND read_at IS NULL))`,
  unread: `AND read_at IS NULL`,
  all: '',
};

/** What awaits `userId` now (newest first), with the unread count. */
export async function listInbox(
  manager: EntityManager,
  userId: string,
  query: InboxQuery,
): Promise<{ items: InboxItemView[]; unread: number; nextCursor: string | null }> {
  const params: unknown[] = [userId, query.limit + 1];
  let keyset = '';
  if (query.after) {
    const [anchor]: Pick<InboxItemsRow, 'created_at'>[] = await manager.query(
      `SELECT created_at FROM inbox_items WHERE id = $1 AND user_id = $2`,
      [query.after, userId],
    );
    if (!anchor)
      throw new DomainError('VALIDATION.FAILED', 'unknown cursor', [
        { field: 'cursor', message: 'is not an item of this inbox' },
      ]);
    params.push(anchor.created_at, query.after);
    keyset = `AND (created_at, id) < ($3, $4)`;
  }
  const rows: InboxRow[] = await manager.query(
    `SELECT id, kind, template, application_id, event_seq, event_action, target, params, work_key, created_at,
            read_at, resolved_at
       FROM inbox_items WHERE user_id = $1 ${STATUS_FILTER[query.status]} ${keyset}
      ORDER BY created_at DESC, id DESC LIMIT $2`,
    params,
  );
  const [{ unread }]: { unread: number }[] = await manager.query(
    `SELECT count(*)::int AS unread FROM inbox_items WHERE user_id = $1 AND read_at IS NULL`,
    [userId],
  );
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(view),
    unread,
    nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
  };
}

/**
 * Marks items of `userId` read (`ids`, or every unread item when `ids` is `null`); idempotent.
 * An id that is not the caller's answers `INBOX.NOT_FOUND` (404) and nothing is marked.
 */
export async function markInboxRead(
  manager: EntityManager,
  userId: string,
  ids: readonly string[] | null,
  now: Date,
): Promise<{ marked: number }> {
  if (ids === null) {
    const result: unknown = await manager.query(
      `UPDATE inbox_items SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING 1`,
      [userId, now],
    );
    return { marked: returnedRows(result).length };
  }
  const owned: Pick<InboxItemsRow, 'id'>[] = await manager.query(
    `SELECT id FROM inbox_items WHERE user_id = $1 AND id = ANY($2)`,
    [userId, ids],
  );
  if (owned.length !== new Set(ids).size) throw new DomainError('INBOX.NOT_FOUND', 'no such inbox item');
  const result: unknown = await manager.query(
    `UPDATE inbox_items SET read_at = $3 WHERE user_id = $1 AND id = ANY($2) AND read_at IS NULL RETURNING 1`,
    [userId, ids, now],
  );
  return { marked: returnedRows(result).length };
}
