import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError } from '@jixiao/domain';
import type { Response } from 'express';
import { EntityNotFoundError, OptimisticLockVersionMismatchError, QueryFailedError } from 'typeorm';
import { AppException } from './app.exception';
import { ERROR_STATUS, ErrorBody, ErrorCode } from './error-code';

/** PostgreSQL SQLSTATEs that mean bad input, mapped to a code and a Chinese message. */
const PG_INPUT_ERRORS: Record<string, [ErrorCode, string]> = {
  '23505': [ErrorCode.Conflict, '数据重复：与已有记录冲突'],
  '23503': [ErrorCode.Conflict, '关联的数据不存在或仍被引用'],
  '23514': [ErrorCode.ValidationFailed, '数据不满足约束条件'],
  '23502': [ErrorCode.ValidationFailed, '缺少必填数据'],
  '22P02': [ErrorCode.ValidationFailed, '数据格式不正确'],
  '22003': [ErrorCode.ValidationFailed, '数值超出范围'],
  '22001': [ErrorCode.ValidationFailed, '文本过长'],
  '22007': [ErrorCode.ValidationFailed, '日期格式不正确'],
  '22008': [ErrorCode.ValidationFailed, '日期超出范围'],
  '22021': [ErrorCode.ValidationFailed, '文本含有无效字符'],
  // A NUL character inside a JSON array of rows (sql.util insertRecords / updateRecordsComparing): the same
  // refusal as 22021 for a bound parameter.
  '22P05': [ErrorCode.ValidationFailed, '文本含有无效字符'],
};

/** Errors that mean the database is unreachable right now: 503, and the pool reconnects by itself. */
const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|terminating connection/i;
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);

const HTTP_CODES: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.BadRequest,
  401: ErrorCode.Unauthorized,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  429: ErrorCode.TooManyRequests,
};

const HTTP_MESSAGES: Partial<Record<number, string>> = {
  400: '请求格式不正确',
  401: '未登录或登录已过期',
  403: '没有权限执行此操作',
  404: '请求的资源不存在',
  409: '数据冲突',
  413: '上传内容过大',
  429: '请求过于频繁，请稍后再试',
};

/** Turns every error into the one ErrorBody shape; only a real bug becomes a 500. */
export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof AppException) return exception.toBody();
  // A rule of libs/domain refused what the user entered: always their input, never the server's fault.
  if (exception instanceof DomainError) {
    const field = exception.field ?? 'value';
    return body(ErrorCode.ValidationFailed, exception.message, { [field]: `${field}：${exception.message}` });
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = HTTP_CODES[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.BadRequest);
    const message = HTTP_MESSAGES[status] ?? exception.message;
    return { statusCode: status, code, message, ...fieldOf(status, exception.message, message) };
  }
  if (exception instanceof OptimisticLockVersionMismatchError) {
    return body(ErrorCode.VersionConflict, '数据已被他人修改，请刷新后再试');
  }
  if (exception instanceof EntityNotFoundError) return body(ErrorCode.NotFound, '请求的资源不存在');
  const driverError = (exception as { driverError?: { code?: string; column?: string; constraint?: string } })
    ?.driverError;
  const sqlState = driverError?.code ?? (exception as { code?: string })?.code;
  if (exception instanceof QueryFailedError && sqlState && PG_INPUT_ERRORS[sqlState]) {
    const [code, message] = PG_INPUT_ERRORS[sqlState];
    // The column when the driver names it; otherwise the request body as a whole.
    const field = driverError?.column ?? 'body';
    return body(code, message, { [field]: `${field}：${message}` });
  }
  const text = exception instanceof Error ? exception.message : String(exception);
  if ((sqlState && UNAVAILABLE_SQLSTATES.has(sqlState)) || UNAVAILABLE.test(text)) {
    return body(ErrorCode.DatabaseUnavailable, '数据库暂时不可用，请稍后重试');
  }
  return body(ErrorCode.Internal, '服务器内部错误');
}

/** Framework 4xx errors name a field too: the upload field, or the request body that could not be read. */
function fieldOf(status: number, raw: string, message: string): { errors?: Record<string, string> } {
  if (status === 413) return { errors: { file: `file：${message}` } };
  if (status !== 400) return {};
  if (/Unexpected field/i.test(raw)) return { errors: { file: 'file：上传文件的字段名应为 file' } };
  return { errors: { body: 'body：请求体不是有效的 JSON 对象' } };
}

function body(code: ErrorCode, message: string, errors?: Record<string, string>): ErrorBody {
  return { statusCode: ERROR_STATUS[code], code, message, ...(errors ? { errors } : {}) };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const errorBody = toErrorBody(exception);
    if (errorBody.statusCode >= HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    if (errorBody.code === ErrorCode.DatabaseUnavailable) response.setHeader('Retry-After', '5');
    response.status(errorBody.statusCode).json(errorBody);
  }
}
