import { parseTarget } from '@jixiao/domain';

import type { PlanText } from './entry-paste';
import { EMPTY_VALUES, type ReportValues } from './report-draft';
import { type CarryRow, carryOverCells, carryOverOf } from './same-as-last';
import { aLatestReport } from './testing/monitoring-builders';

const TEXT: PlanText = {
  notEntered: '尚未填写',
  valueUnreadable: '无法比较',
  likelihoodInvalid: (value) => `“${value}”不是完成可能性`,
};
const JUNE = { year: 2025, month: 6 };

function aRow(overrides: Partial<CarryRow> & { targetRaw?: string; level2?: string } = {}): CarryRow {
  const { targetRaw = '≥12 次', level2 = '数量指标', ...rest } = overrides;
  return {
    indicatorId: 'a',
    indicator: { target: parseTarget(targetRaw, { level1: '产出指标', level2 }) },
    values: EMPTY_VALUES,
    previous: { period: '2025-05', actualRaw: '5次' },
    latest: null,
    ...rest,
  };
}

const typed = (values: Partial<ReportValues>): ReportValues => ({ ...EMPTY_VALUES, ...values });

describe(carryOverOf.name, () => {
  it("should carry over a cumulative count's year-to-date value, meaning nothing was added this month", () => {
    expect(carryOverOf(aRow(), JUNE, TEXT)).toEqual({
      period: '2025-05',
      values: { actual: '5次' },
      cumulative: true,
    });
  });

  it("should carry a level over with the previous report's forecast and likelihood when this month has none", () => {
    const row = aRow({
      targetRaw: '≥90%',
      level2: '质量指标',
      previous: { period: '2025-05', actualRaw: '95%' },
      latest: aLatestReport({
        period: '2025-05',
        actualRaw: '95%',
        forecastRaw: '96%',
        likelihood: '确定能',
      }),
    });

    expect(carryOverOf(row, JUNE, TEXT)).toEqual({
      period: '2025-05',
      values: { actual: '95%', forecast: '96%', likelihood: '确定能' },
      cumulative: false,
    });
  });

  it('should keep a forecast and likelihood already typed this month', () => {
    const row = aRow({
      values: typed({ forecast: '11次', likelihood: '有可能' }),
      latest: aLatestReport({
        period: '2025-05',
        actualRaw: '5次',
        forecastRaw: '12次',
        likelihood: '确定能',
      }),
    });

    expect(carryOverOf(row, JUNE, TEXT)?.values).toEqual({ actual: '5次' });
  });

  it.each<[string, Partial<CarryRow>]>([
    ['there is no previous report', { previous: null }],
    ['the row already says the same', { values: typed({ actual: '5次' }) }],
    [
      'the previous value no longer reads against the target',
      { previous: { period: '2025-05', actualRaw: '5人' } },
    ],
  ])('should offer nothing when %s', (_, overrides) => {
    expect(carryOverOf(aRow(overrides), JUNE, TEXT)).toBeNull();
  });
});

describe(carryOverCells.name, () => {
  it('should carry over only the rows not reported yet this month', () => {
    const rows = [
      aRow({ indicatorId: 'a' }),
      aRow({ indicatorId: 'b', values: typed({ actual: '7次' }) }),
      aRow({ indicatorId: 'c', previous: null }),
      aRow({ indicatorId: 'd', previous: { period: '2025-04', actualRaw: '4次' } }),
    ];

    expect(carryOverCells(rows, JUNE, TEXT).map((cell) => [cell.indicatorId, cell.value])).toEqual([
      ['a', '5次'],
      ['d', '4次'],
    ]);
  });
});
