import { Module } from '@nestjs/common';

/** The screening job (issue: screening and checks). */
@Module({})
export class ScreeningWorkerModule {}
