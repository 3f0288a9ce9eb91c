import { CallHandler, ExecutionContext, Injectable, mixin, NestInterceptor, Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-code';

/**
 * What an upload route reads from a multipart body: one file under `file` and at most a few short text fields.
 * Without these, multer reads any number of fields and parts, each up to 1 MB.
 */
export const UPLOAD_LIMITS = {
  files: 1,
  fields: 5,
  parts: 6,
  fieldNameSize: 100,
  fieldSize: 1024,
  headerPairs: 20,
} as const;

const megabytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

const invalid = (field: string, message: string): AppException =>
  new AppException(ErrorCode.ValidationFailed, message, { [field]: `${field}：${message}` });

const tooLarge = (field: string, message: string): AppException =>
  new AppException(ErrorCode.PayloadTooLarge, message, { [field]: `${field}：${message}` });

/** multer's and busboy's errors as the project's error body, naming the field (never a 500). */
export function uploadError(error: unknown, maxBytes: number): AppException {
  if (!(error instanceof MulterError))
    return invalid('file', '上传内容不完整或格式不正确，请重新选择文件上传');
  const field = error.field?.slice(0, UPLOAD_LIMITS.fieldNameSize);
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return tooLarge('file', `文件不能超过 ${megabytes(maxBytes)}`);
    case 'LIMIT_FIELD_VALUE':
      return tooLarge(field || 'body', `表单字段内容过长（最多 ${UPLOAD_LIMITS.fieldSize} 字节）`);
    case 'LIMIT_FILE_COUNT':
      return invalid('file', '一次只能上传一个文件');
    case 'LIMIT_UNEXPECTED_FILE':
      return invalid('file', `上传文件的字段名应为 file${field ? `（收到“${field}”）` : ''}`);
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_PART_COUNT':
      return invalid('body', `表单字段过多（最多 ${UPLOAD_LIMITS.fields} 个字段和 1 个文件）`);
    default:
      return invalid('body', '表单字段名无效或过长');
  }
}

/**
 * Reads the one file of an upload route (field `file`, kept in memory) within UPLOAD_LIMITS and `maxBytes`;
 * the handler takes it with `@UploadedFile()`.
 */
export function SingleFileInterceptor(maxBytes: number): Type<NestInterceptor> {
  @Injectable()
  class SingleFile implements NestInterceptor {
    private readonly receive = multer({
      storage: multer.memoryStorage(),
      limits: { ...UPLOAD_LIMITS, fileSize: maxBytes },
    }).single('file');

    async intercept(context: ExecutionContext, next: CallHandler) {
      const http = context.switchToHttp();
      await new Promise<void>((resolve, reject) =>
        this.receive(http.getRequest<Request>(), http.getResponse<Response>(), (error?: unknown) =>
          error ? reject(uploadError(error, maxBytes)) : resolve(),
        ),
      );
      return next.handle();
    }
  }
  return mixin(SingleFile);
}
