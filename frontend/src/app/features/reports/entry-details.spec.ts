import type { Light } from '@jixiao/domain';

import { type DetailsRow, detailsState } from './entry-details';
import { EMPTY_VALUES } from './report-draft';

const blank: DetailsRow = { values: EMPTY_VALUES, errors: {}, files: 0 };

describe(detailsState.name, () => {
  it.each<[Light | null, boolean, string]>([
    ['red', false, 'required'],
    ['yellow', false, 'required'],
    ['green', false, 'hidden'],
    ['blue', true, 'opened'],
    ['grey', false, 'hidden'],
    [null, true, 'opened'],
  ])('should show a blank row with a %s light (opened: %s) as %s', (light, opened, expected) => {
    expect(detailsState(blank, light, opened)).toBe(expected);
  });

  it.each<[string, DetailsRow]>([
    ['a reason ticked', { ...blank, values: { ...EMPTY_VALUES, reasons: ['其他'] } }],
    ['a corrective action', { ...blank, values: { ...EMPTY_VALUES, correctiveAction: '下月补开' } }],
    ['an evidence note', { ...blank, values: { ...EMPTY_VALUES, evidence: '签到表' } }],
    ['an uploaded file', { ...blank, files: 1 }],
    ['an error the API gave on a reason', { ...blank, errors: { reasonText: '过长' } }],
  ])('should keep the fields of a green row open when it holds %s', (_, row) => {
    expect(detailsState(row, 'green', false)).toBe('filled');
  });

  it('should not count blank text as something held', () => {
    expect(detailsState({ ...blank, values: { ...EMPTY_VALUES, reasonText: '  ' } }, 'green', false)).toBe(
      'hidden',
    );
  });
});
