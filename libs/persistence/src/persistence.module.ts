import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, DATABASE_URL } from '@forge/config';
import { createDataSource } from './data-source.js';
import { UnitOfWork } from './unit-of-work.js';

/** The DataSource (initialised once) and the UnitOfWork, for every module of the process. */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(databaseUrl: string, applicationName: string): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        { provide: DATABASE_URL, useValue: databaseUrl },
        {
          provide: DataSource,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => {
            const dataSource = createDataSource({
              url: databaseUrl,
              poolSize: config.database.poolSize,
              applicationName,
            });
            return dataSource.initialize();
          },
        },
        {
          provide: UnitOfWork,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new UnitOfWork(dataSource),
        },
      ],
      exports: [DATABASE_URL, DataSource, UnitOfWork],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
