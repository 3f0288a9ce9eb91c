import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  createAppDataSource,
  DATABASE_CONNECTION,
  DatabaseConnection,
  dataSourceOptions,
} from './data-source.options';

/** TypeORM on the resolved connection (server or embedded); pending migrations run at start unless they ran under MIGRATION_DATABASE_URL. */
@Module({})
export class DatabaseModule {
  static forRoot(connection: DatabaseConnection): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(connection),
            migrationsRun: connection.runMigrations ?? true,
            // The app must start even while the server is briefly down; requests then get 503.
            retryAttempts: 10,
            retryDelay: 1000,
          }),
          // Routes reads outside transactions to DATABASE_REPLICA_URL when there is one.
          dataSourceFactory: createAppDataSource,
        }),
      ],
      providers: [{ provide: DATABASE_CONNECTION, useValue: connection }],
      exports: [TypeOrmModule, DATABASE_CONNECTION],
    };
  }
}
