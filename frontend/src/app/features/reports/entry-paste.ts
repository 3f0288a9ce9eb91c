import type { StatusAsOf } from '@jixiao/domain';

import { LIKELIHOODS, type LikelihoodValue } from './monitoring.models';
import {
  type LiveLight,
  type LiveLightText,
  type PreviewIndicator,
  type ReportValues,
  liveLight,
  previousReading,
} from './report-draft';

/** The grid columns a paste fills, left to right: 完成值, 全年预计, 完成可能性 (as a spreadsheet lays them out). */
export const PASTE_FIELDS = ['actual', 'forecast', 'likelihood'] as const;
export type PasteField = (typeof PASTE_FIELDS)[number];

export interface PasteProblem {
  /** error: the API would refuse the value (it stays marked until corrected); warning: saved, worth a look. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** One value put into the grid by a paste (or by "same as last month"), with what it replaced. */
export interface PreviewCell {
  readonly indicatorId: string;
  readonly field: PasteField;
  readonly value: string;
  readonly before: string;
  /** False when the value cannot go into the cell at all (a likelihood that is none of the three). */
  readonly applied: boolean;
  readonly problems: readonly PasteProblem[];
}

/** What a paste would change, shown highlighted in the grid until the lead confirms or cancels it. */
export interface EntryPreview {
  readonly kind: 'paste' | 'carry';
  readonly cells: readonly PreviewCell[];
  /** Pasted lines below the last indicator, and columns right of 完成可能性: left out. */
  readonly extraLines: number;
  readonly extraColumns: number;
}

/** What planning needs of a grid row. */
export interface PlanRow {
  readonly indicatorId: string;
  readonly indicator: PreviewIndicator;
  readonly values: ReportValues;
  readonly previous: { readonly period: string; readonly actualRaw: string } | null;
}

export interface PlanText extends LiveLightText {
  readonly likelihoodInvalid: (value: string) => string;
}

/**
 * The cells of text copied from a spreadsheet: rows by line, cells by tab. Excel quotes a cell holding a tab, a
 * line break or a quote ("a""b"); the trailing line break it adds after the last row is dropped.
 */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let index = 0;
  const normalized = text.replace(/\r\n?/g, '\n');
  while (index < normalized.length) {
    const char = normalized[index];
    if (char === '"' && cell === '') {
      // A quoted cell: up to the closing quote, doubled quotes standing for one.
      let end = index + 1;
      let quoted = '';
      while (end < normalized.length) {
        if (normalized[end] === '"') {
          if (normalized[end + 1] === '"') {
            quoted += '"';
            end += 2;
            continue;
          }
          break;
        }
        quoted += normalized[end];
        end += 1;
      }
      const next = normalized[end + 1];
      if (end < normalized.length && (next === undefined || next === '\t' || next === '\n')) {
        cell = quoted;
        index = end + 1;
        continue;
      }
    }
    if (char === '\t') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += char;
    }
    index += 1;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A paste the grid takes over: more than one cell. A single value goes into the focused input as usual. */
export function isBlockPaste(text: string): boolean {
  const table = parseClipboardTable(text);
  return table.length > 1 || (table[0]?.length ?? 0) > 1;
}

/**
 * Lays a pasted block onto the grid from the focused row and column down and to the right, one line per row in
 * the grid's order; blank cells leave the cell as it is. Each value is read as the API reads it (libs/domain, via
 * the live light): a 定量 target needs a number, a unit that does not convert or a wrong number of parts is an
 * error, and the report warnings (万 against a small target, far above pace, a cumulative fall) are warnings.
 */
export function planPaste(
  rows: readonly PlanRow[],
  start: { readonly row: number; readonly field: PasteField },
  table: readonly (readonly string[])[],
  asOf: StatusAsOf,
  text: PlanText,
): EntryPreview {
  const firstColumn = PASTE_FIELDS.indexOf(start.field);
  const width = PASTE_FIELDS.length - firstColumn;
  const changes: { row: PlanRow; values: Partial<Record<PasteField, string>> }[] = [];
  let extraLines = 0;
  let extraColumns = 0;
  table.forEach((line, offset) => {
    const row = rows[start.row + offset];
    const cells = line.map((cell) => cell.trim());
    if (!row) {
      if (cells.some(Boolean)) extraLines += 1;
      return;
    }
    extraColumns = Math.max(extraColumns, cells.slice(width).filter(Boolean).length);
    const values: Partial<Record<PasteField, string>> = {};
    cells.slice(0, width).forEach((value, column) => {
      if (value) values[PASTE_FIELDS[firstColumn + column] as PasteField] = value;
    });
    if (Object.keys(values).length > 0) changes.push({ row, values });
  });
  return {
    kind: 'paste',
    cells: changes.flatMap(({ row, values }) => previewCells(row, values, asOf, text)),
    extraLines,
    extraColumns,
  };
}

/**
 * The preview cells of one row given new values for some of its fields: each checked against the row as it would
 * stand with all of them (the forecast and the likelihood bear on the light).
 */
export function previewCells(
  row: PlanRow,
  values: Partial<Record<PasteField, string>>,
  asOf: StatusAsOf,
  text: PlanText,
): PreviewCell[] {
  const likelihood = values.likelihood;
  const likelihoodOk = likelihood === undefined || isLikelihood(likelihood);
  const next: ReportValues = {
    ...row.values,
    ...(values.actual !== undefined ? { actual: values.actual } : {}),
    ...(values.forecast !== undefined ? { forecast: values.forecast } : {}),
    ...(likelihood !== undefined && likelihoodOk ? { likelihood: likelihood as LikelihoodValue } : {}),
  };
  const light = liveLight(
    row.indicator,
    asOf,
    next,
    text,
    previousReading(row.indicator.target, row.previous),
  );
  return PASTE_FIELDS.filter((field) => values[field] !== undefined).map((field) => ({
    indicatorId: row.indicatorId,
    field,
    value: values[field] as string,
    before: row.values[field],
    applied: field !== 'likelihood' || likelihoodOk,
    problems: problemsOf(field, values[field] as string, light, text),
  }));
}

function problemsOf(field: PasteField, value: string, light: LiveLight, text: PlanText): PasteProblem[] {
  if (field === 'likelihood') {
    return isLikelihood(value) ? [] : [{ severity: 'error', message: text.likelihoodInvalid(value) }];
  }
  if (field === 'forecast') {
    return light.forecastError ? [{ severity: 'error', message: light.forecastError }] : [];
  }
  if (light.actualError) return [{ severity: 'error', message: light.actualError }];
  return (light.warnings ?? []).map((warning) => ({ severity: 'warning', message: warning.message }));
}

function isLikelihood(value: string): value is LikelihoodValue {
  return (LIKELIHOODS as readonly string[]).includes(value);
}
