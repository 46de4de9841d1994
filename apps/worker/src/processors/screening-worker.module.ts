import { Module } from '@nestjs/common';
import { ReferenceDataLoader } from '@forge/application';
import { ScreeningProcessor } from './screening.processor.js';

/** The screening job (issue: screening and checks); loads the bundled reference data on start. */
@Module({
  providers: [ReferenceDataLoader, ScreeningProcessor],
})
export class ScreeningWorkerModule {}
