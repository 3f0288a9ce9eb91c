import {
  asLevel1,
  LEVEL1_NAMES,
  type Level1,
  LEVEL2_TO_LEVEL1,
  normalizeLevelName,
} from './indicator-levels';

/** A 三级指标 as typed in the tree editor (docs/domain.md, "Editing the trees"). */
export interface IndicatorEntry {
  level1: string; // 一级指标
  level2: string; // 二级指标
  name: string; // 三级指标
  target: string; // 指标值
}

/** Another live indicator of the same goal, for the uniqueness rule. */
export interface SiblingIndicator {
  level2: string;
  name: string;
}

/** The 二级 names that belong to a 一级, in the framework's order. */
export function level2NamesOf(level1: Level1): string[] {
  return Object.keys(LEVEL2_TO_LEVEL1).filter((level2) => LEVEL2_TO_LEVEL1[level2] === level1);
}

const sameName = (a: string, b: string): boolean => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * Field → Chinese message for what the taxonomy and the tree refuse: a 一级 outside the framework, a 二级 that
 * is not one or does not belong to its 一级, an empty name or target, and a name already used under the same
 * 二级 of the goal (`siblings` are the goal's other live indicators). Empty when the entry is acceptable.
 */
export function indicatorEntryErrors(
  entry: IndicatorEntry,
  siblings: readonly SiblingIndicator[] = [],
): Record<string, string> {
  const errors: Partial<Record<keyof IndicatorEntry, string>> = {};
  const level1 = asLevel1(entry.level1);
  const level2 = normalizeLevelName(entry.level2);
  if (!level1) errors.level1 = `level1：一级指标只能是${LEVEL1_NAMES.join('、')}`;
  if (level2 === '') errors.level2 = 'level2：请填写二级指标';
  else if (!LEVEL2_TO_LEVEL1[level2]) errors.level2 = `level2：「${entry.level2.trim()}」不是规定的二级指标`;
  else if (level1 && LEVEL2_TO_LEVEL1[level2] !== level1)
    errors.level2 = `level2：「${level2}」属于${LEVEL2_TO_LEVEL1[level2]}，不属于${level1}`;
  const name = entry.name.trim();
  if (name === '') errors.name = 'name：请填写三级指标名称';
  else if (siblings.some((s) => normalizeLevelName(s.level2) === level2 && sameName(s.name, name)))
    errors.name = `name：该目标的${level2}下已有同名指标「${name}」`;
  if (entry.target.trim() === '') errors.target = 'target：请填写指标值';
  return errors as Record<string, string>;
}
