import { parseActual } from '../actual/actual-parser';
import type { Likelihood } from '../actual/actual.types';
import { DomainError, UnitMismatchError } from '../errors/domain.error';
import { parseTarget } from '../target/target-parser';
import type { TargetContext } from '../target/target.types';
import type { Light } from './light.types';
import { lightFor } from './warning-light';

const QUANTITY: TargetContext = { level1: '产出指标', level2: '数量指标' };

// A monthly report; the actual and the forecast are written as a project lead types them.
function report(month: number, actual?: string, forecast?: string, likelihood?: Likelihood) {
  return {
    month,
    reported: true,
    actual: actual === undefined ? undefined : parseActual(actual),
    forecast: forecast === undefined ? undefined : parseActual(forecast),
    likelihood,
  };
}

describe(lightFor.name, () => {
  describe('正向 cumulative: v = actual ÷ (target × m/12) × 100', () => {
    const target = parseTarget('1.2 万人/年', QUANTITY);

    it.each<[string, number, Light, string]>([
      ['3000', 6, 'red', '进度值 50.0 低于 60（红灯）'],
      ['3599', 6, 'red', '进度值 59.9 低于 60（红灯）'],
      ['3600', 6, 'yellow', '进度值 60.0 介于 60 与 80 之间（黄灯）'],
      ['4799', 6, 'yellow', '进度值 79.9 介于 60 与 80 之间（黄灯）'],
      ['4800', 6, 'green', '进度值 80.0 达到 80（绿灯）'],
      ['7199', 6, 'green', '进度值 119.9 达到 80（绿灯）'],
      ['7200', 6, 'blue', '进度值 120.0 达到 120，超进度（蓝灯）'],
      ['1.1万人', 12, 'green', '进度值 91.6 达到 80（绿灯）'],
      ['1000', 1, 'green', '进度值 100.0 达到 80（绿灯）'],
    ])('should show %s persons in month %d as %s', (actual, month, light, reason) => {
      expect(lightFor(target, report(month, actual))).toEqual({ light, reason });
    });

    it('should use thresholds from settings when an indicator overrides them', () => {
      expect(lightFor(target, report(6, '4800'), { greenFrom: 90 }).light).toBe('yellow');
    });
  });

  describe('level indicators compare the latest value with the target itself', () => {
    it.each<[string, string, Light]>([
      ['≥90%', '95%', 'green'],
      ['≥90%', '90%', 'green'],
      ['≥90%', '72%', 'green'],
      ['≥90%', '71.9%', 'yellow'],
      ['≥90%', '54%', 'yellow'],
      ['≥90%', '53.9%', 'red'],
      ['≥50%', '90%', 'green'],
    ])('should show target %s with actual %s as %s regardless of the month', (target, actual, light) => {
      expect(lightFor(parseTarget(target), report(3, actual)).light).toBe(light);
    });

    it('should call the value a completion ratio when the target is a level', () => {
      expect(lightFor(parseTarget('≥90%'), report(3, '45%')).reason).toBe('完成比 50.0 低于 60（红灯）');
    });
  });

  describe('反向 and standards', () => {
    it.each<[string, TargetContext, string, Light, string]>([
      ['≤48 小时', {}, '48小时', 'green', '完成值 48小时 未超过上限 48小时（绿灯）'],
      ['≤48 小时', {}, '3天', 'red', '完成值 72小时 超过上限 48小时（红灯）'],
      ['<5%', {}, '5%', 'red', '完成值 5% 超过上限 5%（红灯）'],
      ['<5%', {}, '4%', 'green', '完成值 4% 未超过上限 5%（绿灯）'],
      [
        '758.22 万元',
        { level1: '成本指标' },
        '700万元',
        'green',
        '完成值 7000000元 未超过上限 7582200元（绿灯）',
      ],
      ['1040 元/月', {}, '1040元/月', 'green', '完成值 1040元/月 符合标准 1040元/月（绿灯）'],
      ['1040 元/月', {}, '1000', 'red', '完成值 1000元/月 不符合标准 1040元/月（红灯）'],
      ['0', {}, '0', 'green', '未发生，零容忍指标（绿灯）'],
      ['0', {}, '1', 'red', '已发生 1，零容忍指标（红灯）'],
    ])('should show %s (%j) with actual %s as %s', (target, context, actual, light, reason) => {
      expect(lightFor(parseTarget(target, context), report(6, actual))).toEqual({ light, reason });
    });
  });

  describe('ranges', () => {
    const target = parseTarget('1-2 次', QUANTITY);

    it.each<[string, number, Light]>([
      ['1次', 6, 'green'],
      ['2次', 6, 'green'],
      ['3次', 6, 'red'],
      ['0次', 6, 'red'],
      ['0.5次', 12, 'red'],
      ['0.5次', 3, 'green'],
    ])('should show %s in month %d as %s', (actual, month, light) => {
      expect(lightFor(target, report(month, actual)).light).toBe(light);
    });

    it('should compare a level range with its lower end when below it', () => {
      expect(lightFor(parseTarget('90%-95%'), report(6, '81%'))).toEqual({
        light: 'green',
        reason: '完成比 90.0 达到 80（绿灯）',
      });
    });
  });

  describe('deadlines', () => {
    const target = parseTarget('2025年底完成');

    it.each<[string, number, Light, string]>([
      ['2025-11-30', 11, 'green', '已于 2025-11-30 完成，截止 2025-12-31（绿灯）'],
      ['2026-01-10', 12, 'red', '于 2026-01-10 完成，晚于截止 2025-12-31（红灯）'],
      ['进行中', 6, 'green', '尚未完成，截止 2025-12-31（绿灯）'],
      ['已完成', 6, 'green', '自评为“达成”（绿灯）'],
    ])('should show %s in month %d as %s', (actual, month, light, reason) => {
      expect(lightFor(target, report(month, actual))).toEqual({ light, reason });
    });

    it('should turn red when the deadline month has passed without completion', () => {
      expect(lightFor(parseTarget('2025年6月底前完成'), report(7, '进行中'))).toEqual({
        light: 'red',
        reason: '已过截止 2025-06-30 仍未完成（红灯）',
      });
    });

    it('should ask for a judgement when the deadline has no year', () => {
      expect(lightFor(parseTarget('年底前完成'), report(6, '2025-06-01')).light).toBe('yellow');
    });
  });

  describe('定性', () => {
    it.each<[string, Light]>([
      ['达成', 'green'],
      ['部分达成', 'yellow'],
      ['未达成', 'red'],
    ])('should show %s as %s', (judgement, light) => {
      expect(lightFor(parseTarget('及时'), report(6, judgement))).toEqual({
        light,
        reason: expect.stringContaining(judgement),
      });
    });

    it.each(['及时', '给予生活困难补助，加强社会稳定'])(
      'should ask for a judgement when %s has a number instead',
      (target) => {
        expect(lightFor(parseTarget(target), report(6, '95%'))).toEqual({
          light: 'yellow',
          reason: '定性或缺少基准的指标需填写达成情况（达成 / 部分达成 / 未达成）',
        });
      },
    );
  });

  describe('relative targets', () => {
    const target = parseTarget('稳步增长', { ...QUANTITY, previous: '2.5 万人' });

    it.each<[string, Light, string]>([
      ['2.6万人', 'green', '完成比 104.0 达到 80（绿灯）'],
      ['2.4万人', 'yellow', '完成值 24000人 未达到上年值 25000人 的要求（黄灯）'],
      ['2.5万人', 'yellow', '完成值 25000人 未达到上年值 25000人 的要求（黄灯）'],
      ['1万人', 'red', '完成值 10000人 未达到上年值 25000人 的要求（红灯）'],
    ])('should show %s against last year as %s', (actual, light, reason) => {
      expect(lightFor(target, report(12, actual))).toEqual({ light, reason });
    });

    it('should accept an equal value when the target is 不低于上年', () => {
      expect(lightFor(parseTarget('不低于上年', { previous: '80人' }), report(12, '80人')).light).toBe(
        'green',
      );
    });

    it.each<[string, Light]>([
      ['2.6万人', 'yellow'],
      ['达成', 'green'],
    ])(
      'should rely on the judgement when there is no previous value and the report is %s',
      (actual, light) => {
        expect(lightFor(parseTarget('稳步增长'), report(12, actual)).light).toBe(light);
      },
    );
  });

  describe('several requirements', () => {
    const target = parseTarget('≥1 场、≥90人', QUANTITY);

    it.each<[string, Light]>([
      ['1场、90人', 'green'],
      ['1场、30人', 'red'],
      ['部分达成', 'yellow'],
    ])('should show %s as the worst part', (actual, light) => {
      expect(lightFor(target, report(12, actual)).light).toBe(light);
    });

    it('should give the reason of every part when parts are evaluated', () => {
      expect(lightFor(target, report(12, '1场、30人')).reason).toBe(
        '进度值 100.0 达到 80（绿灯）；进度值 33.3 低于 60（红灯）',
      );
    });

    it.each<[string, string | undefined, string]>([
      ['1', undefined, 'actual'],
      ['1场、90人', '2', 'forecast'],
      ['1场、90小时', undefined, 'actual'],
    ])(
      'should refuse %s (forecast %s) on the field that does not fit the parts',
      (actual, forecast, field) => {
        expect(() => lightFor(target, report(12, actual, forecast))).toThrow(
          expect.objectContaining({ field, name: expect.stringMatching(/Error$/) }),
        );
      },
    );
  });

  describe('reports, forecasts and likelihood', () => {
    const target = parseTarget('1.2 万人/年', QUANTITY);

    it('should be grey when the period was not reported', () => {
      expect(lightFor(target, { month: 6, reported: false })).toEqual({
        light: 'grey',
        reason: '本期未填报（已逾期）',
      });
    });

    it('should be red when the lead reports 完全不可能 even with good progress', () => {
      expect(lightFor(target, report(6, '7000', undefined, '完全不可能'))).toEqual({
        light: 'red',
        reason: '填报人判断完全不可能完成目标',
      });
    });

    it.each<[string, string, Light]>([
      ['6000', '1.1万人', 'yellow'],
      ['7200', '1.1万人', 'yellow'],
      ['6000', '1.3万人', 'green'],
      ['3000', '1.1万人', 'red'],
      ['6000', '预计完成', 'green'],
    ])('should apply the forecast rule to actual %s with forecast %s', (actual, forecast, light) => {
      expect(lightFor(target, report(6, actual, forecast, '有可能')).light).toBe(light);
    });

    it('should append the forecast to the reason when the forecast lowers the light', () => {
      expect(lightFor(target, report(6, '6000', '1.1万人')).reason).toBe(
        '进度值 100.0 达到 80（绿灯）；全年预计值达不到目标（至少黄灯）',
      );
    });

    it('should be yellow when a report has no value to compare', () => {
      expect(lightFor(target, report(6))).toEqual({ light: 'yellow', reason: '已填报但没有可比较的完成值' });
      expect(lightFor(target, report(6, '进行中')).light).toBe('yellow');
    });

    it('should throw when the actual is in a unit that cannot convert', () => {
      expect(() => lightFor(target, report(6, '3000人次'))).toThrow(UnitMismatchError);
    });

    it.each([0, 13, 6.5])('should throw when the month is %d', (month) => {
      expect(() => lightFor(target, report(month, '3000'))).toThrow('月份必须是 1 到 12 的整数');
    });

    it('should throw when thresholds skip a light', () => {
      expect(() => lightFor(target, report(6, '3000'), { yellowFrom: 90 })).toThrow(DomainError);
    });
  });
});
