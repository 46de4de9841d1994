import { Module } from '@nestjs/common';
import { ReferenceDataLoader } from '@forge/persistence';

/** The screening job (issue: screening and checks). */
@Module({
  providers: [ReferenceDataLoader],
})
export class ScreeningWorkerModule {}
