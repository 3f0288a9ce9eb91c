import { AUDIT_ACTION_LABELS, AUDIT_FIELD_LABELS } from './audit-labels';
import {
  EN_US_AUDIT_ACTION_LABELS,
  EN_US_AUDIT_FIELD_LABELS,
  auditActionLabelIn,
  auditFieldLabelIn,
} from './audit-labels.en-us';

describe('audit labels in English', () => {
  it('should name every action and field in English, and nothing else', () => {
    expect(Object.keys(EN_US_AUDIT_ACTION_LABELS).sort()).toEqual(Object.keys(AUDIT_ACTION_LABELS).sort());
    expect(Object.keys(EN_US_AUDIT_FIELD_LABELS).sort()).toEqual(Object.keys(AUDIT_FIELD_LABELS).sort());
    for (const label of [
      ...Object.values(EN_US_AUDIT_ACTION_LABELS),
      ...Object.values(EN_US_AUDIT_FIELD_LABELS),
    ])
      expect(label).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    ['zh-CN', 'progress-report.update', '修改填报'],
    ['en-US', 'progress-report.update', 'Changed a report'],
    ['en-US', 'something.new', 'something.new'],
    ['zh-CN', 'something.new', 'something.new'],
  ] as const)('should name the action in %s: %s → %s', (locale, action, label) => {
    expect(auditActionLabelIn(locale, action)).toBe(label);
  });

  it.each([
    ['zh-CN', 'actualRaw', '完成值'],
    ['en-US', 'actualRaw', 'Actual'],
    ['en-US', 'unknown', 'unknown'],
    ['zh-CN', 'unknown', 'unknown'],
  ] as const)('should name the field in %s: %s → %s', (locale, field, label) => {
    expect(auditFieldLabelIn(locale, field)).toBe(label);
  });
});
