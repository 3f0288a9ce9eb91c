import { indicatorEntryErrors, level2NamesOf } from './indicator-entry';

const entry = { level1: '产出指标', level2: '数量指标', name: '培训人数', target: '≥500人' };

describe(level2NamesOf.name, () => {
  it('should list the 二级 names of a 一级 in the framework order', () => {
    expect(level2NamesOf('产出指标')).toEqual(['数量指标', '质量指标', '时效指标']);
    expect(level2NamesOf('满意度指标')).toEqual(['服务对象满意度指标']);
  });
});

describe(indicatorEntryErrors.name, () => {
  it('should accept an entry whose 二级 belongs to its 一级, written with or without spaces and 指标', () => {
    expect(indicatorEntryErrors(entry)).toEqual({});
    expect(indicatorEntryErrors({ ...entry, level1: '产出', level2: '数量 指标' })).toEqual({});
  });

  it('should name level2 when the 二级 belongs to another 一级', () => {
    expect(indicatorEntryErrors({ ...entry, level1: '效益指标', level2: '服务对象满意度指标' })).toEqual({
      level2: 'level2：「服务对象满意度指标」属于满意度指标，不属于效益指标',
    });
  });

  it('should name level1 when it is not one of the four, and level2 when it is empty or unknown', () => {
    expect(indicatorEntryErrors({ ...entry, level1: '投入指标', level2: '' })).toEqual({
      level1: 'level1：一级指标只能是成本指标、产出指标、效益指标、满意度指标',
      level2: 'level2：请填写二级指标',
    });
    expect(indicatorEntryErrors({ ...entry, level2: ' 覆盖指标 ' })).toEqual({
      level2: 'level2：「覆盖指标」不是规定的二级指标',
    });
  });

  it('should name name and target when they are blank', () => {
    expect(indicatorEntryErrors({ ...entry, name: '  ', target: '' })).toEqual({
      name: 'name：请填写三级指标名称',
      target: 'target：请填写指标值',
    });
  });

  it('should refuse a name used under the same 二级 of the goal, not under another one', () => {
    const siblings = [
      { level2: '数量 指标', name: '培训 人数' },
      { level2: '质量指标', name: '合格率' },
    ];
    expect(indicatorEntryErrors(entry, siblings)).toEqual({
      name: 'name：该目标的数量指标下已有同名指标「培训人数」',
    });
    expect(indicatorEntryErrors({ ...entry, name: '合格率' }, siblings)).toEqual({});
  });
});
