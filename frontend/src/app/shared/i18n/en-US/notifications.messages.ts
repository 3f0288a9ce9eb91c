import type { Messages } from '../messages.zh-CN';

/** In-app notifications (header) and the leadership digest page, in English (section `notifications`). */
export const NOTIFICATIONS_MESSAGES: Messages['notifications'] = {
  title: 'Notifications',
  buttonLabel: (unread: number): string =>
    unread > 0 ? `Notifications: ${unread} unread` : 'Notifications: none unread',
  empty: 'No notifications',
  unread: 'Unread',
  readAll: 'Mark all read',
  kinds: {
    'report-returned': 'Returned',
    'report-overdue': 'Overdue',
    'report-due': 'Due soon',
    'leadership-flags': 'Monthly flags',
  },
  returnReason: (reason: string): string => `Returned because: ${reason}`,
  overdue: (date: string): string => `Was due ${date}, not submitted`,
  due: (date: string): string => `Submit by ${date}`,
  flags: (red: number, yellow: number, projectedMiss: number, overdue: number): string =>
    `${red} red · ${yellow} yellow · ${projectedMiss} projected to miss · ${overdue} overdue`,
  digest: {
    title: 'Leadership digest',
    subtitle: (department: string, period: string, today: string): string =>
      `${department} · as of ${period} · made on ${today}`,
    loading: 'Preparing the digest…',
    failed: 'The digest could not be loaded',
    retry: 'Retry',
    print: 'Print',
    send: 'E-mail to the leaders',
    sending: 'Sending…',
    sent: (queued: number, already: number, noEmail: number): string =>
      `${queued} queued; ${already} sent before; ${noEmail} leader(s) without an e-mail address`,
    summary: (total: number, red: number, yellow: number, grey: number): string =>
      `${total} annual indicators: ${red} red, ${yellow} yellow, ${grey} not reported.`,
    budget: (rate: string, pace: number): string => `Budget executed ${rate}%, time elapsed ${pace}%`,
    budgetNone: 'No budget execution reported yet',
    flagged: (red: number, yellow: number): string => `1. Flagged indicators (${red} red, ${yellow} yellow)`,
    projected: (count: number): string => `2. Projected to miss at year end (${count})`,
    overdue: (count: number): string => `3. Overdue reports (${count})`,
    none: 'None',
    columns: {
      light: 'Light',
      project: 'Project',
      indicator: 'Indicator',
      target: 'Target',
      actual: 'Done so far',
      reason: 'Why flagged',
      projection: 'Year-end projection',
      explanation: 'How it is projected',
      period: 'Month',
      dueDate: 'Due',
      daysOverdue: 'Days overdue',
    },
    days: (days: number): string => `${days} days`,
    projection: (value: string, light: string): string => `${value} (${light})`,
  },
};
