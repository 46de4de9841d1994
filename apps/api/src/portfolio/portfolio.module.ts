import { Module } from '@nestjs/common';
import { CofinancingController } from './cofinancing.controller.js';
import { DisclosureController } from './disclosure.controller.js';
import { PortfolioController } from './portfolio.controller.js';
import { PortfolioPolicyController } from './policy.controller.js';
import { PublicController } from './public.controller.js';

/** The fund as a whole (issue 15): portfolio view and exposures, disclosure, the public register and IATI. */
@Module({
  controllers: [
    PortfolioController,
    DisclosureController,
    PublicController,
    CofinancingController,
    PortfolioPolicyController,
  ],
})
export class PortfolioModule {}
