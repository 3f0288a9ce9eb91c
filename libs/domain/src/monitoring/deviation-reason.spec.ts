import type { Light } from './light.types';
import { DEFAULT_REASON_LIGHTS, reasonRequired } from './deviation-reason';

describe(reasonRequired.name, () => {
  it.each<[Light | null | undefined, boolean]>([
    ['red', true],
    ['yellow', true],
    ['green', false],
    ['blue', false],
    ['grey', false],
    ['undetermined', false],
    [null, false],
    [undefined, false],
  ])('should ask for a reason on %s → %s by default', (light, expected) => {
    expect(reasonRequired(light)).toBe(expected);
  });

  it('should follow the setting when a province asks it for red only', () => {
    expect(reasonRequired('yellow', ['red'])).toBe(false);
    expect(reasonRequired('red', ['red'])).toBe(true);
    expect(DEFAULT_REASON_LIGHTS).toEqual(['red', 'yellow']);
  });
});
