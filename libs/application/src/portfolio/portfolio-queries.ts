import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import {
  buildPortfolioView,
  DomainError,
  exposureRecords,
  frameworkCountryCodes,
  holdsStaffRole,
  STAFF_ROLES,
  type Actor,
  type ExposureRecord,
  type PortfolioView,
} from '@forge/domain';
import { UnitOfWork } from '@forge/persistence';
import { Clock } from '../clock.js';
import { loadPortfolioContext } from './portfolio-context.js';

/** portfolio.md "Portfolio view": who may read the fund's figures: the fund's staff (never sponsors or partners). */
export const PORTFOLIO_READERS = STAFF_ROLES;

function requirePortfolioReader(actor: Actor): void {
  if (!holdsStaffRole(actor.roles)) {
    throw new DomainError(
      'AUTH.FORBIDDEN',
      'the portfolio is read by officers, the committee, auditors and admins',
    );
  }
}

/**
 * The fund as a whole, read in one snapshot (one REPEATABLE READ-like pass: a transaction, so the figures
 * add up even while decisions land): envelope, exposures against limits, funnel, category mix, framework
 * share, risk reduced, mobilisation, as of the clock.
 */
@Injectable()
export class PortfolioQueries {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  view(actor: Actor): Promise<PortfolioView> {
    requirePortfolioReader(actor);
    return this.unitOfWork.run(async (manager) => {
      const context = await loadPortfolioContext(manager, this.config);
      return buildPortfolioView({
        facts: context.facts,
        envelopeUsd: context.envelopeUsd,
        policy: context.policy,
        organizations: context.organizations,
        countries: context.countries,
        now: this.clock.now().toISOString(),
      });
    });
  }

  /** One record per committed or financed application (`GET /portfolio/exposures.csv`). */
  exposures(actor: Actor): Promise<ExposureRecord[]> {
    requirePortfolioReader(actor);
    return this.unitOfWork.run(async (manager) => {
      const context = await loadPortfolioContext(manager, this.config);
      return exposureRecords({
        facts: context.facts,
        envelopeUsd: context.envelopeUsd,
        organizations: context.organizations,
        frameworkCountries: frameworkCountryCodes(context.countries),
      });
    });
  }
}
