import { actualValueIn, splitActual } from '../actual/actual-reading.util';
import type { Actual } from '../actual/actual.types';
import type { Operator, Target } from '../target/target.types';

// Equality for standards such as 1040 元/月, tolerant of float noise from unit conversion.
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

export function compareWith(value: number, operator: Operator, expected: number): boolean {
  switch (operator) {
    case '>=':
      return value >= expected;
    case '>':
      return value > expected;
    case '<=':
      return value <= expected;
    case '<':
      return value < expected;
    default:
      return sameValue(value, expected);
  }
}

/**
 * Whether an actual (or a full-year forecast) satisfies the target: true, false, or undefined when the report
 * holds nothing to compare (no value and no judgement).
 */
export function meetsTarget(target: Target, actual: Actual): boolean | undefined {
  const judged = actual.judgement === undefined ? undefined : actual.judgement === '达成';
  if (target.operator === 'qualitative') return judged;
  if (target.operator === 'all-of') {
    const pairs = splitActual(target, actual);
    if (!pairs) return judged;
    const results = pairs.map((pair) => meetsTarget(pair.target, pair.actual));
    if (results.includes(false)) return false;
    return results.includes(undefined) ? undefined : true;
  }
  if (target.operator === 'by-date') {
    return actual.date === undefined || target.deadline === undefined
      ? judged
      : actual.date <= target.deadline;
  }
  const value = actualValueIn(target, actual);
  if (value === undefined) return judged;
  // parseTarget always sets min and max on 'between'.
  if (target.operator === 'between')
    return value >= (target.min as number) && value <= (target.max as number);
  return compareWith(value, target.operator, target.value as number); // a value implies a comparable target
}
