import { DomainErrorCode } from '../errors/domain.error';
import { DEFAULT_THRESHOLDS, type Light } from './light.types';
import {
  assertMonth,
  flagRank,
  isFlagged,
  progressLight,
  resolveThresholds,
  worstLight,
} from './thresholds.util';

describe(resolveThresholds.name, () => {
  it('should use 60 / 80 / 120 when nothing is overridden', () => {
    expect(resolveThresholds()).toEqual({ yellowFrom: 60, greenFrom: 80, blueFrom: 120 });
    expect(DEFAULT_THRESHOLDS).toEqual(resolveThresholds({}));
  });

  it('should merge with the defaults when an override is partial', () => {
    expect(resolveThresholds({ blueFrom: 150 })).toEqual({ yellowFrom: 60, greenFrom: 80, blueFrom: 150 });
  });

  it.each([{ yellowFrom: 90 }, { greenFrom: 130 }, { blueFrom: 70 }])(
    'should throw when %j would skip a light',
    (overrides) => {
      expect(() => resolveThresholds(overrides)).toThrow(
        expect.objectContaining({ code: DomainErrorCode.InvalidThresholds }),
      );
    },
  );
});

describe(progressLight.name, () => {
  it.each<[number, boolean, Light]>([
    [59.9, true, 'red'],
    [60, true, 'yellow'],
    [79.9, true, 'yellow'],
    [80, true, 'green'],
    [119.9, true, 'green'],
    [120, true, 'blue'],
    [120, false, 'green'],
  ])('should map v = %d (blue allowed: %s) to %s', (progress, allowBlue, light) => {
    expect(progressLight(progress, DEFAULT_THRESHOLDS, allowBlue)).toBe(light);
  });
});

describe(assertMonth.name, () => {
  it.each([1, 12])('should accept month %d when it is within the year', (month) => {
    expect(() => assertMonth(month)).not.toThrow();
  });
});

describe(worstLight.name, () => {
  it.each<[Light[], Light]>([
    [['green', 'red', 'blue'], 'red'],
    [['green', 'yellow'], 'yellow'],
    [['green', 'grey', 'blue'], 'grey'],
    [['yellow', 'grey'], 'yellow'],
    [['blue', 'green'], 'green'],
    [['blue'], 'blue'],
    [['green', 'undetermined', 'grey'], 'undetermined'],
    [['undetermined', 'yellow'], 'yellow'],
    [[], 'grey'],
  ])('should give %j the project light %s', (lights, expected) => {
    expect(worstLight(lights)).toBe(expected);
  });
});

describe(isFlagged.name, () => {
  it.each<[Light | null, boolean, number]>([
    ['red', true, 0],
    ['yellow', true, 1],
    ['undetermined', true, 2],
    ['grey', true, 3],
    ['green', false, 4],
    ['blue', false, 4],
  ])('should flag %s: %s, ranked %d', (light, flagged, rank) => {
    expect(isFlagged(light)).toBe(flagged);
    expect(flagRank(light as Light)).toBe(rank);
  });

  it('should not flag a missing light', () => {
    expect(isFlagged(null)).toBe(false);
  });
});
