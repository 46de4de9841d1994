import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { type Role } from '@forge/domain';

export type RoleRequestStatus = 'pending' | 'approved' | 'rejected';

/** A four-eyes role grant: who asked for which roles, and who decided. */
export interface RoleRequestRecord {
  id: string;
  userId: string;
  userEmail: string;
  rolesBefore: Role[];
  rolesAfter: Role[];
  reason: string;
  status: RoleRequestStatus;
  /** null when the system asked (never through the API). */
  requestedBy: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  createdAt: string;
  decidedAt: string | null;
}

interface RoleRequestRow {
  id: string;
  user_id: string;
  user_email: string;
  roles_before: Role[];
  roles_after: Role[];
  reason: string;
  status: RoleRequestStatus;
  requested_by: string | null;
  decided_by: string | null;
  decision_note: string | null;
  created_at: Date;
  decided_at: Date | null;
}

const SELECT = `SELECT r.id, r.user_id, u.email AS user_email, r.roles_before, r.roles_after, r.reason, r.status,
       r.requested_by, r.decided_by, r.decision_note, r.created_at, r.decided_at
  FROM role_requests r JOIN users u ON u.id = r.user_id`;

function toRecord(row: RoleRequestRow): RoleRequestRecord {
  return {
    id: row.id,
    userId: row.user_id,
    userEmail: row.user_email,
    rolesBefore: row.roles_before,
    rolesAfter: row.roles_after,
    reason: row.reason,
    status: row.status,
    requestedBy: row.requested_by,
    decidedBy: row.decided_by,
    decisionNote: row.decision_note,
    createdAt: new Date(row.created_at).toISOString(),
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
  };
}

/** role_requests: four-eyes grants of officer, committee and admin. */
export const roleRequestsRepository = {
  /** Inserts a pending request; null when the user already has one (one pending request per user). */
  async insertPending(
    manager: EntityManager,
    request: {
      userId: string;
      rolesBefore: Role[];
      rolesAfter: Role[];
      reason: string;
      requestedBy: string | null;
    },
  ): Promise<RoleRequestRecord | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO role_requests (id, user_id, roles_before, roles_after, reason, requested_by)
       VALUES ($1, $2, $3::text[], $4::text[], $5, $6)
       ON CONFLICT (user_id) WHERE status = 'pending' DO NOTHING
       RETURNING id`,
      [
        randomUUID(),
        request.userId,
        request.rolesBefore,
        request.rolesAfter,
        request.reason,
        request.requestedBy,
      ],
    );
    return rows[0] ? this.findById(manager, rows[0].id) : null;
  },

  async findById(
    manager: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<RoleRequestRecord | null> {
    const rows: RoleRequestRow[] = await manager.query(
      `${SELECT} WHERE r.id = $1${options.lock ? ' FOR UPDATE OF r' : ''}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  },

  async findPendingForUser(manager: EntityManager, userId: string): Promise<RoleRequestRecord | null> {
    const rows: RoleRequestRow[] = await manager.query(
      `${SELECT} WHERE r.user_id = $1 AND r.status = 'pending'`,
      [userId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  },

  /** Pending requests of several users at once (the user list shows them). */
  async pendingByUser(manager: EntityManager, userIds: string[]): Promise<Map<string, RoleRequestRecord>> {
    if (userIds.length === 0) return new Map();
    const rows: RoleRequestRow[] = await manager.query(
      `${SELECT} WHERE r.user_id = ANY($1::uuid[]) AND r.status = 'pending'`,
      [userIds],
    );
    return new Map(rows.map((row) => [row.user_id, toRecord(row)]));
  },

  async list(manager: EntityManager, status: RoleRequestStatus, limit = 500): Promise<RoleRequestRecord[]> {
    const rows: RoleRequestRow[] = await manager.query(
      `${SELECT} WHERE r.status = $1 ORDER BY r.created_at, r.id LIMIT $2`,
      [status, limit],
    );
    return rows.map(toRecord);
  },

  async decide(
    manager: EntityManager,
    id: string,
    decision: { status: 'approved' | 'rejected'; decidedBy: string; note: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE role_requests SET status = $2, decided_by = $3, decision_note = $4, decided_at = now()
        WHERE id = $1 AND status = 'pending'`,
      [id, decision.status, decision.decidedBy, decision.note],
    );
  },
};
