import { parseTarget } from '@jixiao/domain';

import { type PlanRow, type PlanText, isBlockPaste, parseClipboardTable, planPaste } from './entry-paste';
import { EMPTY_VALUES } from './report-draft';

const TEXT: PlanText = {
  notEntered: '尚未填写',
  valueUnreadable: '无法比较',
  likelihoodInvalid: (value) => `“${value}”不是完成可能性`,
};
const JUNE = { year: 2025, month: 6 };

function aRow(id: string, targetRaw: string, level2 = '数量指标', overrides: Partial<PlanRow> = {}): PlanRow {
  return {
    indicatorId: id,
    indicator: { target: parseTarget(targetRaw, { level1: '产出指标', level2 }) },
    values: EMPTY_VALUES,
    previous: null,
    ...overrides,
  };
}

describe(parseClipboardTable.name, () => {
  it.each<[string, string, string[][]]>([
    ['one column from Excel (CRLF, trailing line break)', '6次\r\n98%\r\n', [['6次'], ['98%']]],
    [
      'a block of two columns',
      '6次\t12次\n98%\t100%\n',
      [
        ['6次', '12次'],
        ['98%', '100%'],
      ],
    ],
    [
      'blank cells kept in place',
      '6次\t\n\t100%',
      [
        ['6次', ''],
        ['', '100%'],
      ],
    ],
    ['a quoted cell with a line break and a quote', '"见附件\n""签到表"""\t5\n', [['见附件\n"签到表"', '5']]],
    ['a quote inside an unquoted cell', '5"\t6\n', [['5"', '6']]],
    ['an unclosed quote read as text', '"abc\n', [['"abc']]],
    ['a single value', '12', [['12']]],
    ['nothing', '', []],
  ])('should read %s', (_, text, expected) => {
    expect(parseClipboardTable(text)).toEqual(expected);
  });
});

describe(isBlockPaste.name, () => {
  it.each<[string, boolean]>([
    ['12', false],
    ['12\n', false],
    ['12\n13', true],
    ['12\t13', true],
    ['', false],
  ])('should take over %j → %s', (text, expected) => {
    expect(isBlockPaste(text)).toBe(expected);
  });
});

describe(planPaste.name, () => {
  const rows = [aRow('a', '≥12 次'), aRow('b', '100%', '质量指标'), aRow('c', '≥12 次')];

  it('should lay a column onto the rows from the focused one, blank cells leaving a cell as it is', () => {
    const plan = planPaste(rows, { row: 1, field: 'actual' }, [['98%'], [''], ['extra']], JUNE, TEXT);

    expect(plan.cells.map((cell) => [cell.indicatorId, cell.field, cell.value, cell.problems])).toEqual([
      ['b', 'actual', '98%', []],
    ]);
    expect(plan.extraLines).toBe(1);
    expect(plan.kind).toBe('paste');
  });

  it('should fill the columns to the right in the grid order and count what does not fit', () => {
    const plan = planPaste(rows, { row: 0, field: 'forecast' }, [['12次', '确定能', 'x', 'y']], JUNE, TEXT);

    expect(plan.cells.map((cell) => [cell.field, cell.value, cell.applied])).toEqual([
      ['forecast', '12次', true],
      ['likelihood', '确定能', true],
    ]);
    expect(plan.extraColumns).toBe(2);
    expect(plan.extraLines).toBe(0);
  });

  it('should read each value as the API does: a number for a 定量 target, a unit that converts', () => {
    const plan = planPaste(
      rows,
      { row: 0, field: 'actual' },
      [['进行中', '5 人'], ['95%'], ['6次']],
      JUNE,
      TEXT,
    );

    expect(plan.cells.map((cell) => [cell.indicatorId, cell.field, cell.problems])).toEqual([
      ['a', 'actual', [{ severity: 'error', message: '请填写数值，如 105 或 105次' }]],
      ['a', 'forecast', [{ severity: 'error', message: expect.stringContaining('无法换算') }]],
      ['b', 'actual', []],
      ['c', 'actual', []],
    ]);
  });

  it('should warn of what the API saves with a warning, and refuse a likelihood that is none of the three', () => {
    const withMay = aRow('a', '≥12 次', '数量指标', { previous: { period: '2025-05', actualRaw: '5次' } });

    const plan = planPaste([withMay], { row: 0, field: 'actual' }, [['4', '', '可能吧']], JUNE, TEXT);

    expect(plan.cells).toEqual([
      expect.objectContaining({
        field: 'actual',
        value: '4',
        before: '',
        applied: true,
        problems: [{ severity: 'warning', message: expect.stringContaining('低于 5 月填报的 5次') }],
      }),
      expect.objectContaining({
        field: 'likelihood',
        applied: false,
        problems: [{ severity: 'error', message: '“可能吧”不是完成可能性' }],
      }),
    ]);
  });
});
