import { Module } from '@nestjs/common';
import { ApplicationCommandRunner } from './application-command.runner.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';

/** Applications and the pipeline: intake, stages, maker-checker, committee, documents (issue: pipeline). */
@Module({
  controllers: [ApplicationsController],
  providers: [ApplicationCommandRunner, ApplicationsService],
})
export class ApplicationsModule {}
