import { DEFAULT_UI_LOCALE, type UiLocale } from '../i18n/ui-locale';
import { AUDIT_ACTION_LABELS, AUDIT_FIELD_LABELS } from './audit-labels';

/**
 * The audit log's action and field names in English, for English screens (docs/domain.md §12); the server's
 * summaries stay Chinese. Every Chinese name has an English one (a test enforces it).
 */
export const EN_US_AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.login': 'Signed in',
  'auth.logout': 'Signed out',
  'auth.login-failed': 'Failed sign-in',
  'auth.lockout': 'Failed sign-in, account locked',
  'auth.refresh-reuse': 'Reused an expired sign-in token',
  'user.create': 'Created a user',
  'user.create-demo': 'Created the demo accounts',
  'user.create-admin': 'Created the first administrator',
  'user.update': 'Changed a user',
  'user.reset-password': 'Reset a password',
  'user.change-password': 'Changed the password',
  'user.change-locale': 'Switched the interface language',
  'project.assign-leads': 'Assigned project leads',
  'department.assign-reporter': 'Assigned the department-wide reporter',
  'progress-report.create': 'Reported',
  'progress-report.update': 'Changed a report',
  'progress-report.reevaluate': 'Re-judged a light',
  'budget-execution.create': 'Reported budget spending',
  'budget-execution.update': 'Changed budget spending',
  'evidence.upload': 'Uploaded evidence',
  'evidence.download': 'Downloaded evidence',
  'period.submit': 'Submitted a month',
  'period.approve': 'Approved a month',
  'period.return': 'Returned a month',
  'period.unlock': 'Unlocked a month',
  'period-lock.lock': 'Locked a month',
  'period-lock.release': 'Released a month lock',
  'round.open': 'Opened a monitoring round',
  'round.close': 'Closed a monitoring round',
  'self-evaluation.create': 'Filled in a self-evaluation',
  'self-evaluation.update': 'Changed a self-evaluation',
  'self-evaluation.submit': 'Submitted a self-evaluation',
  'self-evaluation.approve': 'Approved a self-evaluation',
  'self-evaluation.return': 'Returned a self-evaluation',
  'self-evaluation.unlock': 'Unlocked a self-evaluation',
  'indicator.correct-target': 'Corrected a target reading',
  'indicator.confirm-target': 'Confirmed a target reading',
  'targets.import': 'Imported the performance targets',
  'project.archive-by-import': 'Archived a project on import',
  'goal.archive-by-import': 'Archived a goal on import',
  'indicator.archive-by-import': 'Archived an indicator on import',
  'project.restore-by-import': 'Restored a project on import',
  'goal.restore-by-import': 'Restored a goal on import',
  'indicator.restore-by-import': 'Restored an indicator on import',
  'import.load': 'Imported a budget document',
  'export.download': 'Downloaded an export',
  'target-review-rule.enable': 'Switched a target-review rule on',
  'target-review-rule.disable': 'Switched a target-review rule off',
};

export const EN_US_AUDIT_FIELD_LABELS: Readonly<Record<string, string>> = {
  actualRaw: 'Actual',
  forecastRaw: 'Full-year forecast',
  likelihood: 'Likelihood',
  reasons: 'Deviation reasons',
  reasonText: 'Explanation',
  correctiveAction: 'Corrective action',
  evidence: 'Evidence note',
  light: 'Light',
  lightReason: 'Light reason',
  executedYuan: 'Budget spent',
  note: 'Note',
  status: 'Status',
  returnReason: 'Return reason',
  submittedAt: 'Submitted at',
  reviewedAt: 'Reviewed at',
  reason: 'Reason',
  role: 'Role',
  username: 'User name',
  displayName: 'Name',
  active: 'Active',
  mustChangePassword: 'Must change password',
  locale: 'Interface language',
  departmentCode: 'Department code',
  leads: 'Project leads',
  reporter: 'Department-wide reporter',
  targetRaw: 'Target',
  weight: 'Weight',
  archivedAt: 'Archived at',
  lockedUntil: 'Locked until',
  failures: 'Failures in a row',
  fileName: 'File name',
  overallResult: 'Overall result',
  totalScore: 'Total score',
  grade: 'Grade',
  ruleId: 'Review rule',
  enabled: 'Enabled',
};

/** The name of an action in a language; an action nobody named yet keeps its code rather than vanish. */
export function auditActionLabelIn(locale: UiLocale, action: string): string {
  const labels = locale === DEFAULT_UI_LOCALE ? AUDIT_ACTION_LABELS : EN_US_AUDIT_ACTION_LABELS;
  return labels[action] ?? action;
}

/** The name of a snapshot field in a language; an unnamed field keeps its code. */
export function auditFieldLabelIn(locale: UiLocale, field: string): string {
  if (locale === DEFAULT_UI_LOCALE) return AUDIT_FIELD_LABELS[field]?.label ?? field;
  return EN_US_AUDIT_FIELD_LABELS[field] ?? field;
}
