// 一级指标 names, as written in the 财政部 indicator framework.
export const LEVEL1_NAMES = ['成本指标', '产出指标', '效益指标', '满意度指标'] as const;

// level1 // 一级指标
export type Level1 = (typeof LEVEL1_NAMES)[number];

// level2 // 二级指标 → 一级指标. The 二级 name decides its parent when merged cells misplace a row.
export const LEVEL2_TO_LEVEL1: Readonly<Record<string, Level1>> = {
  经济成本指标: '成本指标',
  社会成本指标: '成本指标',
  生态环境成本指标: '成本指标',
  数量指标: '产出指标',
  质量指标: '产出指标',
  时效指标: '产出指标',
  经济效益指标: '效益指标',
  社会效益指标: '效益指标',
  生态效益指标: '效益指标',
  可持续影响指标: '效益指标',
  服务对象满意度指标: '满意度指标',
};

// PDF text splits names ("经济成本 指标") and page breaks drop the 指标 suffix ("服务对象满意度").
export function normalizeLevelName(name: string): string {
  const compact = name.replace(/\s+/g, '');
  return compact === '' || compact.endsWith('指标') ? compact : `${compact}指标`;
}

export function level1For(level2: string): Level1 | undefined {
  return LEVEL2_TO_LEVEL1[normalizeLevelName(level2)];
}

export function asLevel1(name: string): Level1 | undefined {
  const normalized = normalizeLevelName(name);
  return LEVEL1_NAMES.find((level1) => level1 === normalized);
}
