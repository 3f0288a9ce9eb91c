import { type ArchivedItem, emptyImportDiff, needsArchiveConfirmation } from './import-diff';

const archived = (counts: Partial<ArchivedItem>): ArchivedItem => ({
  kind: 'indicator',
  id: 'i1',
  project: '人社局劳动维权工作经费',
  goal: '年度绩效目标',
  name: '处理劳动争议案件数',
  reports: 0,
  evidenceFiles: 0,
  selfEvaluationItems: 0,
  budgetExecutions: 0,
  assignments: 0,
  ...counts,
});

describe(needsArchiveConfirmation.name, () => {
  it('should not ask when nothing is archived', () => {
    expect(needsArchiveConfirmation(emptyImportDiff())).toBe(false);
  });

  it('should not ask when the archived rows carry nothing a user entered', () => {
    expect(needsArchiveConfirmation({ ...emptyImportDiff(), archived: [archived({})] })).toBe(false);
  });

  it.each<[string, Partial<ArchivedItem>]>([
    ['a progress report', { reports: 1 }],
    ['an evidence file', { evidenceFiles: 1 }],
    ['a self-evaluation item', { selfEvaluationItems: 1 }],
    ['a budget execution row', { budgetExecutions: 1 }],
    ['a lead assignment', { assignments: 1 }],
  ])('should ask when an archived row carries %s', (_what, counts) => {
    expect(
      needsArchiveConfirmation({ ...emptyImportDiff(), archived: [archived({}), archived(counts)] }),
    ).toBe(true);
  });
});
