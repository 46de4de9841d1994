import { Module } from '@nestjs/common';
import { ReferenceDataLoader } from '@forge/application';
import { ReferenceController } from './reference.controller.js';
import { SanctionsUploadBodyLimit } from './upload-body-limit.provider.js';

/** Reference data and sanctions lists (issue: screening and checks). */
@Module({
  controllers: [ReferenceController],
  providers: [ReferenceDataLoader, SanctionsUploadBodyLimit],
})
export class ReferenceModule {}
