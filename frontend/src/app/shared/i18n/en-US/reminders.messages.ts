import type { Messages } from '../messages.zh-CN';

/** In-app reminders (待办) in the header, in English (section `reminders`). */
export const REMINDERS_MESSAGES: Messages['reminders'] = {
  title: 'To do',
  buttonLabel: (count: number): string => (count > 0 ? `To do: ${count}` : 'To do: nothing'),
  empty: 'Nothing to do',
  kinds: {
    'report-due': 'Report due',
    'report-overdue': 'Overdue',
    'report-returned': 'Returned',
    review: 'To review',
  },
  due: (date: string): string => `Due ${date}`,
  returnReason: (reason: string): string => `Returned because: ${reason}`,
  more: (count: number): string => `${count} more`,
  allReports: 'All reports',
  allReviews: 'All reviews',
};
