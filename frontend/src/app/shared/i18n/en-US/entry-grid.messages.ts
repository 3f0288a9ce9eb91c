import type { Messages } from '../messages.zh-CN';

/** 填报 grid helpers in English: deviation fields per row, paste from Excel, "same as last month" (section `entry.grid`). */
export const ENTRY_GRID_MESSAGES: Messages['entry']['grid'] = {
  details: {
    open: 'Reasons and evidence',
    close: 'Hide',
    openLabel: (indicator: string): string => `Reasons and evidence: ${indicator}`,
    closeLabel: (indicator: string): string => `Hide: the reasons and evidence of ${indicator}`,
    required: 'Explain the reasons for deviation and the corrective action',
  },
  paste: {
    hint: 'Copy one column or several adjacent ones (actual, full-year forecast, likelihood) from Excel and paste them into a row’s actual or forecast cell: they fill that row and the rows below. Check the preview before saving.',
    region: 'Paste preview',
    title: (cells: number, rows: number): string =>
      `${cells} value${cells === 1 ? '' : 's'} filled in (${rows} row${rows === 1 ? '' : 's'}): check the highlighted cells`,
    carryTitle: (rows: number): string =>
      `${rows} row${rows === 1 ? '' : 's'} filled in from the last report: check the highlighted cells`,
    errors: (count: number): string =>
      `${count} value${count === 1 ? '' : 's'} cannot be saved: once confirmed, change ${count === 1 ? 'it' : 'them'} as the hints say`,
    warnings: (count: number): string =>
      `${count} value${count === 1 ? ' has a warning' : 's have warnings'}: please check`,
    allFine: 'All the values filled in can be saved',
    extraLines: (count: number): string =>
      `${count} line${count === 1 ? '' : 's'} beyond the last indicator row ${count === 1 ? 'was' : 'were'} not filled in`,
    extraColumns: (count: number): string =>
      `${count} column${count === 1 ? '' : 's'} to the right of "Likelihood" ${count === 1 ? 'was' : 'were'} not filled in`,
    notApplied: 'Not filled in',
    problem: (indicator: string, field: string, message: string): string =>
      `${indicator} · ${field}: ${message}`,
    confirm: 'Confirm',
    cancel: 'Cancel and restore',
    pending: 'Confirm or cancel the values in the preview first',
    nothing: 'The pasted content has no values to fill in',
    likelihoodInvalid: (value: string): string =>
      `"${value}" is not a likelihood (确定能 / 有可能 / 完全不可能)`,
  },
  sameAsLast: {
    button: 'Same as last month',
    label: (indicator: string, period: string, value: string, cumulative: boolean): string =>
      `"${indicator}" same as last month: keep the ${period} actual ${value}${cumulative ? ' (cumulative total unchanged: nothing new this month)' : ' (level with last month)'}`,
    all: (count: number): string => `Same as last month for the ${count} empty row${count === 1 ? '' : 's'}`,
    allHint:
      'Fill this month’s empty rows with the values of the last report (for a cumulative total, nothing new this month); check or cancel before confirming',
  },
};
