// The review workflow (审核流程) shared by the monitoring periods and the self-evaluations.

// 草稿 → 已提交 → 已审核通过 (locked) or 已退回 (with a reason); the admin's 解锁 sends it back to 草稿.
export const REVIEW_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_STATUS_LABELS: Readonly<Record<ReviewStatus, string>> = {
  draft: '草稿',
  submitted: '已提交',
  approved: '已审核通过',
  returned: '已退回',
};

export type ReviewAction = 'submit' | 'approve' | 'return' | 'unlock';

// Who may move it: the writer (a project's assigned lead, or the admin for the department as a whole), the
// department's reviewer (部门领导), or the admin (绩效管理员).
export type ReviewRole = 'writer' | 'reviewer' | 'admin';

export interface ReviewTransition {
  from: readonly ReviewStatus[];
  to: ReviewStatus;
  by: ReviewRole;
  reasonRequired: boolean;
  label: string; // the verb as users read it
  // What the move stamps: submitted_at/by, reviewed_at/by, or reviewed_at/by on an unlock.
  stamp: 'submit' | 'review' | 'reset';
}

export const REVIEW_TRANSITIONS: Readonly<Record<ReviewAction, ReviewTransition>> = {
  submit: {
    from: ['draft', 'returned'],
    to: 'submitted',
    by: 'writer',
    reasonRequired: false,
    label: '提交',
    stamp: 'submit',
  },
  approve: {
    from: ['submitted'],
    to: 'approved',
    by: 'reviewer',
    reasonRequired: false,
    label: '审核通过',
    stamp: 'review',
  },
  return: {
    from: ['submitted'],
    to: 'returned',
    by: 'reviewer',
    reasonRequired: true,
    label: '退回',
    stamp: 'review',
  },
  unlock: {
    from: ['submitted', 'approved'],
    to: 'draft',
    by: 'admin',
    reasonRequired: true,
    label: '解锁',
    stamp: 'reset',
  },
};

/** The status an action leads to from `status`; undefined when the table has no such move. */
export function nextReviewStatus(action: ReviewAction, status: ReviewStatus): ReviewStatus | undefined {
  const transition = REVIEW_TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : undefined;
}

/** Entries can be changed while a draft or returned; submitted and approved are locked. */
export function isEditable(status: ReviewStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** Who unlocks a locked entry: the reviewer returns a submitted one, the admin unlocks an approved one. */
export function lockedHint(status: ReviewStatus): string {
  return status === 'approved' ? '（如需修改请联系绩效管理员解锁）' : '（如需修改请领导退回）';
}
