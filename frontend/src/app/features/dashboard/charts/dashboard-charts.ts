import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { yuanToWan } from '@jixiao/domain';

import type { Messages } from '../../../shared/i18n/messages';
import { LIGHTS, LIGHT_COLORS, type Light, type LightCounts } from '../../../shared/lights/light.models';
import { monthOf } from '../../../shared/time/period';
import type { TrendPoint } from '../dashboard.models';

/** Chart options of the dashboard: pure functions of the API's numbers, tested without a chart library. */
export type DashboardChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

const TEXT = 'rgba(0, 0, 0, 0.65)';
/** Short: a month change redraws everything, and a printout must not catch a chart half drawn. */
const ANIMATION_MS = 300;
const FONT = 12;

/** A row of the attainment chart: a project (or a department in the city view) and its indicators per light. */
export interface AttainmentRow {
  readonly name: string;
  readonly counts: LightCounts;
}

/** A row of the budget chart: 执行率 of a project (or department) against the time pace. */
export interface BudgetRow {
  readonly name: string;
  readonly rate: number | null;
  readonly light: Light;
  readonly executedYuan: number | null;
  readonly budgetYuan: number;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

/** Share of a row's indicators that are on track (green or blue), 0–100. */
export function onTrackShare(counts: LightCounts): number {
  return counts.total === 0 ? 0 : ((counts.green + counts.blue) / counts.total) * 100;
}

/** The donut of lights, with the number of indicators in its middle. */
export function lightDonutOptions(counts: LightCounts, msg: Messages): DashboardChartOption {
  const charts = msg.dashboard.charts;
  return {
    animationDuration: ANIMATION_MS,
    animationDurationUpdate: ANIMATION_MS,
    color: LIGHTS.map((light) => LIGHT_COLORS[light]),
    tooltip: { trigger: 'item', formatter: charts.donutTooltip },
    legend: { bottom: 0, icon: 'circle', textStyle: { color: TEXT } },
    title: {
      text: String(counts.total),
      subtext: charts.indicatorTotal,
      left: 'center',
      top: '34%',
      textStyle: { fontSize: 26, fontWeight: 600 },
      subtextStyle: { fontSize: FONT, color: TEXT },
    },
    series: [
      {
        type: 'pie',
        name: charts.lights,
        radius: ['52%', '74%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        label: { show: false },
        data: LIGHTS.map((light) => ({
          name: msg.monitoring.lights[light],
          value: counts[light],
          itemStyle: { color: LIGHT_COLORS[light] },
        })),
      },
    ],
  };
}

/** Indicators per light for each month from January to the month. */
export function trendOptions(trend: readonly TrendPoint[], msg: Messages): DashboardChartOption {
  return {
    animationDuration: ANIMATION_MS,
    animationDurationUpdate: ANIMATION_MS,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, icon: 'circle', textStyle: { color: TEXT } },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: trend.map((point) => msg.monitoring.month(monthOf(point.period))),
      axisLabel: { color: TEXT },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT } },
    series: LIGHTS.map((light): LineSeriesOption => ({
      type: 'line',
      name: msg.monitoring.lights[light],
      symbol: 'circle',
      symbolSize: 6,
      color: LIGHT_COLORS[light],
      data: trend.map((point) => point[light]),
    })),
  };
}

/**
 * Each row's indicators as shares per light (a 100 % stacked bar), least on track first. Percentages make
 * projects with 7 and with 15 indicators comparable; the tooltip gives the counts.
 */
export function attainmentOptions(rows: readonly AttainmentRow[], msg: Messages): DashboardChartOption {
  const charts = msg.dashboard.charts;
  const sorted = [...rows].sort(
    (a, b) => onTrackShare(a.counts) - onTrackShare(b.counts) || b.counts.red - a.counts.red,
  );
  return {
    animationDuration: ANIMATION_MS,
    animationDurationUpdate: ANIMATION_MS,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const items = Array.isArray(params) ? (params as { dataIndex: number }[]) : [];
        const row = items.length > 0 ? sorted[items[0].dataIndex] : undefined;
        if (!row) return '';
        const lines = LIGHTS.filter((light) => row.counts[light] > 0).map((light) =>
          charts.countLine(msg.monitoring.lights[light], row.counts[light]),
        );
        return [row.name, charts.onTrack(round1(onTrackShare(row.counts))), ...lines].join('<br/>');
      },
    },
    legend: { top: 0, icon: 'circle', textStyle: { color: TEXT } },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%', color: TEXT } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((row) => row.name),
      axisLabel: { width: 150, overflow: 'truncate', color: TEXT },
    },
    series: LIGHTS.map((light): BarSeriesOption => ({
      type: 'bar',
      name: msg.monitoring.lights[light],
      stack: 'lights',
      barMaxWidth: 18,
      color: LIGHT_COLORS[light],
      data: sorted.map((row) =>
        row.counts.total === 0 ? 0 : round1((row.counts[light] / row.counts.total) * 100),
      ),
    })),
  };
}

/** 执行率 per row, coloured by its light, with the time pace (m/12) as a line; the furthest behind first. */
export function budgetPaceOptions(
  rows: readonly BudgetRow[],
  pace: number,
  msg: Messages,
): DashboardChartOption {
  const charts = msg.dashboard.charts;
  const sorted = [...rows].sort((a, b) => (a.rate ?? -1) - (b.rate ?? -1));
  const highest = Math.max(100, pace, ...sorted.map((row) => row.rate ?? 0));
  return {
    animationDuration: ANIMATION_MS,
    animationDurationUpdate: ANIMATION_MS,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const items = Array.isArray(params) ? (params as { dataIndex: number }[]) : [];
        const row = items.length > 0 ? sorted[items[0].dataIndex] : undefined;
        if (!row) return '';
        return row.rate === null
          ? [row.name, charts.notReported].join('<br/>')
          : [
              row.name,
              charts.rateLine(round1(row.rate), round1(pace)),
              charts.amountLine(yuanToWan(row.executedYuan ?? 0), yuanToWan(row.budgetYuan)),
            ].join('<br/>');
      },
    },
    grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      max: Math.ceil(highest / 10) * 10,
      axisLabel: { formatter: '{value}%', color: TEXT },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((row) => row.name),
      axisLabel: { width: 150, overflow: 'truncate', color: TEXT },
    },
    series: [
      {
        type: 'bar',
        name: charts.rate,
        barMaxWidth: 16,
        label: {
          show: true,
          position: 'right',
          color: TEXT,
          fontSize: FONT,
          formatter: (param: { dataIndex: number }) => {
            const rate = sorted[param.dataIndex]?.rate;
            return rate === null || rate === undefined ? charts.notReportedShort : `${round1(rate)}%`;
          },
        },
        data: sorted.map((row) => ({ value: row.rate ?? 0, itemStyle: { color: LIGHT_COLORS[row.light] } })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#595959', type: 'dashed' },
          // The category axis is inverted, so the line starts at the top.
          label: { formatter: charts.pace(round1(pace)), color: TEXT, position: 'start' },
          data: [{ xAxis: pace }],
        },
      },
    ],
  };
}

/** Chart height for `rows` horizontal bars: enough room per bar, never cramped or huge. */
export function barChartHeight(rows: number): number {
  return Math.min(640, Math.max(200, 56 + rows * 30));
}
