import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { adminOnlyApiDocs, API_DOCS_PATH } from './common/auth/api-docs-access';
import { createApiDocument } from './common/openapi/api-document';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { createValidationPipe } from './common/validation/validation.pipe';
import type { AppConfig } from './config/app.config';

/** API answers below this many bytes are not worth compressing. */
export const API_COMPRESSION_THRESHOLD = 8 * 1024;

/** Everything the running app and the e2e tests share: prefix, pipe, filter, logger, OpenAPI (per API_DOCS). */
export function configureApp(app: INestApplication): void {
  const { apiDocs, trustProxy } = app.get(ConfigService).getOrThrow<AppConfig>('app');
  // Behind a reverse proxy (TLS ends there): req.ip, which the login limits count by, is the client's.
  (app.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void }).set(
    'trust proxy',
    trustProxy,
  );
  app.useLogger(app.get(Logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Angular's critical-CSS loader and ng-zorro set inline styles.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          // Served over plain http inside government networks too: do not force https sub-requests.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  // Large API answers (a dashboard, a tree) leave compressed to browsers that accept it — phones on slow
  // networks read the same JSON in a fifth of the bytes. Small answers and files (xlsx, docx: compressed
  // already) are sent as they are; the frontend's own files are compressed once, in compressed-assets.ts.
  app.use(
    compression({
      threshold: API_COMPRESSION_THRESHOLD,
      filter: (req, res) => req.path.startsWith('/api/') && compression.filter(req, res),
    }),
  );
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  if (apiDocs === 'off') return;
  if (apiDocs === 'admin') app.use(adminOnlyApiDocs(app));
  // Built on the first request for the docs, not at start (a few hundred milliseconds of CPU that most runs never use).
  SwaggerModule.setup(API_DOCS_PATH, app, () => createApiDocument(app));
}
