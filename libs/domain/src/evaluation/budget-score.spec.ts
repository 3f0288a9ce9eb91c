import fc from 'fast-check';
import { DomainErrorCode } from '../errors/domain.error';
import { budgetScore } from './budget-score';

describe(budgetScore.name, () => {
  it.each<[number, number, number | undefined, number]>([
    [890, 890, undefined, 10],
    [801, 890, undefined, 9],
    [445, 890, undefined, 5],
    [0, 890, undefined, 0],
    [1000, 890, undefined, 10],
    [1.6, 1.932, undefined, 8.28],
    [445, 890, 20, 10],
  ])('should score %d executed of %d (weight %s) as %d', (executed, budget, weight, expected) => {
    expect(budgetScore(executed, budget, weight)).toBe(expected);
  });

  it.each([
    [100, 0, 10, DomainErrorCode.InvalidBudget],
    [-1, 890, 10, DomainErrorCode.InvalidBudget],
    [100, 890, -10, DomainErrorCode.InvalidWeight],
  ])('should refuse %d of %d with weight %d', (executed, budget, weight, code) => {
    expect(() => budgetScore(executed, budget, weight)).toThrow(expect.objectContaining({ code }));
  });

  it('should stay within [0, weight] when spending is any amount', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0.01, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 100 }),
        (executed, budget, weight) => {
          const points = budgetScore(executed, budget, weight);
          return points >= 0 && points <= weight;
        },
      ),
    );
  });
});
