/**
 * pipeline.md "Roles". A user has one or more of them. `partner` (portfolio.md): a user of a cofinancier
 * organisation, who reads the applications its organisation co-finances from `committee` on.
 */
export const ROLES = ['sponsor', 'officer', 'committee', 'auditor', 'admin', 'partner'] as const;
export type Role = (typeof ROLES)[number];

/** The system's own work (jobs) acts as `{ id: 'system', roles: ['system'] }` (audit.md). */
export type ActorRole = Role | 'system';

/** Whoever issues a command: a user (with all their roles) or the system. */
export interface Actor {
  id: string;
  roles: readonly ActorRole[];
  /** The sponsor's organisation; `null` for users without one and for the system. */
  organizationId: string | null;
  /**
   * The account's display name as authenticated, when known: what the command's audit event expects to record
   * (the append checks it against the account in the command's transaction, docs/audit.md "Who acted").
   */
  displayName?: string;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({
  id: 'system',
  roles: Object.freeze(['system'] as const),
  organizationId: null,
});

export function hasRole(actor: Actor, role: ActorRole): boolean {
  return actor.roles.includes(role);
}
