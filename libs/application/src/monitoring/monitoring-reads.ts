import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type Actor } from '@forge/domain';
import { findApplication, UnitOfWork, type ApplicationRecord } from '@forge/persistence';
import { mayRead, notFoundError } from '../access/application-access.js';

/**
 * The reads of a project's life after close (no transaction, no lock: each list is one query), answering 404
 * to whoever may not read the application (the one read rule).
 */
@Injectable()
export class MonitoringReads {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  read<T>(
    actor: Actor,
    applicationId: string,
    work: (manager: EntityManager, application: ApplicationRecord) => Promise<T>,
  ): Promise<T> {
    return this.unitOfWork.read(async (manager) => {
      const application = await findApplication(manager, applicationId);
      if (!application || !mayRead(actor, application)) throw notFoundError('application');
      return work(manager, application);
    });
  }
}
