import { Module } from '@nestjs/common';
import { PortfolioController } from './portfolio.controller.js';

/** The fund as a whole (issue 15): portfolio view and exposures. */
@Module({ controllers: [PortfolioController] })
export class PortfolioModule {}
