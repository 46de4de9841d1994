import { Inject, Injectable } from '@nestjs/common';
import { type Actor, type ApprovalItem, type ApprovalStatus } from '@forge/domain';
import { listApprovals, UnitOfWork } from '@forge/persistence';
import { accessPredicateSql } from '../access/access-sql.js';

/** The maker-checker inbox, under the read rule of each item's application. */
@Injectable()
export class ApprovalQueries {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  /** Items of a status, oldest first, with their application's reference. */
  list(
    actor: Actor,
    filter: { status: ApprovalStatus; applicationId?: string; limit: number },
  ): Promise<Array<ApprovalItem & { applicationReference: string }>> {
    return this.unitOfWork.read((manager) =>
      listApprovals(
        manager,
        (params) =>
          accessPredicateSql(actor, params, {
            id: 'app.id',
            organizationId: 'app.organization_id',
            stage: 'app.stage',
            committeeRound: 'app.committee_round',
          }),
        filter,
      ),
    );
  }
}
