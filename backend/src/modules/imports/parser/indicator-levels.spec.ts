import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import type { Indicator } from '@jixiao/domain';
import { parseBudgetDocument } from './budget-document.parser';
import { ImportLog } from './import-log';
import { LEVEL2_TO_LEVEL1, level1For } from './indicator-levels';
import { parseIndicatorTable } from './indicator-table.parser';
import { readRows } from './text-table.util';

const SEED = join(__dirname, '../../../../../seeds/000_fecdbe4f42164389.txt');
const LEVEL2S = Object.keys(LEVEL2_TO_LEVEL1);
const LEVEL1S = [...new Set(Object.values(LEVEL2_TO_LEVEL1))];

interface GeneratedRow {
  level2: string;
  /** What the 一级 cell shows: the right parent, a wrong one, or nothing (a merged cell). */
  level1Cell: 'right' | 'wrong' | 'merged';
  target: string;
}

/** A 表12 long-term table as PDF extraction writes it: merged cells empty, tab-separated. */
function renderTable(rows: GeneratedRow[]): string {
  const lines = ['目标名称\t一级指标\t二级指标\t三级指标\t指标值\t指标值确定依据'];
  rows.forEach((row, i) => {
    const parent = LEVEL2_TO_LEVEL1[row.level2];
    const level1 =
      row.level1Cell === 'right'
        ? parent
        : row.level1Cell === 'wrong'
          ? (LEVEL1S.find((l) => l !== parent) ?? '')
          : '';
    const level2 = i > 0 && rows[i - 1].level2 === row.level2 ? '' : row.level2;
    lines.push(
      [i === 0 ? '长期绩效目标 1' : '', level1, level2, `指标${i + 1}`, row.target, '历史数据'].join('\t'),
    );
  });
  return lines.join('\n');
}

describe(level1For.name, () => {
  it('should give every 三级 indicator of the published document the 一级 its 二级 belongs to', () => {
    const { document } = parseBudgetDocument(readFileSync(SEED, 'utf8'));
    const indicators: Indicator[] = [document.overall, ...document.projects]
      .flatMap((owner) => owner.goals)
      .flatMap((goal) => goal.indicators);

    expect(indicators).toHaveLength(281);
    expect(indicators.filter((indicator) => level1For(indicator.level2) !== indicator.level1)).toEqual([]);
  });

  it('should set the 一级 from the 二级 whatever the merged or misplaced 一级 cells say', () => {
    const row = fc.record<GeneratedRow>({
      level2: fc.constantFrom(...LEVEL2S),
      level1Cell: fc.constantFrom('right', 'wrong', 'merged'),
      target: fc.constantFrom('≥90%', '100%', '12 场', '及时', '》95%', '≤48 小时'),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), (rows) => {
        const parsed = parseIndicatorTable(readRows(renderTable(rows)), new ImportLog(), {
          table: '表12',
        }).rows;

        expect(parsed.map((entry) => entry.indicator)).toEqual(
          rows.map((generated, i) => ({
            level1: LEVEL2_TO_LEVEL1[generated.level2],
            level2: generated.level2,
            name: `指标${i + 1}`,
            target: generated.target,
            basis: '历史数据',
          })),
        );
      }),
    );
  });
});
