import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PORTFOLIO_READERS, PortfolioQueries } from '@forge/application';
import { EXPOSURE_COLUMNS } from '@forge/domain';
import { type AuthenticatedUser, CurrentUser, toActor } from '../auth/authenticated-user.js';
import { Allow } from '../auth/policy.decorators.js';
import { csvField } from '../audit/audit-trail.service.js';
import { PortfolioViewDto } from './portfolio.dto.js';

/** The fund as a whole (portfolio.md, issue 15). */
@ApiTags('portfolio')
@ApiBearerAuth()
@Controller('portfolio')
export class PortfolioController {
  constructor(@Inject(PortfolioQueries) private readonly portfolio: PortfolioQueries) {}

  @Get()
  @Allow(PORTFOLIO_READERS)
  @ApiOperation({
    summary:
      'Envelope (committed, financed, pipeline, available), exposures against limits, funnel, category mix, framework share, risk reduced, mobilisation',
  })
  @ApiOkResponse({ type: PortfolioViewDto })
  async view(@CurrentUser() user: AuthenticatedUser): Promise<PortfolioViewDto> {
    return this.portfolio.view(toActor(user));
  }

  @Get('exposures.csv')
  @Allow(PORTFOLIO_READERS)
  @ApiOperation({
    summary: 'One row per committed or financed application (docs/portfolio.md names the columns)',
  })
  @ApiOkResponse({
    description: `RFC 4180 CSV with a header line: ${EXPOSURE_COLUMNS.join(', ')}`,
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiResponse({
    status: 403,
    description: 'AUTH.FORBIDDEN: sponsors and partners do not read the portfolio',
  })
  async exposures(@CurrentUser() user: AuthenticatedUser, @Res() reply: FastifyReply): Promise<void> {
    const records = await this.portfolio.exposures(toActor(user));
    const lines = [
      EXPOSURE_COLUMNS.join(','),
      ...records.map((record) => EXPOSURE_COLUMNS.map((column) => csvField(record[column])).join(',')),
    ];
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="exposures.csv"')
      .header('cache-control', 'no-store')
      .send(`${lines.join('\r\n')}\r\n`);
  }
}
