import { yearBeingMonitored } from './year-being-monitored';

describe(yearBeingMonitored.name, () => {
  it('should open at the latest year with a report, not a later one created ahead (结转)', () => {
    expect(
      yearBeingMonitored([
        { year: 2024, reported: true, preparing: false },
        { year: 2025, reported: true, preparing: false },
        { year: 2026, reported: false, preparing: true },
      ]),
    ).toBe(2025);
  });

  it('should take the latest year not in preparation when none has a report', () => {
    expect(
      yearBeingMonitored([
        { year: 2025, reported: false, preparing: false },
        { year: 2026, reported: false, preparing: true },
      ]),
    ).toBe(2025);
  });

  it('should take the latest year when every one is in preparation, and null without years', () => {
    expect(
      yearBeingMonitored([
        { year: 2026, reported: false, preparing: true },
        { year: 2027, reported: false, preparing: true },
      ]),
    ).toBe(2027);
    expect(yearBeingMonitored([])).toBeNull();
  });
});
