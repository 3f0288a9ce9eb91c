/** 管理: the performance admin's screens. Part of the zh-CN catalogue (section `admin`). */
export const ADMIN_MESSAGES = {
  title: '管理',
};
