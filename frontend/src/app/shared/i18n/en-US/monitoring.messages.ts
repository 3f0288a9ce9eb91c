import { EN_US_MESSAGES } from '@jixiao/domain';

import type { Messages } from '../messages.zh-CN';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** English month name of 1–12; a number out of range reads as itself rather than vanish. */
export const monthName = (month: number): string => MONTHS[month - 1] ?? String(month);

/** Monitoring words several screens share, in English (section `monitoring`). */
export const MONITORING_MESSAGES: Messages['monitoring'] = {
  lights: EN_US_MESSAGES.lightNames,
  lightShort: {
    red: 'Red',
    yellow: 'Yel',
    green: 'Grn',
    blue: 'Blue',
    grey: 'Grey',
    undetermined: 'Und',
  },
  lightUnknown: 'Cannot judge yet',
  statuses: {
    draft: 'Draft',
    submitted: 'Submitted',
    approved: 'Approved',
    returned: 'Returned',
    none: 'Not reported',
  },
  period: (period: string): string => `${monthName(Number(period.slice(5, 7)))} ${period.slice(0, 4)}`,
  month: (month: number): string => monthName(month),
  dueDate: (date: string): string => `Due ${date}`,
  overdue: 'Overdue',
  yuan: (amount: string): string => `¥${amount}`,
  percent: (value: string): string => `${value}%`,
  confidence: {
    explicit: 'Explicit',
    inferred: 'Inferred',
    unparsed: 'Not recognised',
  },
};
