import { Inject, Injectable } from '@nestjs/common';
import { type Actor } from '@forge/domain';
import {
  listApplications,
  UnitOfWork,
  type ApplicationAggregate,
  type ApplicationSummaryRow,
} from '@forge/persistence';
import { accessPredicateSql } from '../access/access-sql.js';
import { ApplicationCommandRunner } from './application-command.runner.js';
import { decodeListCursor, encodeListCursor } from './list-cursor.js';

export interface ApplicationListQuery {
  stage?: string;
  country?: string;
  mineral?: string;
  category?: string;
  residualBand?: string;
  /** An assignee's user id, or `none` for the applications nobody is assigned to. */
  assigneeId?: string;
  q?: string;
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
  ) {}

  /** The application (404 for whoever may not read it). */
  get(actor: Actor, id: string): Promise<ApplicationAggregate> {
    return this.runner.load(actor, id);
  }

  /** One page of the applications the actor may read, newest first (keyset pagination). */
  async list(actor: Actor, query: ApplicationListQuery): Promise<ApplicationListPage> {
    const after = query.cursor ? decodeListCursor(query.cursor) : undefined;
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
        limit: query.limit + 1,
        after,
      }),
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page,
      nextCursor:
        rows.length > query.limit && last
          ? encodeListCursor({ createdAt: last.createdKey, id: last.id })
          : null,
    };
  }
}
