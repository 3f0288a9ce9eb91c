import { dateOfIsoDay, isoDay } from './day';

describe('day', () => {
  it('should write a picked day as YYYY-MM-DD and read it back', () => {
    expect(isoDay(new Date(2025, 7, 5))).toBe('2025-08-05');
    expect(dateOfIsoDay('2025-08-05')).toEqual(new Date(2025, 7, 5));
  });

  it.each(['', null, undefined, '2025-8-5', 'soon'])('should read %p as no day', (value) => {
    expect(dateOfIsoDay(value)).toBeNull();
  });
});
