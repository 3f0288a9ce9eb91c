// 达成情况: the evaluator's judgement of a qualitative indicator.
export type Judgement = '达成' | '部分达成' | '未达成';

// 完成目标可能性 reported with a forecast.
export type Likelihood = '确定能' | '有可能' | '完全不可能';

// 完成值: what a project lead reports (year to date, or a forecast for the year).
export interface Actual {
  value?: number;
  unit?: string;
  date?: string;
  judgement?: Judgement;
  raw: string;
}
