import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseConnection, dataSourceOptions } from './data-source.options';

/** TypeORM on the resolved connection (server or embedded); pending migrations run at start. */
@Module({})
export class DatabaseModule {
  static forRoot(connection: DatabaseConnection): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(connection),
          migrationsRun: true,
          // The app must start even while the server is briefly down; requests then get 503.
          retryAttempts: 10,
          retryDelay: 1000,
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
