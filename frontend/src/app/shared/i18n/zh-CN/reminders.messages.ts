/** In-app reminders (待办) in the header. Part of the zh-CN catalogue (section `reminders`). */
export const REMINDERS_MESSAGES = {
  title: '待办',
  buttonLabel: (count: number): string => (count > 0 ? `待办，共 ${count} 项` : '待办，暂无'),
  empty: '暂无待办',
  kinds: {
    'report-due': '待填报',
    'report-overdue': '已逾期',
    'report-returned': '已退回',
    review: '待审核',
  },
  due: (date: string): string => `截止 ${date}`,
  returnReason: (reason: string): string => `退回原因：${reason}`,
  more: (count: number): string => `还有 ${count} 项`,
  allReports: '全部填报',
  allReviews: '全部审核',
};
