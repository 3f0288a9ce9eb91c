import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-code';

/** PostgreSQL cannot store a NUL character in text; refuse it up front, naming the field. */
@Injectable()
export class RejectNulMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const path = findNul(req.body, '') ?? findNul(req.query, '');
    if (path !== undefined) {
      const field = path || 'body';
      next(
        new AppException(ErrorCode.ValidationFailed, '请求数据含有空字符（NUL）', {
          [field]: `${field}：不能包含空字符`,
        }),
      );
      return;
    }
    next();
  }
}

function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (depth > 20 || value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return childPath;
    const found = findNul(child, childPath, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
