import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadBundledReferenceData, type ReferenceLoadResult } from './reference-loader.js';

/**
 * Loads the bundled reference data (countries, minerals, the sanctions list) on start of the API and of
 * the worker. Both may start together: the load is idempotent and serialised by an advisory lock.
 * `ensureLoaded()` lets other bootstrap hooks (the screening processor) wait for it.
 */
@Injectable()
export class ReferenceDataLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReferenceDataLoader');
  private loading?: Promise<ReferenceLoadResult>;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  ensureLoaded(): Promise<ReferenceLoadResult> {
    this.loading ??= loadBundledReferenceData(this.dataSource).then((result) => {
      if (result.loaded.length > 0) this.logger.log(`reference data loaded: ${result.loaded.join(', ')}`);
      return result;
    });
    return this.loading;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureLoaded();
  }
}
