/** 年末预测 (year-end projection) on the dashboard, the project page and the entry grid. Section `projection`. */
export const PROJECTION_MESSAGES = {
  none: '不作数值预测',
  noneHint: '定性、时限、多项要求或尚无数值填报的指标不作数值预测',
  value: (value: string, unit: string | null): string => `预计年末 ${value}${unit ?? ''}`,
  range: (low: string, high: string): string => `区间 ${low}–${high}`,
  methods: {
    pace: '按全年平均进度',
    trend: '按近期趋势',
    profile: '按上年同期进度',
    forecast: '按填报人全年预计',
  },
  showExplanation: '推算过程',
  hideExplanation: '收起推算过程',
  explanationLabel: (name: string): string => `${name}的年末推算过程`,
  proposal: {
    label: '按年末预测建议',
    text: (forecast: string, likelihood: string): string => `建议：${forecast} · ${likelihood}`,
    accept: '采用',
    acceptLabel: (name: string): string => `采用年末预测建议的全年预计与完成可能性：${name}`,
  },
  budget: {
    title: '预算执行年末预测',
    rate: (rate: string): string => `预计年末执行率 ${rate}%`,
  },
};
