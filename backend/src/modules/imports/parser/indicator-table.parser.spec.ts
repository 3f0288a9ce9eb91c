import { readFileSync } from 'fs';
import { join } from 'path';
import type { Indicator } from '@jixiao/domain';
import { ImportLog } from './import-log';
import type { RecoveryKind } from './import-report.types';
import { type IndicatorRow, isIndicatorHeader, parseIndicatorTable } from './indicator-table.parser';
import { readRows, squash } from './text-table.util';

// Excerpts of seeds/000_fecdbe4f42164389.txt, copied line for line (tabs and page-break blank lines kept).
const FIXTURES = join(__dirname, '../../../../test/fixtures/import');

/** Every indicator table in a fixture, with the source line numbers shifted to the seed's. */
function parseFixture(name: string, firstLine: number): { rows: IndicatorRow[]; log: ImportLog } {
  const rows = readRows(readFileSync(join(FIXTURES, name), 'utf8')).map((row) => ({
    ...row,
    line: row.line + firstLine - 1,
  }));
  const log = new ImportLog();
  const ends = (text: string): boolean => /目标表$|目标\d*[:：]$/.test(squash(text));
  const parsed: IndicatorRow[] = [];
  rows.forEach((row, start) => {
    if (!isIndicatorHeader(row)) return;
    let end = start + 1;
    while (end < rows.length && !isIndicatorHeader(rows[end]) && !ends(rows[end].cells[0] ?? '')) end++;
    parsed.push(...parseIndicatorTable(rows.slice(start, end), log, { table: '表12' }).rows);
  });
  return { rows: parsed, log };
}

function at(rows: IndicatorRow[], line: number): Indicator | undefined {
  return rows.find((row) => row.line === line)?.indicator;
}

describe(parseIndicatorTable.name, () => {
  it.each<[string, string, number, number, Partial<Indicator>, RecoveryKind]>([
    [
      'carry 一级 and 二级 down merged cells',
      'merged-cells.txt',
      829,
      839,
      { level1: '效益指标', level2: '社会效益指标', name: '规范人员管理', target: '规范', basis: '历史数据' },
      'merged-cells',
    ],
    [
      'move a name found in the 二级 column back into place',
      'shifted-left.txt',
      694,
      702,
      {
        level1: '产出指标',
        level2: '数量指标',
        name: '补贴发放人数',
        target: '完成市级下达任务',
        basis: '历史数据',
      },
      'shifted-row',
    ],
    [
      'move a 二级 found in the 一级 column back into place',
      'shifted-left.txt',
      694,
      706,
      {
        level1: '产出指标',
        level2: '时效指标',
        name: '补贴发放及时',
        target: '在规定时间内发放',
        basis: '历史数据',
      },
      'shifted-row',
    ],
    [
      'move a 一级 found in the 目标名称 column back into place',
      'shifted-left.txt',
      694,
      707,
      {
        level1: '效益指标',
        level2: '社会效益指标',
        name: '创业带动就业',
        target: '3600人',
        basis: '历史数据',
      },
      'shifted-row',
    ],
    [
      'move a row shifted right back and leave the lost basis empty',
      'shifted-right.txt',
      484,
      501,
      {
        level1: '产出指标',
        level2: '时效指标',
        name: '及时发放各项社保待遇',
        prev2: '及时',
        prev1: '及时',
        target: '及时',
        basis: '',
      },
      'shifted-row',
    ],
    [
      'move a 一级 shifted right back into place',
      'shifted-right.txt',
      484,
      502,
      {
        level1: '效益指标',
        level2: '社会效益指标',
        name: '纠正企业违法行为，和行业不良风气',
        target: '确保全区90%以上的企业按时足额缴纳社保',
        basis: '',
      },
      'shifted-row',
    ],
    [
      'move a name written in the 目标名称 column and its values back into place',
      'name-in-goal-column.txt',
      778,
      784,
      {
        level1: '产出指标',
        level2: '数量指标',
        name: '区内劳动监察巡查发现问题整改数量',
        prev2: '',
        prev1: '',
        target: '100',
        basis: '计划数据',
      },
      'shifted-row',
    ],
    [
      'put back an empty spacer column a page lost',
      'missing-spacer-column.txt',
      1134,
      1141,
      {
        level1: '产出指标',
        level2: '时效指标',
        name: '系统运维响应时间',
        target: '≤30 分钟',
        basis: '历史数据',
      },
      'shifted-row',
    ],
    [
      'put back the spacer column in a row otherwise in place',
      'missing-spacer-column.txt',
      1134,
      1142,
      {
        level1: '效益指标',
        level2: '社会效益指标',
        name: '保障业务正常开展',
        target: '保障',
        basis: '历史数据',
      },
      'shifted-row',
    ],
    [
      'join a name split across a page break',
      'page-break-split.txt',
      907,
      914,
      {
        level1: '产出指标',
        level2: '数量指标',
        name: '经办业务培训次数',
        target: '≥1 场',
        prev2: '≥1 场',
        prev1: '≥1 场',
      },
      'page-break-join',
    ],
    [
      'join a name split across a page break inside parentheses',
      'wrong-parent.txt',
      960,
      974,
      {
        name: '事业单位公开招聘人员、人才引进和人员调配 (以实际招聘人员、人才引进人数和公开选调人数为准)',
        target: '200 人',
      },
      'page-break-join',
    ],
    [
      'set the 一级 of a 二级 a merged cell put under the wrong one',
      'wrong-parent.txt',
      960,
      967,
      { level1: '效益指标', level2: '社会效益指标', name: '带动就业增长率', target: '明显' },
      'wrong-parent',
    ],
    [
      'carry the corrected 一级 to the rows below',
      'wrong-parent.txt',
      960,
      969,
      { level1: '效益指标', level2: '社会效益指标', name: '提高我区事业单位规范人事管理水平' },
      'wrong-parent',
    ],
    [
      'join level names split across a page break',
      'narrow-cells.txt',
      1078,
      1086,
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '当事人满意', target: '≥90%' },
      'page-break-join',
    ],
    [
      'drop line-break spaces in names but keep the published value text',
      'narrow-cells.txt',
      1078,
      1092,
      {
        level2: '经济成本指标',
        name: '生活困难补助',
        prev2: '910 元/月',
        prev1: '940 元/月',
        target: '1040 元/ 月',
        basis: '历史数 据',
      },
      'name-whitespace',
    ],
    [
      'keep a typo in the target as published',
      'typo.txt',
      429,
      440,
      {
        level1: '满意度指标',
        level2: '服务对象满意度指标',
        name: '群众满意度',
        target: '》95%',
        basis: '历史数据',
      },
      'typo',
    ],
  ])('should %s', (_title, fixture, firstLine, line, expected, recovery) => {
    const { rows, log } = parseFixture(fixture, firstLine);

    expect(at(rows, line)).toMatchObject(expected);
    expect(log.recoveries.map((entry) => entry.kind)).toContain(recovery);
  });

  it.each<[string, number, number, number]>([
    // Counted by hand from the excerpt: long-term table, then annual table.
    ['wrong-parent.txt', 960, 9, 11],
    ['narrow-cells.txt', 1078, 7, 7],
  ])(
    'should read every row of %s when rows are split, shifted or misplaced',
    (fixture, firstLine, long, annual) => {
      const { rows } = parseFixture(fixture, firstLine);
      const headerLine = rows.find((row) => row.indicator.prev1 !== undefined)?.line ?? Infinity;

      expect(rows.filter((row) => row.line < headerLine)).toHaveLength(long);
      expect(rows.filter((row) => row.line >= headerLine)).toHaveLength(annual);
    },
  );

  it('should report the stray header word in the 目标名称 column when a table repeats it', () => {
    const { log } = parseFixture('wrong-parent.txt', 960);

    expect(log.recoveries).toContainEqual(
      expect.objectContaining({ kind: 'stray-cell', location: expect.objectContaining({ line: 974 }) }),
    );
  });

  it('should keep annual values only on annual tables when the table has no 前年/上年 columns', () => {
    const { rows } = parseFixture('merged-cells.txt', 829);

    expect(rows.every((row) => row.indicator.prev1 === undefined && row.indicator.prev2 === undefined)).toBe(
      true,
    );
    expect(rows).toHaveLength(10);
  });
});
