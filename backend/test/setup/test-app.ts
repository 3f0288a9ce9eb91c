import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { testConnection } from './test-database';

/** The real application on the run's test database, configured exactly as main.ts does. */
export async function createTestApp(): Promise<{ app: INestApplication; ds: DataSource }> {
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ connection: testConnection(), logLevel: 'silent' })],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app);
  await app.init();
  return { app, ds: app.get(DataSource) };
}
