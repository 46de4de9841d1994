import { Inject, Injectable } from '@nestjs/common';
import { ApprovalQueries, MakerChecker, ReviewCommands } from '@forge/application';
import { type ApprovalStatus, type PipelineRiskBand } from '@forge/domain';
import { type AuthenticatedUser, toActor } from '../auth/authenticated-user.js';
import { presentApproval } from './application.presenter.js';

/** HTTP ↔ use cases for the maker-checker inbox, decisions and the proposals that are not review commands. */
@Injectable()
export class ApprovalsService {
  constructor(
    @Inject(ApprovalQueries) private readonly approvals: ApprovalQueries,
    @Inject(MakerChecker) private readonly makerChecker: MakerChecker,
    @Inject(ReviewCommands) private readonly review: ReviewCommands,
  ) {}

  async list(
    user: AuthenticatedUser,
    status: ApprovalStatus,
    applicationId: string | undefined,
    limit: number,
  ) {
    const items = await this.approvals.list(toActor(user), { status, applicationId, limit });
    return { items: items.map(presentApproval) };
  }

  async decide(user: AuthenticatedUser, approvalId: string, decision: 'approve' | 'reject', note: string) {
    return presentApproval(await this.makerChecker.decide(toActor(user), approvalId, decision, note));
  }

  /** `POST /risk-assessments/:id/override`: a pending `risk.override` item (subject: the assessment id). */
  async requestRiskOverride(user: AuthenticatedUser, assessmentId: string, band: string, rationale: string) {
    return presentApproval(
      await this.review.requestRiskOverride(toActor(user), assessmentId, band as PipelineRiskBand, rationale),
    );
  }

  /** `POST /applications/:id/conditions/:cpId/satisfy`: a pending `condition.satisfy` item. */
  async requestConditionSatisfied(
    user: AuthenticatedUser,
    applicationId: string,
    conditionId: string,
    evidence: string,
    documentIds: string[],
  ) {
    return presentApproval(
      await this.review.requestConditionSatisfied(
        toActor(user),
        applicationId,
        conditionId,
        evidence,
        documentIds,
      ),
    );
  }
}
