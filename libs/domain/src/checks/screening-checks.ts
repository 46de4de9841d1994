import type { ApplicationInput } from '../application/application-input.js';
import { DomainError } from '../errors/domain-error.js';
import { findCountry, type CountriesSnapshot, type MineralsSnapshot } from '../reference/reference-data.js';
import type { ScreeningResult } from '../screening/ownership-screening.js';
import { automatedCheck, CHECK_CODES, type AutomatedCheck } from './check-codes.js';

export const DEFAULT_MIN_TICKET_USD = 5_000_000;
export const DEFAULT_MAX_TICKET_USD = 1_000_000_000;
/** Equator Principles EP4: project finance with total capital costs of US$10 million or more. */
export const EQUATOR_CAPEX_THRESHOLD_USD = 10_000_000;

export interface ScreeningCheckParams {
  /** `MIN_TICKET_USD`, integer US dollars (default 5,000,000). */
  minTicketUsd?: number;
  /** `MAX_TICKET_USD`, integer US dollars (default 1,000,000,000). */
  maxTicketUsd?: number;
}

export interface ScreeningChecksArgs {
  input: Pick<
    ApplicationInput,
    'applicantType' | 'country' | 'mineral' | 'capexUsd' | 'requestedAmountUsd' | 'instrument'
  >;
  countries: CountriesSnapshot;
  minerals: MineralsSnapshot;
  screening: ScreeningResult;
  params?: ScreeningCheckParams;
}

export type TicketProblem = 'below_min_ticket' | 'above_max_ticket' | 'above_capex';

/**
 * "Project finance" for ELIG.EQUATOR: an application of `applicantType` `project` (whatever
 * the instrument). checks.md does not define it further; reading it broadly means EP7's
 * independent review is asked for more often, never less.
 */
export function isProjectFinance(input: Pick<ApplicationInput, 'applicantType'>): boolean {
  return input.applicantType === 'project';
}

/** Whether the Equator Principles apply (project finance with capex ≥ US$10 million). */
export function equatorApplies(input: Pick<ApplicationInput, 'applicantType' | 'capexUsd'>): boolean {
  return isProjectFinance(input) && input.capexUsd >= EQUATOR_CAPEX_THRESHOLD_USD;
}

function ticketParams(params: ScreeningCheckParams | undefined): { min: number; max: number } {
  const min = params?.minTicketUsd ?? DEFAULT_MIN_TICKET_USD;
  const max = params?.maxTicketUsd ?? DEFAULT_MAX_TICKET_USD;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 0 || min > max) {
    throw new DomainError(
      'CHECKS.INVALID_PARAMS',
      `ticket limits must be integers with 0 ≤ MIN_TICKET_USD ≤ MAX_TICKET_USD (got ${min}, ${max})`,
    );
  }
  return { min, max };
}

/**
 * The automated checks of the screening stage (checks.md), in table order:
 * ELIG.COUNTRY, ELIG.MINERAL, ELIG.TICKET, ELIG.EQUATOR, SANCTIONS.PARTIES.
 * Reference snapshot hashes and the sanctions list hash are recorded in `detail`.
 */
export function evaluateScreeningChecks(args: ScreeningChecksArgs): AutomatedCheck[] {
  const { input, countries, minerals, screening } = args;
  const { min, max } = ticketParams(args.params);

  const country = findCountry(countries.content, input.country);
  const countryCheck = automatedCheck(
    CHECK_CODES.ELIG_COUNTRY,
    country?.fundEligible === true ? 'pass' : 'fail',
    { country: input.country, listed: country !== undefined, fundEligible: country?.fundEligible ?? false },
    { countriesSha256: countries.sha256 },
  );

  const listed = minerals.content.minerals.includes(input.mineral);
  const mineralCheck = automatedCheck(
    CHECK_CODES.ELIG_MINERAL,
    listed ? 'pass' : 'fail',
    { mineral: input.mineral, listed },
    { mineralsSha256: minerals.sha256 },
  );

  const problems: TicketProblem[] = [];
  if (input.requestedAmountUsd < min) problems.push('below_min_ticket');
  if (input.requestedAmountUsd > max) problems.push('above_max_ticket');
  if (input.requestedAmountUsd > input.capexUsd) problems.push('above_capex');
  const ticketCheck = automatedCheck(CHECK_CODES.ELIG_TICKET, problems.length === 0 ? 'pass' : 'fail', {
    requestedAmountUsd: input.requestedAmountUsd,
    capexUsd: input.capexUsd,
    minTicketUsd: min,
    maxTicketUsd: max,
    problems,
  });

  const applies = equatorApplies(input);
  const equatorCheck = automatedCheck(CHECK_CODES.ELIG_EQUATOR, 'pass', {
    applies,
    projectFinance: isProjectFinance(input),
    capexUsd: input.capexUsd,
    thresholdUsd: EQUATOR_CAPEX_THRESHOLD_USD,
    categoryANeedsIndependentReview: applies,
  });

  const hits = screening.parties
    .filter((p) => p.result !== 'clear')
    .map((p) => ({
      name: p.name,
      path: p.path,
      effectivePct: p.effectivePct,
      result: p.result,
      matchedName: p.matchedName,
      similarity: p.similarity,
      disposition: p.disposition,
    }));
  const sanctionsCheck = automatedCheck(
    CHECK_CODES.SANCTIONS_PARTIES,
    screening.result === 'blocked' ? 'fail' : screening.result === 'review' ? 'needs_review' : 'pass',
    // The list hash is not an input: a new list giving the same hits keeps an officer's resolution.
    { result: screening.result, blockedOwnershipPct: screening.blockedOwnershipPct, hits },
    // The look-through share is for information: it decides nothing, so it is not an input either.
    {
      listSha256: screening.listSha256,
      partiesScreened: screening.parties.length,
      lookThroughPct: screening.lookThroughPct,
    },
  );

  return [countryCheck, mineralCheck, ticketCheck, equatorCheck, sanctionsCheck];
}
