import type { Messages } from '../messages.zh-CN';

/** A unit after a number: % and ‰ close up, words take a space. */
const withUnit = (value: string, unit: string | null): string =>
  !unit ? value : unit === '%' || unit === '‰' ? `${value}${unit}` : `${value} ${unit}`;

/** 年末预测 (year-end projection) in English (section `projection`). */
export const PROJECTION_MESSAGES: Messages['projection'] = {
  none: 'No numeric projection',
  noneHint:
    'Qualitative, deadline and multi-part indicators, and those with no numeric report yet, get no numeric projection',
  value: (value: string, unit: string | null): string => `Projected year end: ${withUnit(value, unit)}`,
  range: (low: string, high: string): string => `Range ${low}–${high}`,
  methods: {
    pace: 'Average pace of the year so far',
    trend: 'Recent trend',
    profile: 'Last year’s pace to the same month',
    forecast: 'Reporter’s full-year forecast',
  },
  showExplanation: 'Show working',
  hideExplanation: 'Hide working',
  explanationLabel: (name: string): string => `How the year-end value of ${name} is projected`,
  proposal: {
    label: 'Suggested by the year-end projection',
    text: (forecast: string, likelihood: string): string => `Suggested: ${forecast} · ${likelihood}`,
    accept: 'Use',
    acceptLabel: (name: string): string =>
      `Use the full-year forecast and likelihood suggested by the year-end projection: ${name}`,
  },
  budget: {
    title: 'Year-end spending projection',
    rate: (rate: string): string => `Projected ${rate}% spent by year end`,
  },
};
