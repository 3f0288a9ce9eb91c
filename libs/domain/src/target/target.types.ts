// 性质: how the actual is compared with the target.
export const OPERATORS = ['>=', '>', '=', '<', '<=', 'between', 'by-date', 'all-of', 'qualitative'] as const;
export type Operator = (typeof OPERATORS)[number];

// 正向 higher is better / 反向 lower is better / 等于 a standard / 定性 judged in words.
export const DIRECTIONS = ['higher', 'lower', 'exact', 'none'] as const;
export type Direction = (typeof DIRECTIONS)[number];

// How year-to-date values relate to the annual target (docs/domain.md §4).
export const ACCUMULATIONS = [
  'cumulative',
  'level',
  'zero-tolerance',
  'deadline',
  'qualitative',
  'relative',
] as const;
export type Accumulation = (typeof ACCUMULATIONS)[number];

// How sure the reading is; shown to users so an admin can correct inferred and unparsed targets.
export const CONFIDENCES = ['explicit', 'inferred', 'unparsed'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

// 指标值: a target as written and as structured.
export interface Target {
  raw: string;
  operator: Operator;
  value?: number;
  min?: number;
  max?: number;
  unit?: string;
  deadline?: string;
  parts?: Target[];
  direction: Direction;
  accumulation: Accumulation;
  confidence: Confidence;
  note?: string;
}

export interface TargetContext {
  level1?: string; // 一级指标
  level2?: string; // 二级指标
  name?: string; // 三级指标
  previous?: string; // 上年指标值, the base of relative targets such as 稳步增长
  year?: number; // 预算年度: dates written without a year (年底前, 6 月底前) fall in it
}
