import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * `page` of a paged list: optional, 1-based, an integer; its errors name the field. Listed in the order stacked
 * decorators are applied (bottom first), so "not an integer" is reported before the bounds.
 */
export const PageNumber = (): PropertyDecorator =>
  applyDecorators(
    IsInt({ message: 'page：页码必须是整数' }),
    Max(100000, { message: 'page：页码过大' }),
    Min(1, { message: 'page：页码不能小于 1' }),
    Type(() => Number),
    IsOptional(),
    ApiPropertyOptional({ example: 1, default: 1, description: '页码（从 1 开始）' }),
  );
