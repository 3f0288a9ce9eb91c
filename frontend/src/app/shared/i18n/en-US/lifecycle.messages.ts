import type { Messages } from '../messages.zh-CN';

/** 申报 → 批复 → 调整 of an indicator tree, in English (section `lifecycle`). */
export const LIFECYCLE_MESSAGES: Messages['lifecycle'] = {
  title: 'Target status',
  status: {
    draft: 'Draft',
    submitted: 'Submitted',
    approved: 'Approved',
  },
  statusHint: {
    draft: 'The project lead or the admin may edit a draft, then submit it',
    submitted: 'Submitted, awaiting the leader’s approval',
    approved: 'Approved: monitoring runs on it; to change a target, propose an adjustment',
  },
  lastReturned: (reason: string): string => `Last returned because: ${reason}`,
  submit: 'Submit',
  approve: 'Approve',
  return: 'Return',
  adjust: 'Adjust targets',
  done: {
    submit: 'Submitted for the leader’s approval',
    approve: 'Approved',
    return: 'Returned',
    propose: 'Adjustment proposed, awaiting the leader’s approval',
    approveAdjustment: 'Adjustment approved: the new targets apply from the effective month',
    returnAdjustment: 'Adjustment returned',
  },
  returnModal: {
    title: 'Return the targets',
    adjustmentTitle: 'Return the adjustment',
    reason: 'Reason',
    placeholder: 'Say what needs to change',
    required: 'Give the reason for returning',
    submit: 'Return',
    cancel: 'Cancel',
  },
  adjustments: {
    title: 'Adjustments',
    pending: (count: number): string => `${count} awaiting approval`,
    none: 'No adjustments',
    status: {
      submitted: 'Awaiting approval',
      approved: 'Approved',
      returned: 'Returned',
    },
    effectiveFrom: (month: number): string => `effective from month ${month}`,
    proposedBy: (name: string): string => `Proposed by ${name}`,
    reason: (reason: string): string => `Reason: ${reason}`,
    returnReason: (reason: string): string => `Returned because: ${reason}`,
    change: (oldTarget: string, newTarget: string): string => `${oldTarget} → ${newTarget}`,
    approve: 'Approve',
    return: 'Return',
  },
  dialog: {
    title: 'Adjust targets',
    intro:
      'Approved targets change only through an adjustment; once the leader approves it, months from the effective month on are judged against the new target, earlier months stay as they were.',
    indicators: 'Indicators to adjust',
    indicatorsPlaceholder: 'Pick one or more annual indicators',
    current: (target: string): string => `Current target: ${target}`,
    newTarget: 'New target',
    newTargetFor: (name: string): string => `New target of "${name}"`,
    reading: (text: string): string => `Read as: ${text}`,
    unreadable: 'This target cannot be read: write the comparison, the figure and the unit',
    reason: 'Reason for the adjustment',
    reasonPlaceholder: 'For example: a new assignment from above, a change of policy',
    effectiveFrom: 'Effective from',
    submit: 'Propose the adjustment',
    cancel: 'Cancel',
    required: {
      indicators: 'Pick at least one indicator',
      target: 'Write the new target',
      reason: 'Give the reason for the adjustment',
    },
  },
  history: {
    title: 'Target adjustments',
    adjusted: 'Adjusted',
    adjustedHint: (count: number): string =>
      `Adjusted ${count} time(s) this year; see the month-by-month record`,
    change: (oldTarget: string, newTarget: string, month: number): string =>
      `${oldTarget} → ${newTarget} (from month ${month})`,
    reason: (reason: string): string => `Reason: ${reason}`,
    people: (proposer: string, approver: string): string =>
      `Proposed by ${proposer} · approved by ${approver}`,
  },
};
