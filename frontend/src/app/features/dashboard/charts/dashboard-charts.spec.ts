import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';

import { someLightCounts } from '../../../core/api/testing/department-builders';
import { ZH_CN_MESSAGES } from '../../../shared/i18n/messages.zh-CN';
import { LIGHT_COLORS } from '../../../shared/lights/light.models';
import { aTrendPoint } from '../testing/dashboard-builders';
import {
  type BudgetRow,
  attainmentOptions,
  barChartHeight,
  budgetPaceOptions,
  lightDonutOptions,
  onTrackShare,
  trendOptions,
} from './dashboard-charts';

const msg = ZH_CN_MESSAGES;

type Series<T> = T[];

const seriesOf = <T>(option: { series?: unknown }): Series<T> => option.series as Series<T>;
const categories = (option: { yAxis?: unknown }): string[] => (option.yAxis as { data: string[] }).data;

function tooltipText(option: { tooltip?: unknown }, dataIndex: number): string {
  const formatter = (option.tooltip as { formatter: (params: unknown) => string }).formatter;
  return formatter([{ dataIndex }]);
}

describe('dashboard charts', () => {
  describe(lightDonutOptions.name, () => {
    it('should draw one slice per light in its colour with the total in the middle', () => {
      const option = lightDonutOptions(
        someLightCounts({ red: 2, yellow: 3, green: 20, blue: 1, grey: 4, undetermined: 1 }),
        msg,
      );

      const [pie] = seriesOf<PieSeriesOption>(option);
      expect(pie.data).toEqual([
        { name: '红灯', value: 2, itemStyle: { color: LIGHT_COLORS.red } },
        { name: '黄灯', value: 3, itemStyle: { color: LIGHT_COLORS.yellow } },
        { name: '绿灯', value: 20, itemStyle: { color: LIGHT_COLORS.green } },
        { name: '蓝灯', value: 1, itemStyle: { color: LIGHT_COLORS.blue } },
        { name: '灰灯', value: 4, itemStyle: { color: LIGHT_COLORS.grey } },
        // 无法判定 is a slice of its own, in its own colour: never counted as grey.
        { name: '无法判定', value: 1, itemStyle: { color: LIGHT_COLORS.undetermined } },
      ]);
      expect(option.title).toEqual(expect.objectContaining({ text: '31', subtext: '项指标' }));
    });
  });

  describe(trendOptions.name, () => {
    it('should draw a line per light over the months', () => {
      const option = trendOptions(
        [
          aTrendPoint({ period: '2025-01', red: 1, green: 2, grey: 7, total: 10 }),
          aTrendPoint({ period: '2025-02', red: 3, green: 5, grey: 2, total: 10 }),
        ],
        msg,
      );

      expect((option.xAxis as { data: string[] }).data).toEqual(['1 月', '2 月']);
      const lines = seriesOf<LineSeriesOption>(option);
      expect(lines.map((line) => [line.name, line.data])).toEqual([
        ['红灯', [1, 3]],
        ['黄灯', [0, 0]],
        ['绿灯', [2, 5]],
        ['蓝灯', [0, 0]],
        ['灰灯', [7, 2]],
        ['无法判定', [0, 0]],
      ]);
    });
  });

  describe(attainmentOptions.name, () => {
    const rows = [
      { name: '就业资金', counts: someLightCounts({ red: 1, green: 6, blue: 1 }) },
      { name: '党建', counts: someLightCounts({ grey: 8 }) },
      { name: '劳动维权', counts: someLightCounts({ red: 2, yellow: 3, green: 5 }) },
    ];

    it('should stack the shares per light, least on track first', () => {
      const option = attainmentOptions(rows, msg);

      expect(categories(option)).toEqual(['党建', '劳动维权', '就业资金']);
      const bars = seriesOf<BarSeriesOption>(option);
      expect(bars.every((bar) => bar.stack === 'lights')).toBe(true);
      expect(bars.map((bar) => [bar.name, bar.data])).toEqual([
        ['红灯', [0, 20, 12.5]],
        ['黄灯', [0, 30, 0]],
        ['绿灯', [0, 50, 75]],
        ['蓝灯', [0, 0, 12.5]],
        ['灰灯', [100, 0, 0]],
        ['无法判定', [0, 0, 0]],
      ]);
    });

    it('should give the counts and the on-track share in the tooltip', () => {
      expect(tooltipText(attainmentOptions(rows, msg), 2)).toBe(
        '就业资金<br/>达成（绿灯、蓝灯）87.5%<br/>红灯 1 项<br/>绿灯 6 项<br/>蓝灯 1 项',
      );
    });

    it.each([
      { counts: someLightCounts({ green: 3, blue: 1 }), share: 100 },
      { counts: someLightCounts({ red: 1, green: 1 }), share: 50 },
      { counts: someLightCounts(), share: 0 },
    ])('should count green and blue as on track ($share%)', ({ counts, share }) => {
      expect(onTrackShare(counts)).toBe(share);
    });
  });

  describe(budgetPaceOptions.name, () => {
    const row = (overrides: Partial<BudgetRow>): BudgetRow => ({
      name: '项目',
      rate: 40,
      light: 'green',
      executedYuan: 400000,
      budgetYuan: 1000000,
      ...overrides,
    });
    const rows = [
      row({ name: '就业资金', rate: 47.5, light: 'green' }),
      row({ name: '党建', rate: null, light: 'grey', executedYuan: null }),
      row({ name: '社保经办', rate: 20, light: 'red' }),
    ];

    it('should draw the execution rates in their light, slowest first, with the pace as a line', () => {
      const option = budgetPaceOptions(rows, 50, msg);

      expect(categories(option)).toEqual(['党建', '社保经办', '就业资金']);
      const [bar] = seriesOf<BarSeriesOption>(option);
      expect(bar.data).toEqual([
        { value: 0, itemStyle: { color: LIGHT_COLORS.grey } },
        { value: 20, itemStyle: { color: LIGHT_COLORS.red } },
        { value: 47.5, itemStyle: { color: LIGHT_COLORS.green } },
      ]);
      expect(bar.markLine?.data).toEqual([{ xAxis: 50 }]);
      expect((bar.markLine?.label as { formatter: string }).formatter).toBe('时间进度 50%');
    });

    it('should say 未填报 for a project without execution, and give the amounts otherwise', () => {
      const option = budgetPaceOptions(rows, 50, msg);
      const [bar] = seriesOf<BarSeriesOption>(option);
      const label = (bar.label as { formatter: (param: { dataIndex: number }) => string }).formatter;

      expect([0, 1, 2].map((dataIndex) => label({ dataIndex }))).toEqual(['未填报', '20%', '47.5%']);
      expect(tooltipText(option, 0)).toBe('党建<br/>截至本期尚未填报执行数');
      expect(tooltipText(option, 1)).toBe(
        '社保经办<br/>执行率 20%（时间进度 50%）<br/>已执行 40.00 万元 / 当年预算 100.00 万元',
      );
    });

    it('should extend the axis past 100% when a project spent more than its budget', () => {
      const option = budgetPaceOptions([row({ rate: 123.4 })], 50, msg);

      expect((option.xAxis as { max: number }).max).toBe(130);
    });
  });

  it.each([
    { rows: 1, height: 200 },
    { rows: 12, height: 416 },
    { rows: 40, height: 640 },
  ])('should give $rows bars a chart $height px high', ({ rows, height }) => {
    expect(barChartHeight(rows)).toBe(height);
  });
});
