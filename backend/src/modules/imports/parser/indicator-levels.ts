// The indicator tree's fixed upper levels (domain.md §3): a 二级指标 determines its 一级指标.
// Private copy: libs/domain's level1For / LEVEL2_TO_LEVEL1 is being written concurrently; dedupe once it
// is exported.

/** 一级指标 → its 二级指标 */
export const LEVEL1_TO_LEVEL2: Readonly<Record<string, readonly string[]>> = {
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  产出指标: ['数量指标', '质量指标', '时效指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

export const LEVEL2_TO_LEVEL1: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LEVEL1_TO_LEVEL2).flatMap(([level1, level2s]) => level2s.map((level2) => [level2, level1])),
);

export function isLevel1(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(LEVEL1_TO_LEVEL2, name);
}

export function isLevel2(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(LEVEL2_TO_LEVEL1, name);
}

/** The 一级 the domain gives a 二级, or undefined for a 二级 it does not know. */
export function level1For(level2: string): string | undefined {
  return isLevel2(level2) ? LEVEL2_TO_LEVEL1[level2] : undefined;
}

/** A piece of a level name cut by a page break or a narrow cell ("满意度" of "满意度指标"). */
export function isLevelFragment(text: string): boolean {
  if (text === '') return false;
  return [...Object.keys(LEVEL1_TO_LEVEL2), ...Object.keys(LEVEL2_TO_LEVEL1)].some(
    (name) => name !== text && (name.startsWith(text) || name.endsWith(text)),
  );
}
