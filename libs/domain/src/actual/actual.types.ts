import type { Judgement, Likelihood } from '../monitoring/report-values';

export type { Judgement, Likelihood };

// 完成值: what a project lead reports (year to date, or a forecast for the year).
export interface Actual {
  value?: number;
  unit?: string;
  date?: string;
  judgement?: Judgement;
  raw: string;
}
