/** 审核: the leader's approvals inbox. Part of the zh-CN catalogue (section `review`). */
export const REVIEW_MESSAGES = {
  title: '审核',
};
