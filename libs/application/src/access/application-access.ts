import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import {
  canReadApplication,
  DomainError,
  type Actor,
  type ApplicationAccessFacts,
  type Stage,
} from '@forge/domain';
import {
  findApplicationAccessRow,
  findApplicationAccessRowOf,
  UnitOfWork,
  type ApplicationAccessRow,
  type ApplicationChildKind,
} from '@forge/persistence';

/** What a read or a command addresses: an application, or something hanging off it by its own id. */
export type AccessTarget = { kind: 'application' | ApplicationChildKind; id: string };

const NOT_FOUND: Readonly<Record<AccessTarget['kind'], { code: string; message: string }>> = {
  application: { code: 'APPLICATION.NOT_FOUND', message: 'application not found' },
  document: { code: 'DOCUMENT.NOT_FOUND', message: 'document not found' },
  risk_assessment: { code: 'RISK_ASSESSMENT.NOT_FOUND', message: 'risk assessment not found' },
  approval: { code: 'APPROVAL.NOT_FOUND', message: 'approval not found' },
};

/** The 404 of a target: what an absent one and one the caller may not read both answer. */
export function notFoundError(kind: AccessTarget['kind']): DomainError {
  return new DomainError(NOT_FOUND[kind].code, NOT_FOUND[kind].message);
}

type AccessFactsRow = Pick<
  ApplicationAccessRow,
  'organizationId' | 'stage' | 'committeeRound' | 'cofinancierOrganizationIds'
>;

/** The read rule's facts of a stored application row. */
export function accessFacts(row: AccessFactsRow): ApplicationAccessFacts {
  return {
    organizationId: row.organizationId,
    stage: row.stage as Stage,
    reachedCommittee: row.committeeRound > 0,
    cofinancierOrganizationIds: row.cofinancierOrganizationIds,
  };
}

/** Whether the actor may read this stored application (the domain's `READ_ACCESS`). */
export function mayRead(actor: Actor, row: AccessFactsRow): boolean {
  return canReadApplication(actor, accessFacts(row));
}

/**
 * The one read rule applied to every read path of an application and of what hangs off it: whoever may not
 * read the application gets the same 404 as for an absent one. (The list query applies the same rule as SQL:
 * `accessPredicateSql`.)
 */
@Injectable()
export class ApplicationAccess {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  /**
   * The id of the application `target` belongs to, if the actor may read it; else the target's 404. Runs on
   * `manager` (the caller's transaction) or on its own.
   */
  async requireReadable(actor: Actor, target: AccessTarget, manager?: EntityManager): Promise<string> {
    const read = async (m: EntityManager) =>
      target.kind === 'application'
        ? findApplicationAccessRow(m, target.id)
        : findApplicationAccessRowOf(m, target.kind, target.id);
    const row = manager ? await read(manager) : await this.unitOfWork.read(read);
    if (row === null || !mayRead(actor, row)) throw notFoundError(target.kind);
    return row.id;
  }
}
