import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from '../../app.module';

/**
 * The OpenAPI document of the API, built from the controllers' and DTOs' decorators. Served at /api/docs and,
 * through `npm run api:types`, the source of the frontend's request and response types.
 */
export function createApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Jixiao 绩效 API')
      .setDescription('预算绩效目标：导入、监控、自评')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
}

/**
 * The same document without a database: Nest's preview mode resolves the modules and controllers but
 * instantiates no provider, so TypeORM never connects.
 */
export async function buildApiDocumentOffline(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(
    AppModule.forRoot({ connection: { url: 'postgres://unused@127.0.0.1:1/none', poolSize: 1 } }),
    { preview: true, logger: false, abortOnError: false },
  );
  app.setGlobalPrefix('api');
  return createApiDocument(app);
}
