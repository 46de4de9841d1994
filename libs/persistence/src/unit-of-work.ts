import { type DataSource, type EntityManager } from 'typeorm';
import { inSpan, SpanKind } from '@forge/observability';

/**
 * One command, one transaction: the state change, its audit event and its outbox rows commit together
 * or not at all. The transaction's EntityManager is passed explicitly; nothing is ambient.
 */
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  /** The transaction is a `db.transaction` span (docs/operations.md, "Traces"): BEGIN to COMMIT or ROLLBACK. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return inSpan(
      'db.transaction',
      { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql' } },
      () => this.dataSource.transaction('READ COMMITTED', work),
    );
  }

  /**
   * A read outside any transaction: each query takes a pooled connection of its own (so independent queries
   * may overlap). For reads that must see one snapshot, use `run`.
   */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }
}
