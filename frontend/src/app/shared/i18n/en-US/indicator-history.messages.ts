import type { Messages } from '../messages.zh-CN';

/** An indicator's month-by-month history (drawer), in English (section `indicatorHistory`). */
export const INDICATOR_HISTORY_MESSAGES: Messages['indicatorHistory'] = {
  open: (name: string): string => `Month-by-month record of "${name}"`,
  title: (name: string): string => `${name} · month by month`,
  loading: 'Loading the monthly record…',
  failed: 'Could not load the monthly record',
  retry: 'Retry',
  target: 'Target',
  empty: 'No months yet this year',
  chartLabel: 'Actual by month',
  columns: {
    month: 'Month',
    actual: 'Actual to date',
    light: 'Light',
    status: 'Report status',
  },
  notReported: 'Not reported',
  forecast: (value: string): string => `Full-year forecast ${value}`,
  likelihood: (value: string): string => `Likelihood: ${value}`,
  reasons: 'Reasons for deviation',
  reasonText: 'Explanation',
  correctiveAction: 'Corrective action',
  evidence: 'Evidence',
  files: 'Evidence files',
  noFiles: 'None',
  returnReason: (reason: string): string => `Returned because: ${reason}`,
  download: (name: string): string => `Download ${name}`,
  downloadFailed: 'Download failed',
};
