import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import {
  commitPartnerLine,
  COMMITTEE_ONWARD_STAGES,
  DomainError,
  hasRole,
  mobilisationRatioHundredths,
  privateDirectMobilisationUsd,
  STAFF_ROLES,
  validateCofinancingLines,
  type Actor,
  type CofinancingLine,
  type Instrument,
  type OrganizationFact,
} from '@forge/domain';
import {
  listCofinancingLines,
  loadOrganizationFacts,
  UnitOfWork,
  updateCofinancingStatus,
} from '@forge/persistence';
import { accessPredicateSql } from '../access/access-sql.js';
import { ApplicationAccess } from '../access/application-access.js';
import { ApplicationCommandRunner } from '../applications/application-command.runner.js';

/** Who reads co-financing: the fund's staff, and partners (their own organisation's lines, from committee on). */
export const COFINANCING_READERS = ['officer', 'committee', 'auditor', 'admin', 'partner'] as const;

/**
 * Who lists the cofinancier organisations (to name one on a co-financing line): the fund's staff. A partner
 * learns no other cofinancier's name (it reads only its own lines).
 */
export const COFINANCIER_LIST_READERS = STAFF_ROLES;

/** A cofinancier an officer can name on a co-financing line. */
export interface CofinancierOption {
  id: string;
  name: string;
  sector: OrganizationFact['sector'];
}

export interface CofinancingLineView extends CofinancingLine {
  organizationName: string;
  sector: 'public' | 'private' | null;
}

/** An application's co-financing as its readers see it: the lines, private direct mobilisation and the ratio. */
export interface CofinancingView {
  applicationId: string;
  reference: string;
  title: string;
  country: string;
  mineral: string;
  valueChainSegment: string;
  stage: string;
  forgeAmountUsd: number;
  instrument: Instrument;
  /** A partner sees its own organisation's lines only; staff see every line. */
  lines: CofinancingLineView[];
  /** Σ committed and signed lines of private cofinanciers (every line, whoever reads). */
  privateDirectMobilisationUsd: number;
  /** Hundredths: 56 = 0.56x (half-even). */
  mobilisationRatioHundredths: number;
}

/**
 * Problems of an officer's co-financing lines (400 `VALIDATION.FAILED` naming each): known cofinancier
 * organisations, instruments, positive amounts, statuses, one line per organisation and instrument.
 */
export async function assertCofinancingLines(
  manager: EntityManager,
  lines: readonly CofinancingLine[],
): Promise<void> {
  const problems = validateCofinancingLines(lines, await loadOrganizationFacts(manager));
  if (problems.length > 0) {
    throw new DomainError('VALIDATION.FAILED', 'The co-financing lines are not valid', problems);
  }
}

interface ApplicationRow {
  id: string;
  reference: string;
  stage: string;
  input: Record<string, unknown>;
  financing: { amountUsd: number; instrument: Instrument } | null;
}

function present(
  actor: Actor,
  row: ApplicationRow,
  lines: readonly CofinancingLine[],
  organizations: ReadonlyMap<string, OrganizationFact>,
): CofinancingView {
  const input = row.input as {
    title: string;
    country: string;
    mineral: string;
    valueChainSegment: string;
    requestedAmountUsd: number;
    instrument: Instrument;
  };
  const forge = Number(row.financing?.amountUsd ?? input.requestedAmountUsd);
  const mobilised = privateDirectMobilisationUsd(lines, organizations);
  const staff = actor.roles.some((role) => role !== 'partner' && role !== 'sponsor');
  const visible = staff ? lines : lines.filter((line) => line.organizationId === actor.organizationId);
  return {
    applicationId: row.id,
    reference: row.reference,
    title: input.title,
    country: input.country,
    mineral: input.mineral,
    valueChainSegment: input.valueChainSegment,
    stage: row.stage,
    forgeAmountUsd: forge,
    instrument: row.financing?.instrument ?? input.instrument,
    lines: visible.map((line) => ({
      ...line,
      organizationName: organizations.get(line.organizationId)?.name ?? '',
      sector: organizations.get(line.organizationId)?.sector ?? null,
    })),
    privateDirectMobilisationUsd: mobilised,
    mobilisationRatioHundredths: mobilisationRatioHundredths(mobilised, forge),
  };
}

const ROW_COLUMNS = `a.id, a.reference, a.stage, a.input, a.financing`;

/**
 * Co-financing (portfolio.md "Co-financing and mobilisation"): what staff and partners read, and the one move a
 * partner makes, its own line from `indicated` to `committed` (one transaction, one audit event
 * `cofinancing.committed`). A partner reaches only the applications its organisation co-finances from committee on
 * (the one read rule: 404 elsewhere); the officer records the lines with the financing structure.
 */
@Injectable()
export class CofinancingCommands {
  constructor(
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(ApplicationAccess) private readonly access: ApplicationAccess,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
  ) {}

  /** One application's co-financing (404 for whoever may not read it). */
  view(actor: Actor, applicationId: string): Promise<CofinancingView> {
    return this.unitOfWork.read(async (manager) => {
      await this.access.requireReadable(actor, { kind: 'application', id: applicationId }, manager);
      const [row]: ApplicationRow[] = await manager.query(
        `SELECT ${ROW_COLUMNS} FROM applications a WHERE a.id = $1`,
        [applicationId],
      );
      const lines = (await listCofinancingLines(manager, applicationId)).get(applicationId) ?? [];
      return present(actor, row!, lines, await loadOrganizationFacts(manager));
    });
  }

  /** The cofinancier organisations, by name (what an officer picks from when recording co-financing lines). */
  cofinanciers(): Promise<CofinancierOption[]> {
    return this.unitOfWork.read(async (manager) =>
      [...(await loadOrganizationFacts(manager)).values()]
        .filter((organization) => organization.kind === 'cofinancier')
        .map(({ id, name, sector }) => ({ id, name, sector }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    );
  }

  /**
   * Every co-financed application the actor may read (a partner: those its organisation co-finances, from
   * committee on), by reference.
   */
  list(actor: Actor): Promise<CofinancingView[]> {
    return this.unitOfWork.read(async (manager) => {
      const params: unknown[] = [];
      const predicate = accessPredicateSql(actor, params);
      const rows: ApplicationRow[] = await manager.query(
        `SELECT ${ROW_COLUMNS} FROM applications a
          WHERE EXISTS (SELECT 1 FROM cofinancing_lines l WHERE l.application_id = a.id) AND ${predicate}
          ORDER BY a.reference LIMIT 500`,
        params,
      );
      const lines = await listCofinancingLines(manager);
      const organizations = await loadOrganizationFacts(manager);
      return rows.map((row) => present(actor, row, lines.get(row.id) ?? [], organizations));
    });
  }

  /** The partner commits its organisation's `indicated` line of `instrument`. */
  commit(actor: Actor, applicationId: string, instrument: Instrument): Promise<CofinancingView> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      if (!hasRole(actor, 'partner') || actor.organizationId === null) {
        throw new DomainError('AUTH.FORBIDDEN', 'a partner commits its own organisation’s line');
      }
      if (!(COMMITTEE_ONWARD_STAGES as readonly string[]).includes(ctx.state.stage)) {
        throw new DomainError(
          'APPLICATION.INVALID_TRANSITION',
          'co-financing is committed from committee on',
        );
      }
      const lines = (await listCofinancingLines(ctx.manager, applicationId)).get(applicationId) ?? [];
      const next = commitPartnerLine(lines, actor.organizationId, instrument);
      await updateCofinancingStatus(
        ctx.manager,
        applicationId,
        { organizationId: actor.organizationId, instrument, status: 'committed' },
        ctx.now,
      );
      const line = next.find(
        (l) => l.organizationId === actor.organizationId && l.instrument === instrument,
      )!;
      await this.runner.commit(
        ctx,
        {},
        {
          role: 'partner',
          action: 'cofinancing.committed',
          subject: { type: 'cofinancing_line', id: `${applicationId}/${actor.organizationId}/${instrument}` },
          before: { status: 'indicated' },
          after: { status: 'committed', amountUsd: line.amountUsd, instrument },
          context: { organizationId: actor.organizationId },
        },
      );
      const app = ctx.aggregate.application;
      return present(
        actor,
        {
          id: app.id,
          reference: app.reference,
          stage: app.stage,
          input: app.input,
          financing: app.financing,
        },
        next,
        await loadOrganizationFacts(ctx.manager),
      );
    });
  }
}
