import { AUDIT_ACTION_LABELS, AUDIT_FIELD_LABELS, auditActionLabel } from './audit-labels';

describe('audit labels', () => {
  it('should name a known action in Chinese', () => {
    expect(auditActionLabel('progress-report.update')).toBe('修改填报');
  });

  it('should keep the code of an action nobody named', () => {
    expect(auditActionLabel('something.new')).toBe('something.new');
  });

  it('should give every action and field a Chinese label', () => {
    const labels = [
      ...Object.values(AUDIT_ACTION_LABELS),
      ...Object.values(AUDIT_FIELD_LABELS).map((f) => f.label),
    ];
    for (const label of labels) expect(label).toMatch(/[\u4e00-\u9fff]/);
  });
});
