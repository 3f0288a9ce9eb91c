import { dropCjkGaps, parseAmount, readRows } from './text-table.util';

describe(dropCjkGaps.name, () => {
  it.each<[string, string]>([
    ['开展各类培训 次数', '开展各类培训次数'],
    ['公共服务机构 工作人员服务 满意率', '公共服务机构工作人员服务满意率'],
    ['提供就业岗位数 （个次）', '提供就业岗位数（个次）'],
    ['举办失业保险相关政策培训 、培训人次。', '举办失业保险相关政策培训、培训人次。'],
    ['服务费每人每月 45 元，按相关程序及时支付', '服务费每人每月 45 元，按相关程序及时支付'],
    ['2080705 公益性岗位 补贴', '2080705 公益性岗位补贴'],
    ['LED 室内全彩显示屏', 'LED 室内全彩显示屏'],
  ])('should turn "%s" into "%s" when spaces sit between Chinese characters only', (text, expected) => {
    expect(dropCjkGaps(text)).toBe(expected);
  });
});

describe(parseAmount.name, () => {
  it.each<[string, number | null | undefined]>([
    ['4,000.00', 4000],
    ['758.22 万', 758.22],
    ['200 万元', 200],
    ['1.932', 1.932],
    ['', null],
    ['按合同金额支付', undefined],
    ['67.21%', undefined],
  ])('should read "%s" as %p', (cell, expected) => {
    expect(parseAmount(cell)).toBe(expected);
  });
});

describe(readRows.name, () => {
  it('should mark the row after blank lines as following a page break', () => {
    const rows = readRows('a\tb\n\n\tc\nd\n');

    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'], afterBreak: false },
      { line: 3, cells: ['', 'c'], afterBreak: true },
      { line: 4, cells: ['d'], afterBreak: false },
    ]);
  });
});
