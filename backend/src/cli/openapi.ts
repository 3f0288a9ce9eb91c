import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { createApiDocument } from '../common/openapi/api-document';

/**
 * Prints the OpenAPI document as JSON, without a database: Nest's preview mode resolves the modules and
 * controllers but instantiates no provider, so TypeORM never connects (`npm run api:types` reads the output).
 */
async function main(): Promise<void> {
  const app = await NestFactory.create(
    AppModule.forRoot({ connection: { url: 'postgres://unused@127.0.0.1:1/none', poolSize: 1 } }),
    { preview: true, logger: false },
  );
  app.setGlobalPrefix('api');
  process.stdout.write(`${JSON.stringify(createApiDocument(app), null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
