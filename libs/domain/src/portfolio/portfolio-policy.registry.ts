import { DomainError } from '../errors/domain-error.js';
import { FORGE_PP_1_0_0 } from './forge-pp-1-0-0.params.js';
import type { PortfolioPolicyParams } from './portfolio-policy.js';

/**
 * The policy versions the product ships with, oldest first. Later versions are proposed by an admin
 * and approved by another (stored as data, validated by `parsePortfolioPolicy`); the one active is
 * persisted state, FORGE-PP 1.0.0 until a second admin approves another.
 */
export const PORTFOLIO_POLICIES: readonly PortfolioPolicyParams[] = Object.freeze([FORGE_PP_1_0_0]);

/** The policy active when nothing else has been approved. */
export const DEFAULT_PORTFOLIO_POLICY: PortfolioPolicyParams = FORGE_PP_1_0_0;

/** A built-in version; unknown → `PORTFOLIO.UNKNOWN_POLICY`. */
export function builtInPortfolioPolicy(version: string): PortfolioPolicyParams {
  const params = PORTFOLIO_POLICIES.find((p) => p.version === version);
  if (params === undefined) {
    throw new DomainError('PORTFOLIO.UNKNOWN_POLICY', `no built-in portfolio policy version ${version}`, [
      {
        field: 'version',
        message: `built-in versions: ${PORTFOLIO_POLICIES.map((p) => p.version).join(', ')}`,
      },
    ]);
  }
  return params;
}
