import { asLevel1, LEVEL1_NAMES, level1For, LEVEL2_TO_LEVEL1, normalizeLevelName } from './indicator-levels';

describe('LEVEL2_TO_LEVEL1', () => {
  it('should map every 二级指标 onto one of the four 一级指标 when read per docs/domain.md §3', () => {
    expect(Object.keys(LEVEL2_TO_LEVEL1)).toHaveLength(11);
    expect(new Set(Object.values(LEVEL2_TO_LEVEL1))).toEqual(new Set(LEVEL1_NAMES));
  });
});

describe(level1For.name, () => {
  it.each([
    ['经济成本指标', '成本指标'],
    ['社会成本指标', '成本指标'],
    ['生态环境成本指标', '成本指标'],
    ['数量指标', '产出指标'],
    ['质量指标', '产出指标'],
    ['时效指标', '产出指标'],
    ['经济效益指标', '效益指标'],
    ['社会效益指标', '效益指标'],
    ['生态效益指标', '效益指标'],
    ['可持续影响指标', '效益指标'],
    ['服务对象满意度指标', '满意度指标'],
    ['经济成本 指标', '成本指标'],
    ['服务对象满意度', '满意度指标'],
  ])('should give %s the parent %s', (level2, level1) => {
    expect(level1For(level2)).toBe(level1);
  });

  it.each(['补贴发放人数', '', '成本指标'])('should give no parent when %j is not a 二级 name', (name) => {
    expect(level1For(name)).toBeUndefined();
  });
});

describe(asLevel1.name, () => {
  it.each([
    ['产出指标', '产出指标'],
    ['产出', '产出指标'],
    ['满意度 指标', '满意度指标'],
    ['数量指标', undefined],
  ])('should read %s as the 一级 name %s', (name, expected) => {
    expect(asLevel1(name)).toBe(expected);
  });
});

describe(normalizeLevelName.name, () => {
  it.each([
    ['社会效益 指标', '社会效益指标'],
    ['服务对象', '服务对象指标'],
    ['', ''],
  ])('should normalize %j to %j', (name, expected) => {
    expect(normalizeLevelName(name)).toBe(expected);
  });
});
