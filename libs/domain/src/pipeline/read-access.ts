import { type Actor, type ActorRole } from './roles.js';
import { COMMITTEE_ONWARD_STAGES, STAGES, TERMINAL_STAGES, type Stage } from './stages.js';

/**
 * Who may read an application, and so everything hanging off it (its checks, documents, information
 * requests, approvals, risk assessments, replays, audit trail, proof bundle). Whoever may not read it gets
 * 404: for them it does not exist.
 *
 * The rule is data (`READ_ACCESS`, one condition per role) so that it has two readings that cannot drift:
 * `canReadApplication` evaluates it in memory, and libs/application compiles the same table into the SQL
 * predicate of list queries. A new role is one row; a new kind of condition is one case here and one in the
 * SQL compiler (both switches are exhaustive, so the compiler refuses to build until both exist).
 */
export type AccessCondition =
  | { readonly kind: 'everything' }
  | { readonly kind: 'nothing' }
  /** The application belongs to the actor's organisation. */
  | { readonly kind: 'own_organization' }
  | { readonly kind: 'stage_in'; readonly stages: readonly Stage[] }
  /** The application was put to the committee at least once (a committee round was opened). */
  | { readonly kind: 'reached_committee' }
  /** A co-financing line of the application names the actor's organisation (portfolio.md). */
  | { readonly kind: 'cofinanced_by_own_organization' }
  | { readonly kind: 'all_of'; readonly conditions: readonly AccessCondition[] }
  | { readonly kind: 'any_of'; readonly conditions: readonly AccessCondition[] };

/** The facts of an application the read rule looks at. */
export interface ApplicationAccessFacts {
  organizationId: string;
  stage: Stage;
  reachedCommittee: boolean;
  /** The organisations its co-financing lines name (cofinancing_lines). */
  cofinancierOrganizationIds: readonly string[];
}

export const EVERYTHING: AccessCondition = { kind: 'everything' };
export const NOTHING: AccessCondition = { kind: 'nothing' };
export const OWN_ORGANIZATION: AccessCondition = { kind: 'own_organization' };
export const REACHED_COMMITTEE: AccessCondition = { kind: 'reached_committee' };
export const COFINANCED_BY_OWN_ORGANIZATION: AccessCondition = { kind: 'cofinanced_by_own_organization' };
export const stageIn = (stages: readonly Stage[]): AccessCondition => ({ kind: 'stage_in', stages });
export const allOf = (...conditions: AccessCondition[]): AccessCondition => ({ kind: 'all_of', conditions });
export const anyOf = (...conditions: AccessCondition[]): AccessCondition => ({ kind: 'any_of', conditions });

/**
 * pipeline.md read rules, one row per role: sponsors read their own organisation's applications; officers,
 * auditors, admins and the system everything; committee members applications in committee and later
 * (`approved`, `financed` and the stages after close), and closed ones (rejected, withdrawn) that reached the
 * committee; partners (portfolio.md) the applications their organisation co-finances, from committee on in the
 * same sense (a co-financed application rejected by the committee included).
 */
/** In committee or later, or closed (rejected, withdrawn) after it reached the committee. */
const FROM_COMMITTEE_ON = anyOf(
  stageIn(COMMITTEE_ONWARD_STAGES),
  allOf(stageIn(TERMINAL_STAGES), REACHED_COMMITTEE),
);

export const READ_ACCESS: Readonly<Record<ActorRole, AccessCondition>> = {
  sponsor: OWN_ORGANIZATION,
  officer: EVERYTHING,
  committee: FROM_COMMITTEE_ON,
  auditor: EVERYTHING,
  admin: EVERYTHING,
  // portfolio.md: "from committee on", so also the decision a co-financed application met there (a rejection).
  partner: allOf(FROM_COMMITTEE_ON, COFINANCED_BY_OWN_ORGANIZATION),
  system: EVERYTHING,
};

/** The actor's read condition: the union of its roles' rows (a role missing from the table reads nothing). */
export function readCondition(actor: Actor): AccessCondition {
  const rows = actor.roles.map((role) => READ_ACCESS[role] ?? NOTHING);
  if (rows.some((row) => row.kind === 'everything')) return EVERYTHING;
  const useful = rows.filter((row) => row.kind !== 'nothing');
  if (useful.length === 0) return NOTHING;
  return useful.length === 1 ? useful[0]! : anyOf(...useful);
}

/** Evaluates a condition for one application (the in-memory reading of the rule). */
export function evaluateAccess(
  condition: AccessCondition,
  actor: Actor,
  facts: ApplicationAccessFacts,
): boolean {
  switch (condition.kind) {
    case 'everything':
      return true;
    case 'nothing':
      return false;
    case 'own_organization':
      return actor.organizationId !== null && actor.organizationId === facts.organizationId;
    case 'stage_in':
      return condition.stages.includes(facts.stage);
    case 'reached_committee':
      return facts.reachedCommittee;
    case 'cofinanced_by_own_organization':
      return actor.organizationId !== null && facts.cofinancierOrganizationIds.includes(actor.organizationId);
    case 'all_of':
      return condition.conditions.every((c) => evaluateAccess(c, actor, facts));
    case 'any_of':
      return condition.conditions.some((c) => evaluateAccess(c, actor, facts));
    default: {
      const unknown: never = condition;
      throw new Error(`unknown access condition ${JSON.stringify(unknown)}`);
    }
  }
}

/** Whether `actor` may read the application (and everything hanging off it). */
export function canReadApplication(actor: Actor, facts: ApplicationAccessFacts): boolean {
  return evaluateAccess(readCondition(actor), actor, facts);
}

/**
 * Nobody of the actor's roles reads any application of this organisation, whatever its stage (a sponsor of
 * another organisation): for them the application does not exist (`APPLICATION.NOT_FOUND`, 404). The stage
 * machine checks it first, so a command never tells a stranger more than a read would.
 */
export function isForeignSponsor(actor: Actor, organizationId: string): boolean {
  const condition = readCondition(actor);
  // Whatever the application's history: any stage, a committee round, co-financed by the actor's organisation.
  const cofinancierOrganizationIds = actor.organizationId === null ? [] : [actor.organizationId];
  return !STAGES.some((stage) =>
    evaluateAccess(condition, actor, {
      organizationId,
      stage,
      reachedCommittee: true,
      cofinancierOrganizationIds,
    }),
  );
}
