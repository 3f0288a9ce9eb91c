import {
  deviationNoteOf,
  evaluationSourceLabel,
  pickDeviationNote,
  pickFinalActual,
  type ReportForEvaluation,
} from './final-actual';

const report = (period: string, status: ReportForEvaluation['status'], extra = {}): ReportForEvaluation => ({
  period,
  status,
  actualRaw: `${period} 的值`,
  ...extra,
});

describe(pickFinalActual.name, () => {
  it('should take the latest approved report over a later draft', () => {
    const july = report('2025-07', 'approved');
    expect(pickFinalActual([july, report('2025-06', 'approved'), report('2025-08', 'draft')])).toBe(july);
  });

  it('should prefer an approved report to a later submitted one', () => {
    const june = report('2025-06', 'approved');
    expect(pickFinalActual([report('2025-07', 'submitted'), june])).toBe(june);
  });

  it('should fall back to the latest submitted report when none is approved', () => {
    const august = report('2025-08', 'submitted');
    expect(pickFinalActual([report('2025-07', 'submitted'), august, report('2025-09', 'returned')])).toBe(
      august,
    );
  });

  it('should never take a draft or a returned report', () => {
    expect(pickFinalActual([report('2025-08', 'draft'), report('2025-07', 'returned')])).toBeNull();
    expect(pickFinalActual([])).toBeNull();
  });
});

describe(deviationNoteOf.name, () => {
  it('should join the reason categories, the reason text and the corrective action', () => {
    expect(
      deviationNoteOf(
        report('2025-07', 'approved', {
          reasons: ['政策调整'],
          reasonText: ' 人员不足 ',
          correctiveAction: '增派协管员',
        }),
      ),
    ).toBe('偏差原因：政策调整；人员不足；改进措施：增派协管员');
  });

  it('should give the corrective action alone, or nothing when the report gave neither', () => {
    expect(deviationNoteOf(report('2025-07', 'approved', { correctiveAction: '加快进度' }))).toBe(
      '改进措施：加快进度',
    );
    expect(
      deviationNoteOf(report('2025-07', 'approved', { reasonText: '  ', correctiveAction: null })),
    ).toBeNull();
  });
});

describe(pickDeviationNote.name, () => {
  it('should take the note of the report the actual comes from, skipping drafts and reports that gave none', () => {
    expect(
      pickDeviationNote([
        report('2025-06', 'approved', { reasonText: '六月原因' }),
        report('2025-07', 'approved', { reasonText: '七月原因' }),
        report('2025-08', 'approved'),
        report('2025-09', 'draft', { reasonText: '草稿原因' }),
      ]),
    ).toEqual({ text: '偏差原因：七月原因', source: { kind: 'approved', period: '2025-07' } });
  });

  it('should mark a note from a submitted report and give null when no report has one', () => {
    expect(pickDeviationNote([report('2025-08', 'submitted', { reasonText: '八月原因' })])).toEqual({
      text: '偏差原因：八月原因',
      source: { kind: 'submitted', period: '2025-08' },
    });
    expect(pickDeviationNote([report('2025-08', 'draft', { reasonText: '草稿' })])).toBeNull();
  });
});

describe(evaluationSourceLabel.name, () => {
  it.each<[Parameters<typeof evaluationSourceLabel>[0], string]>([
    [{ kind: 'approved', period: '2025-07' }, '取自 2025-07 已审核填报'],
    [{ kind: 'submitted', period: '2025-08' }, '取自 2025-08 已提交（未审核）填报'],
    [{ kind: 'entered', period: null }, '手工填写'],
    [{ kind: 'approved', period: null }, '手工填写'],
  ])('should label %j as %s', (source, label) => {
    expect(evaluationSourceLabel(source)).toBe(label);
  });
});
