import { Module } from '@nestjs/common';

/** Applications and the pipeline: intake, stages, maker-checker, committee, documents (issue: pipeline). */
@Module({})
export class ApplicationsModule {}
