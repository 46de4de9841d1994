import { Module } from '@nestjs/common';
import { ReferenceDataLoader } from '@forge/persistence';
import { ReferenceController } from './reference.controller.js';
import { ReferenceService } from './reference.service.js';
import { SanctionsUploadBodyLimit } from './upload-body-limit.provider.js';

/** Reference data and sanctions lists (issue: screening and checks). */
@Module({
  controllers: [ReferenceController],
  providers: [ReferenceDataLoader, ReferenceService, SanctionsUploadBodyLimit],
})
export class ReferenceModule {}
