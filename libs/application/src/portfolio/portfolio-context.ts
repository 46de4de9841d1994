import { type EntityManager } from 'typeorm';
import { type AppConfig } from '@forge/config';
import {
  DEFAULT_PORTFOLIO_POLICY,
  parsePortfolioPolicy,
  portfolioPolicyHash,
  type CountriesSnapshot,
  type OrganizationFact,
  type PortfolioPolicyParams,
} from '@forge/domain';
import {
  activeReferenceSnapshot,
  listPortfolioPolicies,
  loadOrganizationFacts,
  loadPortfolioFacts,
  type PortfolioFactRecord,
} from '@forge/persistence';

/** What every portfolio figure is computed from, read in one transaction (or one read). */
export interface PortfolioContext {
  facts: PortfolioFactRecord[];
  organizations: Map<string, OrganizationFact>;
  policy: PortfolioPolicyParams;
  countries: CountriesSnapshot | null;
  envelopeUsd: number;
}

/**
 * The active portfolio policy: the stored version a second admin approved last, else the built-in
 * FORGE-PP 1.0.0. A stored version whose parameters no longer hash to what was approved is refused
 * (fail closed): `PORTFOLIO.POLICY_TAMPERED`, a 500 the operators must look at.
 */
export async function activePortfolioPolicy(manager: EntityManager): Promise<PortfolioPolicyParams> {
  const active = (await listPortfolioPolicies(manager)).find((p) => p.active);
  if (active === undefined) return DEFAULT_PORTFOLIO_POLICY;
  const params = parsePortfolioPolicy(active.params);
  if (portfolioPolicyHash(params) !== active.paramsHash) {
    throw new Error(
      `portfolio policy ${active.policy} ${active.version}: stored parameters do not match their hash`,
    );
  }
  return params;
}

export async function loadPortfolioContext(
  manager: EntityManager,
  config: AppConfig,
): Promise<PortfolioContext> {
  // One after the other: inside a transaction they share one connection.
  const facts = await loadPortfolioFacts(manager);
  const organizations = await loadOrganizationFacts(manager);
  const policy = await activePortfolioPolicy(manager);
  const countries = await activeReferenceSnapshot(manager, 'countries');
  return {
    facts,
    organizations,
    policy,
    countries: countries === null ? null : { content: countries.content, sha256: countries.sha256 },
    envelopeUsd: config.portfolio.envelopeUsd,
  };
}
