import { type Light, reasonRequired } from '@jixiao/domain';

import type { FieldErrors, ReportValues } from './report-draft';

/**
 * Why a row shows its deviation fields (偏差原因, 纠偏措施, 佐证): its light asks for them (libs/domain
 * reasonRequired), they already hold something, or the lead opened them. Hidden otherwise, so that a grid of 15
 * indicators on track is 15 lines, not 15 forms.
 */
export type DetailsState = 'required' | 'filled' | 'opened' | 'hidden';

export const DETAIL_FIELDS = ['reasons', 'reasonText', 'correctiveAction', 'evidence'] as const;

export interface DetailsRow {
  readonly values: ReportValues;
  readonly errors: FieldErrors;
  /** Evidence files uploaded for the row. */
  readonly files: number;
}

export function detailsState(
  row: DetailsRow,
  light: Light | null | undefined,
  opened: boolean,
): DetailsState {
  if (reasonRequired(light)) return 'required';
  if (hasDetails(row)) return 'filled';
  return opened ? 'opened' : 'hidden';
}

/** Something typed, uploaded or refused in the deviation fields. */
export function hasDetails(row: DetailsRow): boolean {
  const { values, errors } = row;
  return (
    row.files > 0 ||
    values.reasons.length > 0 ||
    [values.reasonText, values.correctiveAction, values.evidence].some((text) => text.trim() !== '') ||
    DETAIL_FIELDS.some((field) => errors[field] !== undefined)
  );
}
