import { aboutField, DomainError, DomainErrorCode, UnitMismatchError } from './domain.error';

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

describe(aboutField.name, () => {
  const refuse = (): never => {
    throw new UnitMismatchError('小时', '人');
  };

  it('should return what the reading returns when nothing is refused', () => {
    expect(aboutField('actual', () => 42)).toBe(42);
  });

  it('should name the field on a domain error thrown inside', () => {
    expect(() => aboutField('forecast', refuse)).toThrow(expect.objectContaining({ field: 'forecast' }));
  });

  it('should keep the field an inner call already named when nested', () => {
    expect(() => aboutField('outer', () => aboutField('actual', refuse))).toThrow(
      expect.objectContaining({ field: 'actual' }),
    );
  });

  it('should pass any other error through untouched when it is not a domain error', () => {
    const bug = new TypeError('bug');
    expect(() =>
      aboutField('actual', () => {
        throw bug;
      }),
    ).toThrow(bug);
    expect(bug).not.toHaveProperty('field');
  });
});
