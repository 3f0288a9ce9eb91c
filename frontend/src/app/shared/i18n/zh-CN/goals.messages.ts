/**
 * Goals and indicator trees (绩效目标, 指标树), the way targets are read back, and the light summaries shared by
 * the project list, project detail, 部门整体 and the dashboard. Part of the zh-CN catalogue (section `goals`).
 */
export const GOALS_MESSAGES = {
  /** What each light means on the dashboard and in legends. */
  lightMeaning: {
    red: '严重滞后',
    yellow: '进度偏慢',
    green: '正常',
    blue: '超进度',
    grey: '未填报',
    undetermined: '指标值待更正',
  },
  lightNone: '不监控',
  countsLabel: '各预警灯的指标数',
  count: (light: string, count: number): string => `${light} ${count} 项`,
  annual: '年度目标',
  long: '长期目标',
  noAnnualGoals: '暂无年度绩效目标',
  noLongGoals: '暂无长期绩效目标',
  noIndicators: '该目标没有指标',
  missing: '—',
  notReported: '未填报',
  noHistory: '—',
  reportedIn: (month: string): string => `${month}填报`,
  historyLabel: (points: readonly string[]): string => `月度走势：${points.join('；')}`,
  historyPoint: (month: string, value: string, light: string): string => `${month} ${value}（${light}）`,
  columns: {
    indicator: '三级指标',
    target: '指标值（原文）',
    reading: '理解为',
    prev2: '前年',
    prev1: '上年',
    actual: '截至本期完成',
    forecast: '全年预计',
    light: '预警',
    projection: '年末预测',
    history: '月度走势',
    basis: '指标值确定依据',
  },
  /** A structured 指标值 (libs/domain `Target`) in words. */
  targets: {
    none: '尚未结构化',
    noValue: '？',
    unreadable: '未能识别，需管理员核对',
    qualitative: '定性：按达成 / 部分达成 / 未达成评判',
    noDeadline: '完成时限未识别',
    zero: '为 0（零容忍，发生即未达成）',
    amount: (value: string, unit: string): string =>
      !unit ? value : unit === '%' || unit === '‰' ? `${value}${unit}` : `${value} ${unit}`,
    between: (min: string, max: string, unit: string): string => `${min}–${max}${unit ? ` ${unit}` : ''}`,
    byDate: (date: string): string => `${date} 前完成`,
    allOf: (parts: readonly string[]): string => `同时满足：${parts.join('；')}`,
    join: (comparison: string, accumulation: string): string => `${comparison}（${accumulation}）`,
    operators: {
      '>=': (amount: string): string => `不低于 ${amount}`,
      '>': (amount: string): string => `高于 ${amount}`,
      '=': (amount: string): string => `等于 ${amount}`,
      '<': (amount: string): string => `低于 ${amount}`,
      '<=': (amount: string): string => `不高于 ${amount}`,
    },
    accumulation: {
      cumulative: '按年累计',
      level: '看最新值',
      'zero-tolerance': '零容忍',
      deadline: '按时限',
      qualitative: '定性',
      relative: '与上年比较',
    },
    confidenceLabel: (confidence: string): string => `解读把握：${confidence}`,
    confidenceHint: {
      explicit: '原文写明了比较方式和数值',
      inferred: '原文未写全，按指标类别推断，请核对',
      unparsed: '原文无法识别，需管理员核对',
    },
  },
};
