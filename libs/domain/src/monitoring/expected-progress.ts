import { denoise } from '../shared/number.util';
import type { Target } from '../target/target.types';
import { assertMonth } from './thresholds.util';

/**
 * 应完成进度: the value a target should have reached by the end of month m (docs/domain.md §4–§5), in the target's
 * base unit. Counts that add up over the year are paced linearly (value × m/12); levels (rates, standards,
 * ceilings) and relative targets are due at once; a zero-tolerance count must stay at 0. Deadlines,
 * qualitative and multi-part targets have no single number, so the answer is undefined. A range is paced
 * by its lower end, as its light is.
 */
export function expectedByNow(target: Target, month: number): number | undefined {
  assertMonth(month);
  if (target.operator === 'all-of') return undefined;
  const base = target.operator === 'between' ? target.min : target.value;
  switch (target.accumulation) {
    case 'cumulative':
      return base === undefined ? undefined : denoise((base * month) / 12);
    case 'level':
    case 'relative':
      return base;
    case 'zero-tolerance':
      return 0;
    default:
      return undefined;
  }
}
