import {
  REVIEW_STATUSES,
  REVIEW_TRANSITIONS,
  type ReviewAction,
  type ReviewStatus,
  isEditable,
  lockedHint,
  nextReviewStatus,
} from './review-workflow';

describe(nextReviewStatus.name, () => {
  it.each<[ReviewAction, ReviewStatus, ReviewStatus | undefined]>([
    ['submit', 'draft', 'submitted'],
    ['submit', 'returned', 'submitted'],
    ['submit', 'submitted', undefined],
    ['submit', 'approved', undefined],
    ['approve', 'submitted', 'approved'],
    ['approve', 'draft', undefined],
    ['approve', 'returned', undefined],
    ['return', 'submitted', 'returned'],
    ['return', 'approved', undefined],
    ['unlock', 'approved', 'draft'],
    ['unlock', 'submitted', 'draft'],
    ['unlock', 'draft', undefined],
    ['unlock', 'returned', undefined],
  ])('should move %s from %s to %s', (action, from, to) => {
    expect(nextReviewStatus(action, from)).toBe(to);
  });

  it('should ask a reason for a return and an unlock only', () => {
    const withReason = Object.entries(REVIEW_TRANSITIONS)
      .filter(([, transition]) => transition.reasonRequired)
      .map(([action]) => action);
    expect(withReason).toEqual(['return', 'unlock']);
  });

  it('should give each move to its role: the writer submits, the reviewer judges, the admin unlocks', () => {
    expect(Object.values(REVIEW_TRANSITIONS).map((transition) => transition.by)).toEqual([
      'writer',
      'reviewer',
      'reviewer',
      'admin',
    ]);
  });
});

describe(isEditable.name, () => {
  it('should keep only drafts and returned entries editable', () => {
    expect(REVIEW_STATUSES.filter(isEditable)).toEqual(['draft', 'returned']);
  });
});

describe(lockedHint.name, () => {
  it('should send an approved entry to the admin and a submitted one to the reviewer', () => {
    expect(lockedHint('approved')).toBe('（如需修改请联系绩效管理员解锁）');
    expect(lockedHint('submitted')).toBe('（如需修改请领导退回）');
  });
});
