import { indicatorStatus, parseActual, parseTarget } from '@jixiao/domain';

import { EMPTY_VALUES, type ReportValues, liveLight } from './report-draft';

const TEXT = { notEntered: '本期尚未填写', valueUnreadable: '完成值无法识别' };
const JUNE = { year: 2025, month: 6 };
const values = (actual: string, more: Partial<ReportValues> = {}): ReportValues => ({
  ...EMPTY_VALUES,
  actual,
  ...more,
});

describe(liveLight.name, () => {
  const target = parseTarget('500人', { level1: '产出指标', level2: '数量指标' });

  it('should judge with the indicator’s own thresholds, as the API saves it', () => {
    const own = { yellowFrom: 60, greenFrom: 90, blueFrom: 130 };
    const preview = liveLight({ target, thresholds: own }, JUNE, values('220人'), TEXT);
    const saved = indicatorStatus(target, { actual: parseActual('220人', target) }, JUNE, {
      thresholds: own,
    });

    expect(preview).toEqual({
      light: saved.light,
      reason: saved.reason,
      explanation: saved.explanation,
      warnings: [],
    });
    expect(preview.light).toBe('yellow');
    expect(preview.explanation).toBe('进度值 = 220 ÷ (500 × 6/12) × 100 = 88.0；60 ≤ 88.0 < 90 → 黄灯');
    // Without them the same value is green: the preview used to show green and save yellow.
    expect(liveLight({ target }, JUNE, values('220人'), TEXT).light).toBe('green');
  });

  it('should show grey until the actual is entered', () => {
    expect(liveLight({ target }, JUNE, values(' '), TEXT)).toEqual({
      light: 'grey',
      reason: '本期尚未填写',
      explanation: null,
    });
  });

  it('should preview 无法判定 against a target that cannot be read, as the API stores it', () => {
    expect(liveLight({ target: null }, JUNE, values('达成'), TEXT).light).toBe('undetermined');
  });

  it('should name the field whose value cannot be read and judge nothing', () => {
    const parts = parseTarget('≥1 场、≥90人', { level1: '产出指标', level2: '数量指标' });
    expect(liveLight({ target }, JUNE, values('3场'), TEXT)).toMatchObject({
      light: null,
      reason: '完成值无法识别',
      actualError: expect.any(String),
    });
    expect(liveLight({ target: parts }, JUNE, values('1场、90人', { forecast: '2' }), TEXT)).toMatchObject({
      light: null,
      forecastError: expect.stringContaining('2 项要求'),
    });
    expect(liveLight({ target: parts }, JUNE, values('95'), TEXT)).toMatchObject({
      light: null,
      actualError: expect.stringContaining('2 项要求'),
    });
  });
});
