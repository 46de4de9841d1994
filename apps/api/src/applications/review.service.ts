import { Inject, Injectable } from '@nestjs/common';
import { ReviewCommands } from '@forge/application';
import { type CofinancingStatus, type FinancingStructure, type Instrument } from '@forge/domain';
import { type AuthenticatedUser, toActor } from '../auth/authenticated-user.js';
import { toPlain } from './application-input.js';
import { ApplicationsService } from './applications.service.js';
import { type ApplicationView } from './application.presenter.js';
import { type SponsorApplicationView } from './sponsor-view.presenter.js';
import {
  type AnswerInformationRequestDto,
  type CategoryDto,
  type FinancingDto,
  type ResolveCheckDto,
  type ScreeningDispositionDto,
} from './dto/index.js';

/** HTTP ↔ use cases for officer review (information requests, checks, dispositions, category, financing). */
@Injectable()
export class ReviewService {
  constructor(
    @Inject(ReviewCommands) private readonly review: ReviewCommands,
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
  ) {}

  openInformationRequest(user: AuthenticatedUser, id: string, question: string) {
    return this.review.openInformationRequest(toActor(user), id, question);
  }

  async answerInformationRequest(
    user: AuthenticatedUser,
    id: string,
    requestId: string,
    dto: AnswerInformationRequestDto,
  ): Promise<SponsorApplicationView> {
    const amendments = dto.amendments ? (toPlain(dto.amendments) as Record<string, unknown>) : null;
    return this.applications.presentSponsor(
      await this.review.answerInformationRequest(toActor(user), id, requestId, {
        answer: dto.answer,
        documentIds: dto.documentIds,
        amendments,
      }),
    );
  }

  async resolveCheck(
    user: AuthenticatedUser,
    id: string,
    code: string,
    dto: ResolveCheckDto,
    expectedVersion: number | undefined,
  ): Promise<ApplicationView> {
    return this.applications.present(
      await this.review.resolveCheck(
        toActor(user),
        id,
        code,
        { outcome: dto.outcome, note: dto.note },
        expectedVersion,
      ),
    );
  }

  async recordDisposition(
    user: AuthenticatedUser,
    id: string,
    dto: ScreeningDispositionDto,
    expectedVersion: number | undefined,
  ): Promise<ApplicationView> {
    return this.applications.present(
      await this.review.recordDisposition(
        toActor(user),
        id,
        { partyName: dto.partyName, disposition: dto.disposition, note: dto.note },
        expectedVersion,
      ),
    );
  }

  async setCategory(
    user: AuthenticatedUser,
    id: string,
    dto: CategoryDto,
    expectedVersion: number | undefined,
  ): Promise<ApplicationView> {
    return this.applications.present(
      await this.review.setCategory(toActor(user), id, dto.category, dto.rationale, expectedVersion),
    );
  }

  async setFinancing(
    user: AuthenticatedUser,
    id: string,
    dto: FinancingDto,
    expectedVersion: number | undefined,
  ): Promise<ApplicationView> {
    const financing = {
      instrument: dto.instrument,
      amountUsd: dto.amountUsd,
      tenorYears: dto.tenorYears,
      mitigants: toPlain(dto.mitigants),
      conditionsPrecedent: dto.conditionsPrecedent,
    } as FinancingStructure;
    return this.applications.present(
      await this.review.setFinancing(
        toActor(user),
        id,
        financing,
        expectedVersion,
        dto.cofinancing?.map((line) => ({
          organizationId: line.organizationId,
          instrument: line.instrument as Instrument,
          amountUsd: line.amountUsd,
          status: line.status as CofinancingStatus,
        })),
        { tranches: dto.tranches ? toPlain(dto.tranches) : undefined, covenants: dto.covenants },
      ),
    );
  }
}
