import { HttpException } from '@nestjs/common';
import { ERROR_STATUS, ErrorBody, ErrorCode } from './error-code';

/** A feature's error: a code from ErrorCode, a Chinese message, and optionally field errors or details. */
export class AppException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: Record<string, string>,
    readonly details?: Record<string, unknown>,
  ) {
    super({ code, message, errors, details }, ERROR_STATUS[code]);
  }

  toBody(): ErrorBody {
    return {
      statusCode: this.getStatus(),
      code: this.code,
      message: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export const notFound = (what: string): AppException => new AppException(ErrorCode.NotFound, `${what}不存在`);
