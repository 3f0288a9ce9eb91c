import { TestBed } from '@angular/core/testing';
import { type Target, type TargetContext, parseTarget } from '@jixiao/domain';

import { provideZhCnLocale } from '../../core/i18n/bundled-locale';
import { TargetReadingPipe } from './target-reading.pipe';

const QUANTITY: TargetContext = { level1: '产出指标', level2: '数量指标' };
const QUALITY: TargetContext = { level1: '产出指标', level2: '质量指标' };
const TIMELINESS: TargetContext = { level1: '产出指标', level2: '时效指标' };
const COST: TargetContext = { level1: '成本指标', level2: '经济成本指标' };

describe(TargetReadingPipe.name, () => {
  let pipe: TargetReadingPipe;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideZhCnLocale()] });
    pipe = TestBed.runInInjectionContext(() => new TargetReadingPipe());
  });

  // The targets are read by libs/domain, as the API stores them.
  it.each([
    { raw: '≥90%', context: QUALITY, reading: '不低于 90%（看最新值）' },
    { raw: '1.2 万人/年', context: QUANTITY, reading: '不低于 12,000 人（按年累计）' },
    { raw: '≤48 小时', context: TIMELINESS, reading: '不高于 48 小时（看最新值）' },
    { raw: '758.22 万元', context: COST, reading: '不高于 7,582,200 元（按年累计）' },
    { raw: '1040 元/月', context: COST, reading: '等于 1,040 元/月（看最新值）' },
    {
      raw: '当年满意度超过90%',
      context: { level1: '满意度指标', level2: '服务对象满意度指标' },
      reading: '高于 90%（看最新值）',
    },
    { raw: '1-2 次', context: QUANTITY, reading: '1–2 次（按年累计）' },
    { raw: '0', context: QUANTITY, reading: '为 0（零容忍，发生即未达成）' },
    { raw: '2025年底完成', context: TIMELINESS, reading: '2025-12-31 前完成' },
    { raw: '≥1 场、≥90人', context: QUANTITY, reading: '同时满足：不低于 1 场；不低于 90 人（按年累计）' },
    { raw: '及时', context: TIMELINESS, reading: '定性：按达成 / 部分达成 / 未达成评判' },
    {
      raw: '给予生 活困难 补助',
      context: { level1: '效益指标', level2: '社会效益指标' },
      reading: '未能识别，需管理员核对',
    },
  ])('should read $raw back as $reading', ({ raw, context, reading }) => {
    expect(pipe.transform(parseTarget(raw, context))).toBe(reading);
  });

  it('should say when an indicator has no structured target yet', () => {
    expect(pipe.transform(null)).toBe('尚未结构化');
  });

  it('should mark a bound the parser could not find', () => {
    const target: Target = {
      raw: '≥',
      operator: '>=',
      direction: 'higher',
      accumulation: 'level',
      confidence: 'inferred',
    };

    expect(pipe.transform(target)).toBe('不低于 ？（看最新值）');
  });
});
