import { type PeriodStatus, dueDate, monthOf, periodOf, yearOf } from '../monitoring/reporting-calendar';

/**
 * Reminders that reach people (docs/domain.md, "Reminders and the leadership digest"): which in-app notification
 * a reporter's month calls for on a given day, and which month the monthly leadership digest is about.
 */
export const NOTIFICATION_KINDS = [
  'report-returned', // 被退回：the leader returned the month with a reason
  'report-overdue', // 已逾期：the due date passed and the report is not in
  'report-due', // 即将到期：the due date is near and the report is not in
  'leadership-flags', // 领导月度摘要：flags, projected misses and overdue reports of a closed month
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A reporter is reminded this many days before the due date. */
export const DUE_SOON_REMINDER_DAYS = 3;

/**
 * An overdue month is announced once, within this many days after its due date; older ones stay on the task
 * list (待办) without a new notification, so a first start on an old year does not flood anyone.
 */
export const OVERDUE_REMINDER_WINDOW_DAYS = 31;

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function shiftMonth(period: string, months: number): string {
  const index = yearOf(period) * 12 + monthOf(period) - 1 + months;
  return periodOf(Math.floor(index / 12), (index % 12) + 1);
}

/**
 * The reminder a reporter's month calls for today (YYYY-MM-DD): overdue when its due date passed within the
 * window and the report is not in (missing, draft or returned), due soon when the due date is at most
 * DUE_SOON_REMINDER_DAYS away; a submitted or approved month calls for none.
 */
export function reminderFor(
  period: string,
  status: PeriodStatus | null | undefined,
  today: string,
  dueDay: number,
): 'report-overdue' | 'report-due' | null {
  if (status === 'submitted' || status === 'approved') return null;
  const due = dueDate(period, dueDay);
  if (today > due) return today <= addDays(due, OVERDUE_REMINDER_WINDOW_DAYS) ? 'report-overdue' : null;
  return addDays(today, DUE_SOON_REMINDER_DAYS) >= due ? 'report-due' : null;
}

/** The months a reminder can concern today: due from the overdue window back to the coming days, oldest first. */
export function reminderPeriods(today: string, dueDay: number): string[] {
  const current = today.slice(0, 7);
  const from = addDays(today, -OVERDUE_REMINDER_WINDOW_DAYS);
  const to = addDays(today, DUE_SOON_REMINDER_DAYS);
  return [-3, -2, -1, 0]
    .map((shift) => shiftMonth(current, shift))
    .filter((period) => {
      const due = dueDate(period, dueDay);
      return due >= from && due <= to;
    });
}

/**
 * The month the monthly leadership digest (领导月度摘要) is about today: the latest month whose due date has
 * passed, so every report of it is in or overdue.
 */
export function digestPeriod(today: string, dueDay: number): string {
  const previous = shiftMonth(today.slice(0, 7), -1);
  return today > dueDate(previous, dueDay) ? previous : shiftMonth(previous, -1);
}
