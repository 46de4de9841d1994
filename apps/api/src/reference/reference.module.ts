import { Module } from '@nestjs/common';
import { ReferenceDataLoader } from '@forge/persistence';

/** Reference data and sanctions lists (issue: screening and checks). */
@Module({
  providers: [ReferenceDataLoader],
})
export class ReferenceModule {}
