import { aboutField, DomainError, DomainErrorCode, UnitMismatchError } from '@jixiao/domain';
import { toErrorBody } from './all-exceptions.filter';
import { QueryFailedError } from 'typeorm';
import { ErrorCode } from './error-code';

describe(toErrorBody.name, () => {
  it('should answer 400 on the field a domain error is about when a rule refuses an input', () => {
    let refused: unknown;
    try {
      aboutField('forecast', () => {
        throw new UnitMismatchError('小时', '人');
      });
    } catch (error) {
      refused = error;
    }
    expect(toErrorBody(refused)).toEqual({
      statusCode: 400,
      code: ErrorCode.ValidationFailed,
      message: '完成值单位“小时”无法换算为目标单位“人”，不能比较',
      errors: { forecast: 'forecast：完成值单位“小时”无法换算为目标单位“人”，不能比较' },
    });
  });

  it('should still answer 400, under a generic key, when a domain error names no field', () => {
    const body = toErrorBody(new DomainError(DomainErrorCode.InvalidMonth, '月份必须是 1 到 12 的整数'));
    expect(body).toMatchObject({ statusCode: 400, errors: { value: 'value：月份必须是 1 到 12 的整数' } });
  });

  it('should answer 400, not 500, to a NUL character in rows written as one JSON array (22P05)', () => {
    const error = new QueryFailedError('INSERT … json_populate_recordset', [], {
      code: '22P05',
      message: 'unsupported Unicode escape sequence',
    } as unknown as Error);
    expect(toErrorBody(error)).toMatchObject({
      statusCode: 400,
      code: ErrorCode.ValidationFailed,
      message: '文本含有无效字符',
    });
  });

  it('should answer 500 for an error no rule explains', () => {
    expect(toErrorBody(new TypeError('bug'))).toMatchObject({ statusCode: 500, code: ErrorCode.Internal });
  });
});
