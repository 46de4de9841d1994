import {
  APPROVAL_ACTIONS,
  APPROVAL_STATUSES,
  BANDS,
  CHECK_CODES,
  CHECK_OUTCOMES,
  CHECK_STAGES,
  COFINANCIER_SECTORS,
  COFINANCING_STATUSES,
  DISBURSEMENT_STATUSES,
  DISPOSITIONS,
  DOCUMENT_KINDS,
  EMAIL_LOCALES,
  ES_CATEGORIES,
  ESAP_STATUSES,
  ESCALATION_LEVELS,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  INFORMATION_REQUEST_STATUSES,
  INSTRUMENTS,
  ORGANIZATION_KINDS,
  PERFORMANCE_STANDARDS,
  POLICY_PROPOSAL_STATUSES,
  ROLES,
  ROUND_END_REASONS,
  ROUND_OUTCOMES,
  STAGES,
  VOTE_DECISIONS,
  WATCHLIST_REASON_KINDS,
} from '../../../libs/domain/src/index.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/**
 * Each rule once (issue 12): the value lists the database enforces with CHECK constraints are the domain's
 * lists. Read from pg_constraint of the schema the migrations build; a list constraint that names no domain
 * list, a domain list with no constraint, and a difference between the two all fail here. A new stage, check
 * code, role or approval action is one domain line plus the migration that rebuilds its constraint.
 */

/** `table.column` → the domain list its CHECK constraint must equal (as a set). */
const DOMAIN_LISTS: Readonly<Record<string, readonly string[]>> = {
  'applications.stage': STAGES,
  'applications.category': ES_CATEGORIES,
  'applications.proposed_category': ES_CATEGORIES,
  'approvals.action': APPROVAL_ACTIONS,
  'approvals.status': APPROVAL_STATUSES,
  'checks.code': Object.values(CHECK_CODES),
  'checks.stage': CHECK_STAGES,
  'checks.outcome': CHECK_OUTCOMES,
  'documents.kind': DOCUMENT_KINDS,
  'users.roles': ROLES,
  'users.locale': EMAIL_LOCALES,
  'committee_votes.decision': VOTE_DECISIONS,
  'committee_rounds.close_reason': ROUND_END_REASONS,
  'committee_rounds.outcome': ROUND_OUTCOMES,
  'screening_dispositions.disposition': DISPOSITIONS,
  'information_requests.status': INFORMATION_REQUEST_STATUSES,
  'risk_band_overrides.band': BANDS,
  'applications.current_residual_band': BANDS,
  'cofinancing_lines.instrument': INSTRUMENTS,
  'cofinancing_lines.status': COFINANCING_STATUSES,
  'organizations.kind': ORGANIZATION_KINDS,
  'organizations.sector': COFINANCIER_SECTORS,
  'portfolio_policies.status': POLICY_PROPOSAL_STATUSES,
  'disbursements.status': DISBURSEMENT_STATUSES,
  'esap_items.standard': PERFORMANCE_STANDARDS,
  'esap_items.status': ESAP_STATUSES,
  'incidents.kind': INCIDENT_KINDS,
  'incidents.status': INCIDENT_STATUSES,
  'watchlist_reasons.kind': WATCHLIST_REASON_KINDS,
  // 'none' is the absence of an escalation: nothing is stored for it.
  'deadline_escalations.level': ESCALATION_LEVELS.filter((level) => level !== 'none'),
};

/** List constraints with no domain list: bookkeeping states of infrastructure tables, with the reason. */
const INFRASTRUCTURE_LISTS: Readonly<Record<string, string>> = {
  'idempotency_keys.state': 'request replay bookkeeping (apps/api idempotency interceptor)',
  'email_messages.status': 'outbox delivery state (libs/messaging)',
  'webhook_deliveries.status': 'outbox delivery state (libs/messaging)',
  'webhook_attempts.outcome': 'delivery log (libs/messaging)',
  'login_throttles.scope': 'sign-in throttling counters (identity persistence)',
  'user_sessions.method': 'how a console session was opened (identity persistence)',
  'reference_snapshots.kind': 'reference data kinds (libs/persistence reference loader)',
  'role_requests.status': 'four-eyes state of a role grant (identity)',
  'application_search.field':
    "which text of an application a search row holds (the list's `q`, libs/persistence)",
};

interface ListConstraint {
  key: string;
  name: string;
  values: string[];
}

/** `col = ANY (ARRAY['a'::text, …])` and `col <@ ARRAY[…]`, as PostgreSQL prints them. */
const LIST_PATTERN = /\(?\(?(\w+)\)? (?:= ANY \(ARRAY|<@ ARRAY)\[([^\]]*)\]/;

describe('CHECK constraints and the domain lists', () => {
  let db: TestDatabase;
  let constraints: ListConstraint[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const rows: Array<{ table: string; name: string; definition: string }> = await db.dataSource.query(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
         FROM pg_constraint c
        WHERE c.contype = 'c' AND c.connamespace = 'public'::regnamespace
        ORDER BY 1, 2`,
    );
    constraints = rows.flatMap((row) => {
      const match = LIST_PATTERN.exec(row.definition);
      if (!match) return [];
      const values = [...match[2]!.matchAll(/'((?:[^']|'')*)'::text/g)].map((m) =>
        m[1]!.replaceAll("''", "'"),
      );
      return [{ key: `${row.table}.${match[1]}`, name: row.name, values }];
    });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('reads the list constraints of the schema (the parser understands what PostgreSQL prints)', () => {
    const stage = constraints.find((c) => c.key === 'applications.stage');
    expect(stage?.values).toContain('draft');
    expect(constraints.find((c) => c.key === 'users.roles')?.values).toContain('officer');
  });

  it('every list constraint names a domain list or is declared infrastructure', () => {
    const unplaced = constraints
      .filter((c) => !(c.key in DOMAIN_LISTS) && !(c.key in INFRASTRUCTURE_LISTS))
      .map((c) => `${c.key} (${c.name})`);
    expect(unplaced).toEqual([]);
  });

  it('every domain list is enforced by a constraint, with exactly the same values', () => {
    const problems: string[] = [];
    for (const [key, list] of Object.entries(DOMAIN_LISTS)) {
      const found = constraints.filter((c) => c.key === key);
      if (found.length === 0) {
        problems.push(`${key}: no CHECK constraint`);
        continue;
      }
      for (const constraint of found) {
        const db = new Set(constraint.values);
        const domain = new Set(list);
        const onlyDb = [...db].filter((value) => !domain.has(value));
        const onlyDomain = [...domain].filter((value) => !db.has(value));
        if (onlyDb.length > 0 || onlyDomain.length > 0) {
          problems.push(
            `${key} (${constraint.name}): only in the database [${onlyDb.join(', ')}], only in the domain [${onlyDomain.join(', ')}]`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('no declared infrastructure list is stale', () => {
    const stale = Object.keys(INFRASTRUCTURE_LISTS).filter((key) => !constraints.some((c) => c.key === key));
    expect(stale).toEqual([]);
  });
});
