import { HttpErrorResponse } from '@angular/common/http';

import { apiFieldErrorMap, conflictCurrent } from './api-field-errors';

function failure(status: number, body: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body });
}

describe('apiFieldErrorMap', () => {
  it('should map each field to its message without the field-name prefix', () => {
    const error = failure(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: '请求数据有误',
      errors: {
        actual: 'actual：请填写截至本期完成值',
        'parts[0].value': 'parts[0].value：必须是数字',
        note: '说明过长',
      },
    });

    expect(apiFieldErrorMap(error)).toEqual({
      actual: '请填写截至本期完成值',
      'parts[0].value': '必须是数字',
      note: '说明过长',
    });
  });

  it.each([
    { name: 'a network failure', error: new HttpErrorResponse({ status: 0 }) },
    {
      name: 'an error without fields',
      error: failure(409, { statusCode: 409, code: 'CONFLICT', message: '冲突' }),
    },
    { name: 'something else', error: new Error('boom') },
  ])('should be empty for $name', ({ error }) => {
    expect(apiFieldErrorMap(error)).toEqual({});
  });
});

describe('conflictCurrent', () => {
  it('should give the stored record of a VERSION_CONFLICT, or null when it no longer exists', () => {
    const body = (current: unknown) => ({
      statusCode: 409,
      code: 'VERSION_CONFLICT',
      message: '已被他人修改',
      details: { current },
    });

    expect(conflictCurrent(failure(409, body({ version: 3 })))).toEqual({ version: 3 });
    expect(conflictCurrent(failure(409, body(null)))).toBeNull();
  });

  it('should be undefined for any other failure', () => {
    expect(
      conflictCurrent(failure(409, { statusCode: 409, code: 'CONFLICT', message: '冲突' })),
    ).toBeUndefined();
    expect(
      conflictCurrent(failure(423, { statusCode: 423, code: 'LOCKED', message: '已锁定' })),
    ).toBeUndefined();
  });
});
