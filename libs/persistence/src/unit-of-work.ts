import { type DataSource, type EntityManager } from 'typeorm';

/**
 * One command, one transaction: the state change, its audit event and its outbox rows commit together
 * or not at all. The transaction's EntityManager is passed explicitly; nothing is ambient.
 */
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  /**
   * A read outside any transaction: each query takes a pooled connection of its own (so independent queries
   * may overlap). For reads that must see one snapshot, use `run`.
   */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }
}
