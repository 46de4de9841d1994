import { Module } from '@nestjs/common';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';
import { ApprovalsController } from './approvals.controller.js';
import { ApprovalsService } from './approvals.service.js';
import { CommitteeController } from './committee.controller.js';
import { CommitteeService } from './committee.service.js';
import { MultipartRegistration } from './document-storage.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { ReviewController } from './review.controller.js';
import { ReviewService } from './review.service.js';

/** Applications and the pipeline: intake, stages, maker-checker, committee, documents (issue: pipeline). */
@Module({
  controllers: [
    ApplicationsController,
    ReviewController,
    ApprovalsController,
    CommitteeController,
    DocumentsController,
  ],
  providers: [
    MultipartRegistration,
    DocumentsService,
    ApplicationsService,
    ReviewService,
    ApprovalsService,
    CommitteeService,
  ],
})
export class ApplicationsModule {}
