import { DomainError, DomainErrorCode, UnitMismatchError } from './domain.error';

describe(UnitMismatchError.name, () => {
  it('should carry the code, both units and a Chinese message when units differ', () => {
    const error = new UnitMismatchError('人次', '人');

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: DomainErrorCode.UnitMismatch,
      actualUnit: '人次',
      targetUnit: '人',
      name: 'UnitMismatchError',
      message: '完成值单位“人次”无法换算为目标单位“人”，不能比较',
    });
  });
});

describe(DomainError.name, () => {
  it('should keep its code and name when thrown', () => {
    expect(new DomainError(DomainErrorCode.InvalidMonth, '月份')).toMatchObject({
      code: 'invalid-month',
      name: 'DomainError',
      message: '月份',
    });
  });
});
