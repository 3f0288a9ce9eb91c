// The module, not the library's index: the catalogue is downloaded before the first page.
import { LIGHT_NAMES } from '@jixiao/domain/monitoring/light-names';

/**
 * Words of monitoring (绩效运行监控) that several screens share: lights, workflow states, periods. Part of the
 * zh-CN catalogue (`messages.zh-CN.ts`, section `monitoring`).
 */
export const MONITORING_MESSAGES = {
  /** 预警灯, as libs/domain names them. */
  lights: LIGHT_NAMES,
  /** The light in one or two characters, beside its dot where space is short: never colour alone. */
  lightShort: {
    red: '红',
    yellow: '黄',
    green: '绿',
    blue: '蓝',
    grey: '灰',
    undetermined: '待定',
  },
  /** A value that cannot be read yet (the preview while a field is refused). */
  lightUnknown: '无法判断',
  /** 填报状态 of a project's month. */
  statuses: {
    draft: '草稿',
    submitted: '已提交',
    approved: '已审核通过',
    returned: '已退回',
    none: '未填报',
  },
  period: (period: string): string => `${period.slice(0, 4)} 年 ${Number(period.slice(5, 7))} 月`,
  month: (month: number): string => `${month} 月`,
  dueDate: (date: string): string => `截止 ${date}`,
  overdue: '已逾期',
  yuan: (amount: string): string => `${amount} 元`,
  percent: (value: string): string => `${value}%`,
  confidence: {
    explicit: '明确',
    inferred: '推断',
    unparsed: '未能识别',
  },
};
