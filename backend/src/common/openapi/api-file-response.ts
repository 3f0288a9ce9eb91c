import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/** A route answering a file download: its content type, and a binary body in the OpenAPI document. */
export const ApiFileResponse = (contentType: string, description = '文件内容'): MethodDecorator =>
  applyDecorators(
    ApiProduces(contentType),
    ApiOkResponse({ description, schema: { type: 'string', format: 'binary' } }),
  );
