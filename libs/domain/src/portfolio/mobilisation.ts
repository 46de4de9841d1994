import { INSTRUMENTS, type Instrument } from '../application/application-input.js';
import { isOneOf } from '../canonical/one-of.js';
import { DomainError, type DomainErrorDetail } from '../errors/domain-error.js';
import { roundHalfEven } from '../scoring/round-half-even.js';
import { evaluateAccess, READ_ACCESS } from '../pipeline/read-access.js';
import { COMMITTEE_ONWARD_STAGES, isStage } from '../pipeline/stages.js';
import {
  COFINANCIER_SECTORS,
  COFINANCING_STATUSES,
  MOBILISED_STATUSES,
  ORGANIZATION_KINDS,
  type CofinancingLine,
  type OrganizationFact,
  type OrganizationKind,
} from './cofinancing.js';
import { forgeAmountUsd, inBook, type PortfolioApplicationFact } from './portfolio-facts.js';

/** The problems of an organisation's kind and sector (empty when consistent). */
export function validateOrganizationKind(kind: unknown, sector: unknown): DomainErrorDetail[] {
  if (!isOneOf(ORGANIZATION_KINDS, kind)) {
    return [{ field: 'kind', message: `one of ${ORGANIZATION_KINDS.join(', ')}` }];
  }
  if (kind === 'cofinancier') {
    return isOneOf(COFINANCIER_SECTORS, sector)
      ? []
      : [{ field: 'sector', message: 'a cofinancier is public or private' }];
  }
  return sector === null || sector === undefined
    ? []
    : [{ field: 'sector', message: `only a cofinancier has a sector, not a ${String(kind)}` }];
}

/**
 * The organisation a user's role belongs to must be of the matching kind (portfolio.md "Co-financing and
 * mobilisation": a `partner` is a user of a `cofinancier` organisation). Empty when it fits; otherwise one
 * problem on `organizationId` (400 `VALIDATION.FAILED`, as every other role/organisation mismatch).
 */
export function roleOrganizationKindProblems(
  roles: readonly string[],
  kind: OrganizationKind,
): DomainErrorDetail[] {
  return roles.includes('partner') && kind !== 'cofinancier'
    ? [
        {
          field: 'organizationId',
          message: `a partner user belongs to a cofinancier organisation, not a ${kind}`,
        },
      ]
    : [];
}

/**
 * The problems of the co-financing lines of a financing structure (empty when valid): each line
 * names a known cofinancier organisation, a known instrument, a positive integer amount and a
 * status; at most one line per organisation and instrument. `organizations` holds every
 * organisation the lines name (missing ones are problems).
 */
export function validateCofinancingLines(
  lines: readonly CofinancingLine[],
  organizations: ReadonlyMap<string, OrganizationFact>,
): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const at = `cofinancing[${i}]`;
    const organization = organizations.get(line.organizationId);
    if (organization === undefined)
      problems.push({ field: `${at}.organizationId`, message: 'unknown organisation' });
    else if (organization.kind !== 'cofinancier') {
      problems.push({
        field: `${at}.organizationId`,
        message: `${organization.name} is a ${organization.kind}, not a cofinancier`,
      });
    }
    if (!(INSTRUMENTS as readonly string[]).includes(line.instrument)) {
      problems.push({ field: `${at}.instrument`, message: `one of ${INSTRUMENTS.join(', ')}` });
    }
    if (!Number.isSafeInteger(line.amountUsd) || line.amountUsd <= 0) {
      problems.push({ field: `${at}.amountUsd`, message: 'a positive integer of US dollars' });
    }
    if (!(COFINANCING_STATUSES as readonly string[]).includes(line.status)) {
      problems.push({ field: `${at}.status`, message: `one of ${COFINANCING_STATUSES.join(', ')}` });
    }
    const key = `${line.organizationId} ${line.instrument}`;
    if (seen.has(key)) {
      problems.push({ field: at, message: 'one line per organisation and instrument' });
    }
    seen.add(key);
  });
  return problems;
}

/**
 * Private direct mobilisation of one application: Σ of the `committed` and `signed` lines of
 * private cofinanciers (integer US dollars). Lines of unknown organisations count nowhere.
 */
export function privateDirectMobilisationUsd(
  lines: readonly CofinancingLine[],
  organizations: ReadonlyMap<string, OrganizationFact>,
): number {
  let total = 0;
  for (const line of lines) {
    const organization = organizations.get(line.organizationId);
    if (
      organization?.kind === 'cofinancier' &&
      organization.sector === 'private' &&
      MOBILISED_STATUSES.includes(line.status)
    ) {
      total += line.amountUsd;
    }
  }
  return total;
}

/**
 * The mobilisation ratio in hundredths (1.25x = 125): private direct mobilisation ÷ FORGE amount,
 * rounded half-even; 0 when the FORGE amount is 0.
 */
export function mobilisationRatioHundredths(mobilisedUsd: number, forgeUsd: number): number {
  return forgeUsd === 0 ? 0 : roundHalfEven(BigInt(mobilisedUsd) * 100n, BigInt(forgeUsd));
}

export interface Mobilisation {
  privateDirectMobilisationUsd: number;
  forgeAmountUsd: number;
  /** Hundredths: 125 = 1.25x. */
  ratioHundredths: number;
}

/** Per application. */
export function applicationMobilisation(
  fact: PortfolioApplicationFact,
  organizations: ReadonlyMap<string, OrganizationFact>,
): Mobilisation {
  const mobilised = privateDirectMobilisationUsd(fact.cofinancing, organizations);
  const forge = forgeAmountUsd(fact);
  return {
    privateDirectMobilisationUsd: mobilised,
    forgeAmountUsd: forge,
    ratioHundredths: mobilisationRatioHundredths(mobilised, forge),
  };
}

/**
 * For the portfolio: over committed and financed applications, Σ private direct mobilisation ÷ Σ
 * FORGE amount (one division, rounded half-even).
 */
export function portfolioMobilisation(
  facts: readonly PortfolioApplicationFact[],
  organizations: ReadonlyMap<string, OrganizationFact>,
): Mobilisation {
  let mobilised = 0;
  let forge = 0;
  for (const fact of facts) {
    if (!inBook(fact)) continue;
    mobilised += privateDirectMobilisationUsd(fact.cofinancing, organizations);
    forge += forgeAmountUsd(fact);
  }
  return {
    privateDirectMobilisationUsd: mobilised,
    forgeAmountUsd: forge,
    ratioHundredths: mobilisationRatioHundredths(mobilised, forge),
  };
}

/** Stages from which a partner reads an application its organisation co-finances ("from committee on"). */
export const PARTNER_READABLE_STAGES: readonly string[] = COMMITTEE_ONWARD_STAGES;

/**
 * The partner rule (portfolio.md): a user of a cofinancier organisation reads an application only
 * when a co-financing line names that organisation and the application is in `committee` or later, or was closed
 * (rejected, withdrawn) after it reached the committee (`reachedCommittee`). Anything else is invisible (404, as for another organisation's application). It is the `partner` row of
 * `READ_ACCESS` (pipeline/read-access.ts), evaluated here for a partner alone.
 */
export function partnerMayRead(
  partnerOrganizationId: string | null,
  application: {
    stage: string;
    reachedCommittee: boolean;
    cofinancing: readonly Pick<CofinancingLine, 'organizationId'>[];
  },
): boolean {
  if (!isStage(application.stage)) return false;
  return evaluateAccess(
    READ_ACCESS.partner,
    { id: 'partner', roles: ['partner'], organizationId: partnerOrganizationId },
    {
      organizationId: '',
      stage: application.stage,
      reachedCommittee: application.reachedCommittee,
      cofinancierOrganizationIds: application.cofinancing.map((line) => line.organizationId),
    },
  );
}

/**
 * A partner moves its own organisation's line from `indicated` to `committed` (the only move a
 * partner makes). Returns the new lines; the line is named by its organisation and instrument.
 */
export function commitPartnerLine(
  lines: readonly CofinancingLine[],
  partnerOrganizationId: string,
  instrument: Instrument,
): CofinancingLine[] {
  const index = lines.findIndex(
    (line) => line.organizationId === partnerOrganizationId && line.instrument === instrument,
  );
  const line = lines[index];
  if (line === undefined) {
    throw new DomainError('COFINANCING.NOT_FOUND', 'your organisation has no such co-financing line', [
      { field: 'instrument', message: `no ${instrument} line of your organisation` },
    ]);
  }
  if (line.status !== 'indicated') {
    throw new DomainError('COFINANCING.INVALID_STATUS', `the line is already ${line.status}`, [
      { field: 'status', message: `only an indicated line can be committed (it is ${line.status})` },
    ]);
  }
  return lines.map((l, i) => (i === index ? { ...l, status: 'committed' } : l));
}
