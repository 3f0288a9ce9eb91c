import { DomainErrorCode } from '../errors/domain.error';
import { DEFAULT_GRADE_BANDS, type GradeBands, gradeFor } from './grade';

describe(gradeFor.name, () => {
  it.each([
    [100, '优'],
    [90, '优'],
    [89.99, '良'],
    [80, '良'],
    [79.99, '中'],
    [60, '中'],
    [59.99, '差'],
    [0, '差'],
  ])('should grade %d as %s on the 财政部 scale', (total, grade) => {
    expect(gradeFor(total)).toBe(grade);
  });

  it('should use bands from settings when they are overridden', () => {
    expect(gradeFor(85, { excellent: 85 })).toBe('优');
    expect(DEFAULT_GRADE_BANDS).toEqual({ excellent: 90, good: 80, pass: 60 });
  });

  it.each<Partial<GradeBands>>([{ good: 95 }, { pass: 80 }])(
    'should throw when bands %j are out of order',
    (bands) => {
      expect(() => gradeFor(70, bands)).toThrow(
        expect.objectContaining({
          code: DomainErrorCode.InvalidGradeBands,
          message: '等级分数线必须满足：优 > 良 > 中',
        }),
      );
    },
  );
});
