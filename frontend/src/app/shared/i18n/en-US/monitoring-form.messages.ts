import type { Messages } from '../messages.zh-CN';

/** The official monitoring form (执行监控表) downloads in English (section `monitoringForm`). */
export const MONITORING_FORM_MESSAGES: Messages['monitoringForm'] = {
  label: (span: string): string => `Monitoring form, ${span}`,
  xlsx: 'Monitoring form (Excel)',
  docx: 'Monitoring form (Word)',
  workbook: 'All monitoring forms (Excel)',
  round: 'Snapshot form',
  roundShort: 'Snapshot',
  liveRound: 'Current data',
  hint: (span: string): string =>
    `Download the official monitoring form for ${span} (the finance bureau's layout, in Chinese)`,
  roundHint: 'Exports what was reported when the round closed; later edits do not change it',
  span: (month: number): string => (month === 1 ? 'January' : `January–${MONTHS[month - 1]}`),
  failed: (reason: string): string => `The monitoring form could not be downloaded: ${reason}`,
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
