import { ValidationPipe } from '@nestjs/common';
import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-code';
import { toFieldErrors } from './validation-messages';

/** The one global ValidationPipe: unknown fields are refused, payloads become typed DTOs. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const fieldErrors = toFieldErrors(errors);
      const fields = Object.keys(fieldErrors).join('、');
      return new AppException(ErrorCode.ValidationFailed, `请求数据有误：${fields}`, fieldErrors);
    },
  });
}
