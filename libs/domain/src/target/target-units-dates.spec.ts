import { parseTarget } from './target-parser';
import type { Target, TargetContext } from './target.types';

// Units and dates of other departments' documents (issue 17, class 4): the seed uses none of them.
const QUANTITY: TargetContext = { level1: '产出指标', level2: '数量指标' };
const TIMELINESS: TargetContext = { level1: '产出指标', level2: '时效指标' };
const QUALITY: TargetContext = { level1: '产出指标', level2: '质量指标' };

function fieldsOf(target: Target, expected: Partial<Target>): Partial<Target> {
  return Object.fromEntries(Object.keys(expected).map((key) => [key, target[key as keyof Target]]));
}

describe(`${parseTarget.name} on units and dates the seed does not use`, () => {
  it.each<[string, TargetContext, Partial<Target>]>([
    // A time amount under 数量指标 is a volume of work (service hours), not a limit.
    [
      '1.5 万小时',
      QUANTITY,
      { operator: '>=', value: 15000, unit: '小时', direction: 'higher', accumulation: 'cumulative' },
    ],
    ['1.5万小时/年', QUANTITY, { operator: '>=', value: 15000, unit: '小时', accumulation: 'cumulative' }],
    ['120 小时', QUANTITY, { operator: '>=', value: 120, unit: '小时', accumulation: 'cumulative' }],
    [
      '≥120 小时',
      QUANTITY,
      { operator: '>=', value: 120, unit: '小时', accumulation: 'cumulative', confidence: 'explicit' },
    ],
    ['100-200 小时', QUANTITY, { operator: 'between', min: 100, max: 200, accumulation: 'cumulative' }],
    // A 万 before a time unit is a volume whatever the 二级: nobody sets a limit of 15,000 hours.
    [
      '2 万小时',
      { level1: '效益指标', level2: '社会效益指标' },
      { operator: '>=', value: 20000, direction: 'higher' },
    ],
    // Under 时效 / 质量 a bare time stays a limit, and "内" still says it.
    [
      '48 小时',
      TIMELINESS,
      { operator: '<=', value: 48, unit: '小时', direction: 'lower', accumulation: 'level' },
    ],
    ['2 小时', QUALITY, { operator: '<=', value: 2, unit: '小时', direction: 'lower' }],
    [
      '48 小时内',
      QUANTITY,
      { operator: '<=', value: 48, unit: '小时', direction: 'lower', accumulation: 'level' },
    ],
    // The indicator's name decides before the 二级 does.
    [
      '72 小时',
      { ...QUANTITY, name: '故障处理响应时间' },
      { operator: '<=', value: 72, direction: 'lower', accumulation: 'level' },
    ],
    [
      '300 小时',
      { ...QUALITY, name: '志愿服务时长' },
      { operator: '>=', value: 300, direction: 'higher', accumulation: 'level' },
    ],
    // Counted visits keep 次.
    [
      '2000 家次',
      QUANTITY,
      {
        operator: '>=',
        value: 2000,
        unit: '家次',
        confidence: 'inferred',
        note: '未写比较符，数量指标下按“不低于”理解，按年累计',
      },
    ],
    ['500 册次', QUANTITY, { operator: '>=', value: 500, unit: '册次' }],
    ['3000 人次', QUANTITY, { operator: '>=', value: 3000, unit: '人次' }],
    ['≥200 户次', QUANTITY, { operator: '>=', value: 200, unit: '户次', confidence: 'explicit' }],
    ['80 件次', QUANTITY, { operator: '>=', value: 80, unit: '件次' }],
    ['1.2 万人次', QUANTITY, { operator: '>=', value: 12000, unit: '人次' }],
  ])('should read %s under %j', (raw, context, expected) => {
    expect(fieldsOf(parseTarget(raw, context), expected)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['次月 12 日前', '每月截止：次月 12 日前，按月重复，需人工确认各期截止日期'],
    ['每月10日前完成', '每月截止：每月 10 日前，按月重复，需人工确认各期截止日期'],
    ['次月 5 日内报送', '每月截止：次月 5 日前，按月重复，需人工确认各期截止日期'],
  ])('should read %s as a monthly deadline, not a number of days', (raw, note) => {
    const expected: Partial<Target> = {
      operator: 'by-date',
      value: undefined,
      unit: undefined,
      deadline: undefined,
      direction: 'lower',
      accumulation: 'deadline',
      confidence: 'inferred',
      note,
    };

    expect(fieldsOf(parseTarget(raw, TIMELINESS), expected)).toEqual(expected);
  });

  it.each(['每季度首月', '每季度首月完成', '每季度第一个月'])(
    'should read %s as a quarterly deadline for an admin to date',
    (raw) => {
      expect(parseTarget(raw, TIMELINESS)).toMatchObject({
        operator: 'by-date',
        accumulation: 'deadline',
        confidence: 'inferred',
        note: '每季度截止：每季度首月，按季度重复，需人工确认各期截止日期',
      });
      expect(parseTarget(raw, TIMELINESS).deadline).toBeUndefined();
    },
  );

  it.each<[string, number | undefined, string | undefined, string]>([
    ['年底前', 2026, '2026-12-31', '未写年份，按预算年度 2026 年理解'],
    ['年底前完成', 2025, '2025-12-31', '未写年份，按预算年度 2025 年理解'],
    ['年底前', undefined, undefined, '截止时间未写年份，需人工补充截止日期'],
    ['6 月底前', 2026, '2026-06-30', '未写年份，按预算年度 2026 年理解'],
    ['6月30日前完成', 2025, '2025-06-30', '未写年份，按预算年度 2025 年理解'],
    ['次年 3 月底前', 2025, '2026-03-31', '次年按预算年度的下一年 2026 年理解'],
    ['次年3月底前', undefined, undefined, '截止时间未写年份，需人工补充截止日期'],
    ['当年 11 月底前', 2025, '2025-11-30', '未写年份，按预算年度 2025 年理解'],
  ])('should date %s in the budget year %s', (raw, year, deadline, note) => {
    const expected: Partial<Target> = {
      operator: 'by-date',
      value: undefined,
      deadline,
      accumulation: 'deadline',
      confidence: 'inferred',
      note,
    };

    expect(fieldsOf(parseTarget(raw, { ...TIMELINESS, year }), expected)).toEqual(expected);
  });

  // 2 月 29 日 exists, but not in 2025: no deadline rather than a date that is not in the calendar.
  it.each(['6月', '13 月底前', '2 月 30 日前', '次月 32 日前', '2 月 29 日前'])(
    'should not read %s as a deadline when it names no valid date',
    (raw) => {
      expect(parseTarget(raw, { ...TIMELINESS, year: 2025 }).operator).not.toBe('by-date');
    },
  );
});
