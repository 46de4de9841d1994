import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type Actor } from '@forge/domain';
import {
  listApplications,
  UnitOfWork,
  type ApplicationAggregate,
  type ApplicationViewData,
  type ApplicationSummaryRow,
} from '@forge/persistence';
import { accessPredicateSql } from '../access/access-sql.js';
import { Clock } from '../clock.js';
import { servedSponsorView } from '../sponsor/sponsor-view.queries.js';
import { ApplicationCommandRunner } from './application-command.runner.js';
import {
  decodeDueListCursor,
  decodeListCursor,
  encodeDueListCursor,
  encodeListCursor,
} from './list-cursor.js';

export interface ApplicationListQuery {
  stage?: string;
  country?: string;
  mineral?: string;
  category?: string;
  residualBand?: string;
  /** An assignee's user id, or `none` for the applications nobody is assigned to. */
  assigneeId?: string;
  q?: string;
  /** Only applications with overdue waiting work (`true`) or only the others (`false`). */
  overdue?: boolean;
  /** `newest` (default) or `due` (the officers' work queue: overdue first, the longest overdue leading). */
  sort?: 'newest' | 'due';
  /** Page size (the HTTP layer bounds it). */
  limit: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

export interface ApplicationListPage {
  items: ApplicationSummaryRow[];
  nextCursor: string | null;
}

/** Reads of applications, under the one read rule. */
@Injectable()
export class ApplicationQueries {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The application (404 for whoever may not read it). */
  get(actor: Actor, id: string): Promise<ApplicationAggregate> {
    return this.runner.load(actor, id);
  }

  /**
   * The application view's data in one round trip (404 for whoever may not read it): the aggregate and the
   * risk assessment the committee approved on (`ic_assessment_id`, with `current`), readable under the same
   * rule as its application.
   */
  view(actor: Actor, id: string): Promise<ApplicationViewData> {
    return this.runner.loadView(actor, id);
  }

  /** One page of the applications the actor may read, newest first or by due time (keyset pagination). */
  async list(actor: Actor, query: ApplicationListQuery): Promise<ApplicationListPage> {
    // Due times are the fund's internal deadlines: the sponsor list shows none, so it may not filter or sort by them.
    if ((query.overdue !== undefined || query.sort === 'due') && servedSponsorView(actor)) {
      throw new DomainError('AUTH.FORBIDDEN', 'The overdue filter and the due-time order are for staff');
    }
    const byDue = query.sort === 'due';
    const after = query.cursor && !byDue ? decodeListCursor(query.cursor) : undefined;
    const afterDue = query.cursor && byDue ? decodeDueListCursor(query.cursor) : undefined;
    const rows = await this.unitOfWork.read((manager) =>
      listApplications(manager, (params) => accessPredicateSql(actor, params), {
        stage: query.stage,
        country: query.country,
        mineral: query.mineral,
        category: query.category,
        residualBand: query.residualBand,
        assigneeId: query.assigneeId === 'none' ? undefined : query.assigneeId,
        unassigned: query.assigneeId === 'none',
        q: query.q,
        overdue: query.overdue,
        now: this.clock.now(),
        sort: query.sort,
        limit: query.limit + 1,
        after,
        afterDue,
      }),
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page,
      nextCursor:
        rows.length > query.limit && last
          ? byDue
            ? encodeDueListCursor({ dueAt: last.dueKey, id: last.id })
            : encodeListCursor({ createdAt: last.createdKey, id: last.id })
          : null,
    };
  }
}
