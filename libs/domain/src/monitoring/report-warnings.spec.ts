import { parseActual } from '../actual/actual-parser';
import { parseTarget } from '../target/target-parser';
import { reportWarnings } from './report-warnings';

const reading = (raw: string, target = parseTarget('≥80人')) => ({ actual: parseActual(raw, target) });
const codes = (warnings: { code: string }[]) => warnings.map((warning) => warning.code);

describe(reportWarnings.name, () => {
  const staff = parseTarget('≥80人'); // 派驻劳动监察协管员
  const patrols = parseTarget('≥200次'); // 劳动监察日常巡查次数

  it('should warn that 1.2万 against 80 人 is read as 12000 人', () => {
    const warnings = reportWarnings(staff, reading('1.2万'), null, { month: 12 });
    expect(warnings[0]).toEqual({
      code: 'unit-scale',
      message: '完成值“1.2万”按“万/千/亿”计为 12000人，而目标为 80人，请确认单位',
    });
    expect(codes(warnings)).toEqual(['unit-scale', 'far-above-expected']);
  });

  it('should show the figures bare when the target has no unit', () => {
    const bare = parseTarget('≥80');
    expect(reportWarnings(bare, reading('1.2万', bare), null, { month: 12 })[0].message).toBe(
      '完成值“1.2万”按“万/千/亿”计为 12000，而目标为 80，请确认单位',
    );
  });

  it('should not warn of 万 where the target itself is in the tens of thousands', () => {
    const target = parseTarget('≥20000人');
    expect(reportWarnings(target, reading('1.5万人', target), null, { month: 12 })).toEqual([]);
    const inWan = parseTarget('≥1.2万人');
    expect(reportWarnings(inWan, reading('1.1万人', inWan), null, { month: 12 })).toEqual([]);
  });

  it('should warn of a value more than 3× what is due by the month, and not at 3×', () => {
    expect(reportWarnings(patrols, reading('501', patrols), null, { month: 6 })).toEqual([
      {
        code: 'far-above-expected',
        message: '完成值 501次 超过截至 6 月应完成值 100次 的 3 倍，请核对是否填错',
      },
    ]);
    expect(reportWarnings(patrols, reading('300', patrols), null, { month: 6 })).toEqual([]);
  });

  it('should warn when a cumulative figure falls below the previous report (June 105, July 90)', () => {
    const june = { period: '2025-06', actual: parseActual('105', patrols) };
    expect(reportWarnings(patrols, reading('90', patrols), june, { month: 7 })).toEqual([
      {
        code: 'cumulative-decrease',
        message: '累计完成值 90次 低于 6 月填报的 105次，累计数不应减少，请核对',
      },
    ]);
    expect(reportWarnings(patrols, reading('105', patrols), june, { month: 7 })).toEqual([]);
  });

  it('should not compare a level (rate) with the previous month, nor a previous report without a value', () => {
    const rate = parseTarget('≥95%');
    const june = { period: '2025-06', actual: parseActual('98%', rate) };
    expect(reportWarnings(rate, reading('96%', rate), june, { month: 7 })).toEqual([]);
    expect(reportWarnings(patrols, reading('90', patrols), { period: '2025-06' }, { month: 7 })).toEqual([]);
  });

  it('should say nothing without a value, a readable target, or a single number to compare', () => {
    expect(reportWarnings(staff, reading('达成'), null, { month: 7 })).toEqual([]);
    expect(reportWarnings(staff, {}, null, { month: 7 })).toEqual([]);
    expect(reportWarnings(null, reading('1.2万'), null, { month: 7 })).toEqual([]);
    expect(
      reportWarnings(parseTarget('不知所云'), { actual: parseActual('1.2万') }, null, { month: 7 }),
    ).toEqual([]);
    const parts = parseTarget('≥1场、≥90人');
    expect(reportWarnings(parts, { actual: { raw: '1万场、9万人', value: 1 } }, null, { month: 7 })).toEqual(
      [],
    );
  });

  it('should measure a range by its upper end and not pace a zero-tolerance count', () => {
    const range = parseTarget('90-95人');
    expect(codes(reportWarnings(range, reading('1万', range), null, { month: 12 }))).toEqual([
      'unit-scale',
      'far-above-expected',
    ]);
    const zero = parseTarget('0起');
    expect(reportWarnings(zero, { actual: { raw: '5', value: 5 } }, null, { month: 7 })).toEqual([]);
  });
});
