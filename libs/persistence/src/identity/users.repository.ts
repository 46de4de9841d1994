import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { type Role } from '@forge/domain';
import { returnedRows } from '../returned-rows.js';

/** A user as the application sees it (never with the password hash). */
export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  organizationId: string | null;
  disabled: boolean;
  /** Bumped whenever the account's access changes; tokens and sessions of an older version are refused. */
  authVersion: number;
  /** The language of the user's emails (`en`, `es`, `pt-BR`; docs/notifications.md). */
  locale: string;
  createdAt: string;
}

/** For the login path only. */
export interface UserCredentials extends UserRecord {
  passwordHash: string;
}

export interface OrganizationRecord {
  id: string;
  name: string;
  country: string;
  registrationNumber: string;
  /** portfolio.md: `sponsor`, `cofinancier` (with a sector, `public` or `private`) or `fund`. */
  kind: 'sponsor' | 'cofinancier' | 'fund';
  sector: 'public' | 'private' | null;
  createdAt: string;
}

interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  roles: Role[];
  organization_id: string | null;
  disabled: boolean;
  auth_version: number;
  locale: string;
  created_at: Date;
}

interface OrganizationRow {
  id: string;
  name: string;
  country: string;
  registration_number: string;
  kind: OrganizationRecord['kind'];
  sector: OrganizationRecord['sector'];
  created_at: Date;
}

const USER_COLUMNS = `id, email, password_hash, display_name, roles, organization_id, disabled, auth_version, locale,
  created_at`;

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    organizationId: row.organization_id,
    disabled: row.disabled,
    authVersion: row.auth_version,
    locale: row.locale,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

function toOrganization(row: OrganizationRow): OrganizationRecord {
  return {
    id: row.id,
    name: row.name,
    country: row.country.trim(),
    registrationNumber: row.registration_number,
    kind: row.kind,
    sector: row.sector ?? null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Users and organisations; every function takes the caller's EntityManager (transaction). */
export const usersRepository = {
  /** Sets the language of a user's emails; the user as it is now, or null when there is no such user. */
  async setLocale(manager: EntityManager, id: string, locale: string): Promise<UserRecord | null> {
    const result: unknown = await manager.query(
      `UPDATE users SET locale = $2 WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [id, locale],
    );
    const row = returnedRows<UserRow>(result)[0];
    return row ? toUser(row) : null;
  },

  async findCredentialsByEmail(manager: EntityManager, email: string): Promise<UserCredentials | null> {
    const rows: UserRow[] = await manager.query(
      `SELECT ${USER_COLUMNS} FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0] ? { ...toUser(rows[0]), passwordHash: rows[0].password_hash } : null;
  },

  async findById(manager: EntityManager, id: string): Promise<UserRecord | null> {
    const rows: UserRow[] = await manager.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0] ? toUser(rows[0]) : null;
  },

  /** Bumps the account version (every token and session of the old version stops working); returns it. */
  async bumpAuthVersion(manager: EntityManager, id: string): Promise<number | null> {
    const result: unknown = await manager.query(
      `UPDATE users SET auth_version = auth_version + 1 WHERE id = $1 RETURNING auth_version`,
      [id],
    );
    return returnedRows<{ auth_version: number }>(result)[0]?.auth_version ?? null;
  },

  /** The user row locked for an administrative change (FOR UPDATE), or null. */
  async lockById(manager: EntityManager, id: string): Promise<UserRecord | null> {
    const rows: UserRow[] = await manager.query(
      `SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? toUser(rows[0]) : null;
  },

  async findByEmail(manager: EntityManager, email: string): Promise<UserRecord | null> {
    const rows: UserRow[] = await manager.query(
      `SELECT ${USER_COLUMNS} FROM users WHERE lower(email) = lower($1)`,
      [email.trim()],
    );
    return rows[0] ? toUser(rows[0]) : null;
  },

  /**
   * Changes what a user may do and bumps the account version in the same statement, so every token and session
   * issued before stops working at its next request.
   */
  async update(
    manager: EntityManager,
    id: string,
    change: { roles?: Role[]; disabled?: boolean; passwordHash?: string },
  ): Promise<UserRecord> {
    const result: unknown = await manager.query(
      `UPDATE users SET roles = COALESCE($2::text[], roles), disabled = COALESCE($3, disabled),
              password_hash = COALESCE($4, password_hash), auth_version = auth_version + 1
        WHERE id = $1
        RETURNING ${USER_COLUMNS}`,
      [id, change.roles ?? null, change.disabled ?? null, change.passwordHash ?? null],
    );
    return toUser(returnedRows<UserRow>(result)[0]);
  },

  async list(manager: EntityManager, limit = 500): Promise<UserRecord[]> {
    const rows: UserRow[] = await manager.query(
      `SELECT ${USER_COLUMNS} FROM users ORDER BY created_at, id LIMIT $1`,
      [limit],
    );
    return rows.map(toUser);
  },

  /** Inserts a user; null when the email (case-insensitive) is taken. */
  async insert(
    manager: EntityManager,
    user: {
      email: string;
      passwordHash: string;
      displayName: string;
      roles: Role[];
      organizationId: string | null;
      /** Default `en`. */
      locale?: string;
    },
  ): Promise<UserRecord | null> {
    const rows: UserRow[] = await manager.query(
      `INSERT INTO users (id, email, password_hash, display_name, roles, organization_id, locale)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7)
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING ${USER_COLUMNS}`,
      [
        randomUUID(),
        user.email,
        user.passwordHash,
        user.displayName,
        user.roles,
        user.organizationId,
        user.locale ?? 'en',
      ],
    );
    return rows[0] ? toUser(rows[0]) : null;
  },

  /** The organisation's kind (a new account's role must fit it), or null when there is none with this id. */
  async organizationKind(manager: EntityManager, id: string): Promise<OrganizationRecord['kind'] | null> {
    const rows: Array<Pick<OrganizationRow, 'kind'>> = await manager.query(
      `SELECT kind FROM organizations WHERE id = $1`,
      [id],
    );
    return rows[0]?.kind ?? null;
  },

  /** Inserts an organisation; null when (country, registrationNumber) is taken. */
  async insertOrganization(
    manager: EntityManager,
    organization: {
      name: string;
      country: string;
      registrationNumber: string;
      kind?: OrganizationRecord['kind'];
      sector?: OrganizationRecord['sector'];
    },
  ): Promise<OrganizationRecord | null> {
    const rows: OrganizationRow[] = await manager.query(
      `INSERT INTO organizations (id, name, country, registration_number, kind, sector)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (country, registration_number) DO NOTHING
       RETURNING id, name, country, registration_number, kind, sector, created_at`,
      [
        randomUUID(),
        organization.name,
        organization.country,
        organization.registrationNumber,
        organization.kind ?? 'sponsor',
        organization.sector ?? null,
      ],
    );
    return rows[0] ? toOrganization(rows[0]) : null;
  },

  async listOrganizations(manager: EntityManager, limit = 500): Promise<OrganizationRecord[]> {
    const rows: OrganizationRow[] = await manager.query(
      `SELECT id, name, country, registration_number, kind, sector, created_at FROM organizations
       ORDER BY created_at, id LIMIT $1`,
      [limit],
    );
    return rows.map(toOrganization);
  },
};
