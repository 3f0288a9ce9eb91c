import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

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
