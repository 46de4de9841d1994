import { type EntityManager } from 'typeorm';
import {
  asSubmittedInput,
  COFINANCIER_SECTORS,
  COFINANCING_STATUSES,
  ES_CATEGORIES,
  INSTRUMENTS,
  ORGANIZATION_KINDS,
  POLICY_PROPOSAL_STATUSES,
  oneOf,
  oneOfOrNull,
  type CofinancingLine,
  type DisclosurePackage,
  type OrganizationFact,
  type PolicyProposalStatus,
  type PortfolioApplicationFact,
  type PortfolioPolicyParams,
} from '@forge/domain';
import { type ApplicationsRow } from '../entities/applications.entity.js';
import { type CofinancingLinesRow } from '../entities/cofinancing_lines.entity.js';
import { type DisbursementsRow } from '../entities/disbursements.entity.js';
import { type DisclosurePackagesRow } from '../entities/disclosure_packages.entity.js';
import { type OrganizationsRow } from '../entities/organizations.entity.js';
import { type PortfolioPoliciesRow } from '../entities/portfolio_policies.entity.js';

/**
 * The one row every envelope or concentration decision locks (SELECT … FOR UPDATE) in its transaction,
 * before it reads the book: two decisions that would both fit into the same last dollar serialise, and the
 * second one reads what the first committed (READ COMMITTED re-reads per statement).
 */
export async function lockPortfolio(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT id FROM portfolio_lock WHERE id FOR UPDATE`);
}

/** The co-financing lines of application `$1`, by organisation and instrument (toCofinancingLine maps a row). */
export const COFINANCING_LINES_SQL = `SELECT organization_id, instrument, amount_usd, status FROM cofinancing_lines
  WHERE application_id = $1 ORDER BY organization_id, instrument`;

/**
 * The row `COFINANCING_LINES_SQL` selects. `amount_usd` is a bigint: pg answers it as a string, and as a number
 * when the application view reads the lines through json_agg.
 */
export type CofinancingLineRow = Pick<CofinancingLinesRow, 'organization_id' | 'instrument' | 'status'> & {
  amount_usd: string | number;
};

export function toCofinancingLine(row: CofinancingLineRow): CofinancingLine {
  return {
    organizationId: row.organization_id,
    instrument: oneOf(INSTRUMENTS, row.instrument, 'cofinancing_lines.instrument'),
    amountUsd: Number(row.amount_usd),
    status: oneOf(COFINANCING_STATUSES, row.status, 'cofinancing_lines.status'),
  };
}

/** The co-financing lines of one application (or of every application), by organisation and instrument. */
export async function listCofinancingLines(
  manager: EntityManager,
  applicationId?: string,
): Promise<Map<string, CofinancingLine[]>> {
  const rows: Array<CofinancingLineRow & Pick<CofinancingLinesRow, 'application_id'>> = await manager.query(
    `SELECT application_id, organization_id, instrument, amount_usd, status FROM cofinancing_lines
      ${applicationId === undefined ? '' : 'WHERE application_id = $1'}
      ORDER BY application_id, organization_id, instrument`,
    applicationId === undefined ? [] : [applicationId],
  );
  const byApplication = new Map<string, CofinancingLine[]>();
  for (const row of rows) {
    const id = row.application_id;
    byApplication.set(id, [...(byApplication.get(id) ?? []), toCofinancingLine(row)]);
  }
  return byApplication;
}

/** Replaces the co-financing lines of an application (the officer records the financing structure). */
export async function replaceCofinancingLines(
  manager: EntityManager,
  applicationId: string,
  lines: readonly CofinancingLine[],
  now: Date,
): Promise<void> {
  await manager.query(`DELETE FROM cofinancing_lines WHERE application_id = $1`, [applicationId]);
  for (const line of lines) {
    await manager.query(
      `INSERT INTO cofinancing_lines (application_id, organization_id, instrument, amount_usd, status, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [applicationId, line.organizationId, line.instrument, line.amountUsd, line.status, now],
    );
  }
}

/** Sets the status of one line (the partner commits its own). */
export async function updateCofinancingStatus(
  manager: EntityManager,
  applicationId: string,
  line: Pick<CofinancingLine, 'organizationId' | 'instrument' | 'status'>,
  now: Date,
): Promise<void> {
  await manager.query(
    `UPDATE cofinancing_lines SET status = $4, updated_at = $5
      WHERE application_id = $1 AND organization_id = $2 AND instrument = $3`,
    [applicationId, line.organizationId, line.instrument, line.status, now],
  );
}

/** An organisation's name, or `null` when there is none with this id. */
export async function findOrganizationName(manager: EntityManager, id: string): Promise<string | null> {
  const rows: Array<Pick<OrganizationsRow, 'name'>> = await manager.query(
    `SELECT name FROM organizations WHERE id = $1`,
    [id],
  );
  return rows[0]?.name ?? null;
}

/**
 * A disbursed tranche as `listDisbursedTransactions` selects it: the value date as text (`YYYY-MM-DD`), never null
 * (a disbursed row has one: the table's CHECK).
 */
type DisbursedRow = Pick<DisbursementsRow, 'application_id' | 'amount_usd'> & { value_date: string };

/** The disbursed tranches of every application (value date and amount), oldest first: IATI type 3 transactions. */
export async function listDisbursedTransactions(
  manager: EntityManager,
): Promise<Map<string, Array<{ amountUsd: number; valueDate: string }>>> {
  const rows: DisbursedRow[] = await manager.query(
    `SELECT application_id, amount_usd, to_char(value_date, 'YYYY-MM-DD') AS value_date FROM disbursements
      WHERE status = 'disbursed' ORDER BY application_id, value_date, id`,
  );
  const byApplication = new Map<string, Array<{ amountUsd: number; valueDate: string }>>();
  for (const row of rows) {
    const id = row.application_id;
    byApplication.set(id, [
      ...(byApplication.get(id) ?? []),
      { amountUsd: Number(row.amount_usd), valueDate: row.value_date },
    ]);
  }
  return byApplication;
}

/** Every organisation with its kind and sector, by id. */
export async function loadOrganizationFacts(manager: EntityManager): Promise<Map<string, OrganizationFact>> {
  const rows: Array<Pick<OrganizationsRow, 'id' | 'name' | 'kind' | 'sector'>> = await manager.query(
    `SELECT id, name, kind, sector FROM organizations`,
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        name: row.name,
        kind: oneOf(ORGANIZATION_KINDS, row.kind, 'organizations.kind'),
        sector: oneOfOrNull(COFINANCIER_SECTORS, row.sector, 'organizations.sector'),
      },
    ]),
  );
}

/** A portfolio fact with what the register, IATI and the funnel read beside it. */
export interface PortfolioFactRecord extends PortfolioApplicationFact {
  /** When the committee decided (approved or rejected), or `null`. */
  decidedAt: string | null;
  /** Financial close (`approved → financed`), or `null`. */
  financedAt: string | null;
}

/** The row `loadPortfolioFacts` selects: the application's columns and the IC assessment's expected loss. */
type PortfolioFactRow = Pick<
  ApplicationsRow,
  | 'id'
  | 'reference'
  | 'stage'
  | 'organization_id'
  | 'input'
  | 'financing'
  | 'category'
  | 'proposed_category'
  | 'stage_entered_at'
  | 'decided_at'
  | 'repaid_usd'
  | 'disbursed_usd'
  | 'financed_at'
> & { expected_loss: PortfolioApplicationFact['expectedLoss'] };

/**
 * Every application past the draft as the portfolio arithmetic sees it (portfolio.md): the FORGE amount and
 * instrument (financing structure, else requested), the confirmed category (else the proposed one), the
 * expected loss of the assessment the committee was given (the IC pack's), repayments and co-financing lines.
 */
export async function loadPortfolioFacts(manager: EntityManager): Promise<PortfolioFactRecord[]> {
  const rows: PortfolioFactRow[] = await manager.query(
    `SELECT a.id, a.reference, a.stage, a.organization_id, a.input, a.financing, a.category,
            a.proposed_category, a.stage_entered_at, a.decided_at,
            ra.result -> 'expectedLoss' AS expected_loss,
            a.repaid_usd, a.disbursed_usd, a.financed_at
       FROM applications a
       LEFT JOIN risk_assessments ra ON ra.id = a.ic_assessment_id
      WHERE a.stage <> 'draft'
      ORDER BY a.reference`,
  );
  const lines = await listCofinancingLines(manager);
  return rows.map((row): PortfolioFactRecord => {
    // Past draft: the submit guard checked the input (a draft withdrawn unsubmitted keeps its partial input and
    // stays `outside` the portfolio).
    const input = asSubmittedInput(row.input);
    const category = row.category ?? row.proposed_category;
    return {
      applicationId: row.id,
      reference: row.reference,
      stage: row.stage,
      organizationId: row.organization_id,
      country: input.country,
      mineral: input.mineral,
      valueChainSegment: input.valueChainSegment,
      requestedAmountUsd: Number(input.requestedAmountUsd),
      requestedInstrument: input.instrument,
      financing: row.financing
        ? { instrument: row.financing.instrument, amountUsd: Number(row.financing.amountUsd) }
        : null,
      category: oneOfOrNull(ES_CATEGORIES, category, 'applications.category'),
      stageEnteredAt: row.stage_entered_at.toISOString(),
      expectedLoss: row.expected_loss
        ? { grossBp: row.expected_loss.grossBp, residualBp: row.expected_loss.residualBp }
        : null,
      repaidUsd: Number(row.repaid_usd),
      disbursedUsd: Number(row.disbursed_usd),
      cofinancing: lines.get(row.id) ?? [],
      decidedAt: row.decided_at?.toISOString() ?? null,
      financedAt: row.financed_at?.toISOString() ?? null,
    };
  });
}

/** A stored portfolio policy version (portfolio_policies). */
export interface PortfolioPolicyRecord {
  id: string;
  policy: string;
  version: string;
  /** As written; `parsePortfolioPolicy` reads it back (libs/application) before anything relies on it. */
  params: PortfolioPolicyParams;
  paramsHash: string;
  status: PolicyProposalStatus;
  active: boolean;
  builtIn: boolean;
  proposedBy: string | null;
  proposedAt: string;
  rationale: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  activatedAt: string | null;
}

function toPolicy(row: PortfolioPoliciesRow): PortfolioPolicyRecord {
  return {
    id: row.id,
    policy: row.policy,
    version: row.version,
    params: row.params,
    paramsHash: row.params_hash.trim(),
    status: oneOf(POLICY_PROPOSAL_STATUSES, row.status, 'portfolio_policies.status'),
    active: row.active,
    builtIn: row.built_in,
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at.toISOString(),
    rationale: row.rationale,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionNote: row.decision_note,
    activatedAt: row.activated_at?.toISOString() ?? null,
  };
}

/** Every stored policy version, oldest first (`lock`: FOR UPDATE, for the four-eyes commands). */
export async function listPortfolioPolicies(
  manager: EntityManager,
  options: { lock?: boolean } = {},
): Promise<PortfolioPolicyRecord[]> {
  const rows: PortfolioPoliciesRow[] = await manager.query(
    `SELECT * FROM portfolio_policies ORDER BY proposed_at, id${options.lock ? ' FOR UPDATE' : ''}`,
  );
  return rows.map(toPolicy);
}

export async function insertPortfolioPolicy(
  manager: EntityManager,
  record: Omit<PortfolioPolicyRecord, 'decidedBy' | 'decidedAt' | 'decisionNote' | 'activatedAt'> & {
    activatedAt?: string | null;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO portfolio_policies (id, policy, version, params, params_hash, status, active, built_in,
       proposed_by, proposed_at, rationale, activated_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      record.id,
      record.policy,
      record.version,
      JSON.stringify(record.params),
      record.paramsHash,
      record.status,
      record.active,
      record.builtIn,
      record.proposedBy,
      record.proposedAt,
      record.rationale,
      record.activatedAt ?? null,
    ],
  );
}

/** Records the second admin's decision; an approval deactivates the previous version and activates this one. */
export async function decidePortfolioPolicy(
  manager: EntityManager,
  id: string,
  decision: { status: 'approved' | 'rejected'; decidedBy: string; note: string | null; now: Date },
): Promise<void> {
  if (decision.status === 'approved') {
    await manager.query(`UPDATE portfolio_policies SET active = false WHERE active`);
  }
  await manager.query(
    `UPDATE portfolio_policies SET status = $2, decided_by = $3, decided_at = $4::timestamptz, decision_note = $5,
            active = $6::boolean, activated_at = CASE WHEN $6::boolean THEN $4::timestamptz ELSE NULL END
      WHERE id = $1`,
    [id, decision.status, decision.decidedBy, decision.now, decision.note, decision.status === 'approved'],
  );
}

/** The columns the package readers select. */
type PackageRow = Omit<DisclosurePackagesRow, 'id'>;

function toPackage(row: PackageRow): DisclosurePackage {
  return {
    applicationId: row.application_id,
    version: row.version,
    disclosedAt: row.disclosed_at.toISOString(),
    disclosedBy: row.disclosed_by,
    content: row.content,
    contentHash: row.content_hash.trim(),
  };
}

/** Every version of an application's disclosure package, oldest first. */
export async function listDisclosurePackages(
  manager: EntityManager,
  applicationId: string,
): Promise<DisclosurePackage[]> {
  const rows: PackageRow[] = await manager.query(
    `SELECT application_id, version, disclosed_at, disclosed_by, content, content_hash
       FROM disclosure_packages WHERE application_id = $1 ORDER BY version`,
    [applicationId],
  );
  return rows.map(toPackage);
}

/** Every package version of every disclosed application, by application id (the public register). */
export async function listAllDisclosurePackages(
  manager: EntityManager,
  options: { reference?: string } = {},
): Promise<Map<string, DisclosurePackage[]>> {
  const rows: PackageRow[] = await manager.query(
    `SELECT p.application_id, p.version, p.disclosed_at, p.disclosed_by, p.content, p.content_hash
       FROM disclosure_packages p
       ${options.reference === undefined ? '' : 'JOIN applications a ON a.id = p.application_id WHERE a.reference = $1'}
      ORDER BY p.application_id, p.version`,
    options.reference === undefined ? [] : [options.reference],
  );
  const byApplication = new Map<string, DisclosurePackage[]>();
  for (const row of rows) {
    const p = toPackage(row);
    byApplication.set(p.applicationId, [...(byApplication.get(p.applicationId) ?? []), p]);
  }
  return byApplication;
}

/** Appends a package version (the table is append-only; UNIQUE (application, version) refuses a race). */
export async function insertDisclosurePackage(
  manager: EntityManager,
  id: string,
  p: DisclosurePackage,
): Promise<void> {
  await manager.query(
    `INSERT INTO disclosure_packages (id, application_id, version, disclosed_at, disclosed_by, content, content_hash)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
    [id, p.applicationId, p.version, p.disclosedAt, p.disclosedBy, JSON.stringify(p.content), p.contentHash],
  );
}
