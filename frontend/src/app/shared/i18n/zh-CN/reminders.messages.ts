/** In-app reminders (待办) in the header. Part of the zh-CN catalogue (section `reminders`). */
export const REMINDERS_MESSAGES = {
  title: '待办',
};
