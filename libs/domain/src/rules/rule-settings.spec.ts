import { parseActual } from '../actual/actual-parser';
import { budgetScore } from '../evaluation/budget-score';
import { evaluateSheet } from '../evaluation/evaluate-sheet';
import { explainScore, scoreIndicator } from '../evaluation/indicator-score';
import { budgetStatus } from '../monitoring/budget-status';
import { indicatorStatus, restateReport } from '../monitoring/indicator-status';
import { projectBudgetYearEnd, projectYearEnd } from '../monitoring/year-end-projection';
import { parseTarget } from '../target/target-parser';
import {
  checkpointFor,
  dualMonitoringWarning,
  missedCheckpoint,
  overCompletion,
  projectLight,
  reasonMissing,
  submitReasonProblems,
} from './rule-checks';
import {
  DEFAULT_RULE_SETTINGS,
  DEFAULT_SCORING_PROFILE,
  defaultRuleSettings,
  type RuleSettings,
  validateRuleSettings,
  withDefaults,
} from './rule-settings';

const QUANTITY = { level1: '产出指标', level2: '数量指标' };
const SICHUAN = [
  { month: 4, minRate: 25 },
  { month: 6, minRate: 40 },
  { month: 8, minRate: 60 },
  { month: 10, minRate: 80 },
];

const settings = (change: (s: RuleSettings) => void): RuleSettings => {
  const value = defaultRuleSettings();
  change(value);
  return value;
};

describe('DEFAULT_RULE_SETTINGS', () => {
  it('should be the national rules of today', () => {
    expect(DEFAULT_RULE_SETTINGS).toEqual({
      thresholds: { yellowFrom: 60, greenFrom: 80, blueFrom: 120 },
      budgetCheckpoints: [],
      consistencyGap: null,
      projectLight: 'indicators',
      reasonLights: [],
      overCompletionFrom: null,
      scoring: {
        sections: { budget: 10, output: 50, benefit: 30, satisfaction: 10 },
        lowerFormula: 'linear',
        qualitativeBands: { 达成: [0.8, 1], 部分达成: [0.6, 0.8], 未达成: [0, 0.6] },
        decimals: 2,
        gradeBands: { excellent: 90, good: 80, pass: 60 },
      },
    });
  });

  it('should hand out copies that do not change the defaults', () => {
    const copy = defaultRuleSettings();
    copy.thresholds.yellowFrom = 70;
    copy.scoring.sections.budget = 20;
    expect(DEFAULT_RULE_SETTINGS.thresholds.yellowFrom).toBe(60);
    expect(DEFAULT_SCORING_PROFILE.sections.budget).toBe(10);
  });
});

describe(validateRuleSettings.name, () => {
  it('should accept the defaults and a provincial variant, as a copy', () => {
    const sichuan = settings((s) => {
      s.budgetCheckpoints = SICHUAN;
      s.consistencyGap = 10;
      s.projectLight = 'dual';
      s.reasonLights = ['red', 'yellow'];
      s.overCompletionFrom = 130;
      s.scoring.sections = { budget: 20, output: 40, benefit: 30, satisfaction: 10 };
      s.scoring.lowerFormula = 'ratio';
      s.scoring.decimals = 1;
    });
    expect(validateRuleSettings(DEFAULT_RULE_SETTINGS)).toEqual({
      settings: DEFAULT_RULE_SETTINGS,
      errors: {},
    });
    const checked = validateRuleSettings(sichuan);
    expect(checked.errors).toEqual({});
    expect(checked.settings).toEqual(sichuan);
    expect(checked.settings).not.toBe(sichuan);
  });

  it.each<[string, unknown]>([
    ['settings', null],
    ['settings', []],
    ['thresholds', { ...DEFAULT_RULE_SETTINGS, thresholds: 5 }],
    ['scoring', { ...DEFAULT_RULE_SETTINGS, scoring: 'x' }],
  ])('should refuse a %s that is not an object', (field, input) => {
    const { settings: none, errors } = validateRuleSettings(input);
    expect(none).toBeNull();
    expect(errors[field]).toBe(`${field}：格式不正确`);
  });

  it.each<[string, (s: RuleSettings) => void, string]>([
    ['thresholds.yellowFrom', (s) => (s.thresholds.yellowFrom = -1), '须为 0–1000 之间的数'],
    ['thresholds.blueFrom', (s) => ((s.thresholds as { blueFrom: unknown }).blueFrom = '1'), '须为 0–1000'],
    ['thresholds.greenFrom', (s) => (s.thresholds.greenFrom = 50), '绿灯起点不能低于黄灯起点'],
    ['thresholds.blueFrom', (s) => (s.thresholds.blueFrom = 70), '蓝灯起点不能低于绿灯起点'],
    ['budgetCheckpoints', (s) => ((s as { budgetCheckpoints: unknown }).budgetCheckpoints = {}), '列表'],
    ['budgetCheckpoints.0', (s) => (s.budgetCheckpoints = [null as never]), '格式不正确'],
    ['budgetCheckpoints.0.month', (s) => (s.budgetCheckpoints = [{ month: 13, minRate: 1 }]), '1–12'],
    ['budgetCheckpoints.0.month', (s) => (s.budgetCheckpoints = [{ month: 4.5, minRate: 1 }]), '整数'],
    ['budgetCheckpoints.0.minRate', (s) => (s.budgetCheckpoints = [{ month: 4, minRate: 101 }]), '0–100'],
    ['budgetCheckpoints.1.month', (s) => (s.budgetCheckpoints = [SICHUAN[1], SICHUAN[0]]), '按月份递增'],
    [
      'budgetCheckpoints.1.month',
      (s) => (s.budgetCheckpoints = [SICHUAN[0], { month: 6, minRate: 20 }]),
      '不能低于前一节点',
    ],
    ['consistencyGap', (s) => (s.consistencyGap = 0), '须为 1–100'],
    [
      'projectLight',
      (s) => ((s as { projectLight: string }).projectLight = 'best'),
      'indicators / worst / dual',
    ],
    ['reasonLights', (s) => ((s as { reasonLights: string[] }).reasonLights = ['green']), 'red、yellow'],
    ['reasonLights', (s) => (s.reasonLights = ['red', 'red']), '不重复'],
    ['reasonLights', (s) => ((s as { reasonLights: unknown }).reasonLights = 'red'), 'red、yellow'],
    ['overCompletionFrom', (s) => (s.overCompletionFrom = 99), '100–1000'],
    ['scoring.sections', (s) => ((s.scoring as { sections: unknown }).sections = 1), '格式不正确'],
    ['scoring.sections.budget', (s) => (s.scoring.sections.budget = 101), '0–100'],
    ['scoring.sections', (s) => (s.scoring.sections.budget = 20), '之和须为 100，当前为 110'],
    ['scoring.lowerFormula', (s) => ((s.scoring as { lowerFormula: string }).lowerFormula = 'x'), 'linear'],
    [
      'scoring.qualitativeBands',
      (s) => ((s.scoring as { qualitativeBands: unknown }).qualitativeBands = 0),
      '格式',
    ],
    ['scoring.qualitativeBands.达成', (s) => (s.scoring.qualitativeBands.达成 = [0.8] as never), '得分区间'],
    ['scoring.qualitativeBands.达成', (s) => (s.scoring.qualitativeBands.达成 = [0.9, 0.8]), '得分区间'],
    ['scoring.qualitativeBands.未达成', (s) => (s.scoring.qualitativeBands.未达成 = [0, 2]), '0–1'],
    ['scoring.decimals', (s) => (s.scoring.decimals = 1.5), '0–4 的整数'],
    ['scoring.decimals', (s) => (s.scoring.decimals = 5), '0–4'],
    ['scoring.gradeBands', (s) => ((s.scoring as { gradeBands: unknown }).gradeBands = null), '格式不正确'],
    ['scoring.gradeBands.pass', (s) => (s.scoring.gradeBands.pass = -1), '0–100'],
    ['scoring.gradeBands', (s) => (s.scoring.gradeBands.good = 95), '优 > 良 > 中'],
  ])('should refuse %s with a Chinese message naming it', (field, change, message) => {
    const { settings: none, errors } = validateRuleSettings(settings(change));
    expect(none).toBeNull();
    expect(errors[field]).toContain(`${field}：`);
    expect(errors[field]).toContain(message);
  });
});

describe(withDefaults.name, () => {
  it('should fill what a stored row leaves out with the national rules', () => {
    expect(withDefaults(null)).toEqual(DEFAULT_RULE_SETTINGS);
    const stored = withDefaults({
      thresholds: { yellowFrom: 70 } as never,
      scoring: { decimals: 1 } as never,
      consistencyGap: 10,
    });
    expect(stored.thresholds).toEqual({ yellowFrom: 70, greenFrom: 80, blueFrom: 120 });
    expect(stored.scoring.decimals).toBe(1);
    expect(stored.scoring.sections.budget).toBe(10);
    expect(stored.consistencyGap).toBe(10);
  });
});

describe('light thresholds as a setting', () => {
  const target = parseTarget('≥1200人', QUANTITY);
  const report = { actual: parseActual('390人', target) }; // June: v = 390 ÷ 600 = 65

  it('should judge with the national 60/80/120 by default and with the setting when given', () => {
    const asOf = { year: 2025, month: 6 };
    expect(indicatorStatus(target, report, asOf).light).toBe('yellow');
    const strict = settings((s) => (s.thresholds = { yellowFrom: 70, greenFrom: 90, blueFrom: 130 }));
    expect(indicatorStatus(target, report, asOf, { rules: strict }).light).toBe('red');
    // An indicator's own thresholds still win over the department-year's.
    expect(
      indicatorStatus(target, report, asOf, { rules: strict, thresholds: { yellowFrom: 50 } }).light,
    ).toBe('yellow');
    const stored = { actualRaw: '390人', forecastRaw: null, likelihood: null };
    expect(restateReport(target, stored, asOf, { rules: strict }).light).toBe('red');
  });

  it('should project with the setting too', () => {
    const strict = settings((s) => (s.thresholds = { yellowFrom: 90, greenFrom: 95, blueFrom: 130 }));
    const series = [1, 2, 3, 4, 5, 6].map((month) => ({ month, value: month * 85 }));
    const options = { year: 2025, month: 6 };
    expect(projectYearEnd(series, target, options).projection?.light).toBe('green');
    expect(projectYearEnd(series, target, { ...options, rules: strict }).projection?.light).toBe('red');
    const budget = [1, 2, 3].map((month) => ({ month, value: month * 85 }));
    expect(projectBudgetYearEnd(budget, 1200, { year: 2025, month: 3 })?.light).toBe('green');
    expect(projectBudgetYearEnd(budget, 1200, { year: 2025, month: 3, rules: strict })?.light).toBe('red');
  });
});

describe('budget pace checkpoints', () => {
  const sichuan = settings((s) => (s.budgetCheckpoints = SICHUAN));

  it('should find the checkpoint in force in a month', () => {
    expect(checkpointFor(3, SICHUAN)).toBeUndefined();
    expect(checkpointFor(5, SICHUAN)).toEqual({ month: 4, minRate: 25 });
    expect(checkpointFor(12, SICHUAN)).toEqual({ month: 10, minRate: 80 });
    expect(checkpointFor(12)).toBeUndefined();
    expect(missedCheckpoint(6, 40, SICHUAN)).toBeUndefined();
    expect(missedCheckpoint(6, 39.5, SICHUAN)?.reason).toBe(
      '未达到预算执行进度节点：6 月底应至少执行 40%，实际 39.5%（红灯）',
    );
    expect(missedCheckpoint(6, 0)).toBeUndefined();
  });

  it('should turn a budget light red when a checkpoint is missed, whatever the pace says', () => {
    // June, 38 % executed: v = 76 → yellow by pace; below 40 % by June → red with the checkpoint's reason.
    const input = { month: 6, budget: 100, executed: 38 };
    expect(budgetStatus(input).light).toBe('yellow');
    const status = budgetStatus(input, null, sichuan);
    expect(status.light).toBe('red');
    expect(status.reason).toContain('6 月底应至少执行 40%');
    expect(status.explanation).toContain('未达到预算执行进度节点');
    expect(budgetStatus({ month: 6, budget: 100, executed: 45 }, null, sichuan).light).toBe('green');
  });
});

describe(dualMonitoringWarning.name, () => {
  const sichuan = settings((s) => (s.consistencyGap = 10));

  it('should warn only when the setting is on and the gap is above it', () => {
    expect(dualMonitoringWarning(100, 70)).toBeNull();
    expect(dualMonitoringWarning(null, 70, sichuan)).toBeNull();
    expect(dualMonitoringWarning(100, null, sichuan)).toBeNull();
    expect(dualMonitoringWarning(100, 90, sichuan)).toBeNull();
    expect(dualMonitoringWarning(100, 85.5, sichuan)).toEqual({
      gap: 14.5,
      message: '双监控不一致：目标完成进度 100 与预算执行进度 85.5 相差 14.5 个百分点，超过 10 个百分点',
    });
  });
});

describe(projectLight.name, () => {
  const mode = (projectLightMode: RuleSettings['projectLight']) =>
    settings((s) => (s.projectLight = projectLightMode));

  it('should be the worst indicator light nationally, the budget apart', () => {
    expect(projectLight(['green', 'yellow'], 'red')).toBe('yellow');
    expect(projectLight([], null)).toBe('grey');
  });

  it('should take the budget into the worst light when set so', () => {
    expect(projectLight(['green', 'blue'], 'red', mode('worst'))).toBe('red');
    expect(projectLight(['green', 'yellow'], null, mode('worst'))).toBe('yellow');
  });

  it.each<[string[], string, string]>([
    [['green', 'blue'], 'green', 'green'],
    [['green', 'red'], 'green', 'yellow'],
    [['yellow'], 'green', 'yellow'],
    [['green'], 'yellow', 'red'],
    [['green'], 'red', 'red'],
    [['grey', 'green'], 'green', 'grey'],
    [['green'], 'grey', 'grey'],
    [['red'], 'undetermined', 'red'],
  ])('should combine targets %j and budget %s as 双监控 (Hefei) into %s', (lights, budget, expected) => {
    expect(projectLight(lights as never, budget as never, mode('dual'))).toBe(expected);
  });
});

describe(reasonMissing.name, () => {
  it('should ask nothing nationally, red (and yellow when set) otherwise', () => {
    const red = settings((s) => (s.reasonLights = ['red']));
    const both = settings((s) => (s.reasonLights = ['red', 'yellow']));
    expect(reasonMissing('red', false)).toBe(false);
    expect(reasonMissing('red', false, red)).toBe(true);
    expect(reasonMissing('red', true, red)).toBe(false);
    expect(reasonMissing('yellow', false, red)).toBe(false);
    expect(reasonMissing('yellow', false, both)).toBe(true);
    expect(reasonMissing(null, false, both)).toBe(false);
  });
});

describe(overCompletion.name, () => {
  const guangxi = settings((s) => (s.overCompletionFrom = 130));
  const target = parseTarget('≥1000人', QUANTITY);

  it('should return the % reached from the threshold on, nothing below it or when off', () => {
    expect(overCompletion(target, parseActual('1300人', target), guangxi)).toBe(130);
    expect(overCompletion(target, parseActual('1299人', target), guangxi)).toBeNull();
    expect(overCompletion(target, parseActual('1500人', target))).toBeNull();
  });

  it('should ask nothing where over-completion means nothing', () => {
    const lower = parseTarget('≤5%', { level1: '成本指标', level2: '经济成本指标' });
    expect(overCompletion(lower, parseActual('9%', lower), guangxi)).toBeNull();
    expect(overCompletion(null, parseActual('9'), guangxi)).toBeNull();
    expect(overCompletion(target, undefined, guangxi)).toBeNull();
    const judged = parseTarget('≥1000人', QUANTITY);
    expect(overCompletion(judged, parseActual('达成'), guangxi)).toBeNull();
    const unparsed = parseTarget('大幅提升', QUANTITY);
    expect(overCompletion(unparsed, parseActual('5'), guangxi)).toBeNull();
    const zero = parseTarget('≥0次', QUANTITY);
    expect(overCompletion(zero, parseActual('5次', zero), guangxi)).toBeNull();
  });
});

describe('scoring profile', () => {
  const lower = parseTarget('≤100元', { level1: '成本指标', level2: '经济成本指标' });
  const ratio = { ...DEFAULT_SCORING_PROFILE, lowerFormula: 'ratio' as const };

  it('should score 反向 linearly nationally and as A ÷ B × W when set', () => {
    expect(scoreIndicator(lower, parseActual('125元'), 10)).toEqual({ score: 7.5 });
    expect(scoreIndicator(lower, parseActual('250元'), 10)).toEqual({ score: 0 });
    expect(scoreIndicator(lower, parseActual('125元'), 10, ratio)).toEqual({ score: 8 });
    expect(scoreIndicator(lower, parseActual('250元'), 10, ratio)).toEqual({ score: 4 });
    expect(explainScore(lower, parseActual('125元'), 10, ratio).explanation).toContain('100 ÷ 125');
    const range = parseTarget('90-100元', { level1: '成本指标', level2: '经济成本指标' });
    expect(scoreIndicator(range, parseActual('125元'), 10, ratio)).toEqual({ score: 8 });
  });

  it('should map 定性 bands and round as set', () => {
    const judged = parseTarget('效果显著', { level1: '效益指标', level2: '社会效益指标' });
    const bands = {
      ...DEFAULT_SCORING_PROFILE,
      qualitativeBands: { 达成: [0.9, 1], 部分达成: [0.7, 0.9], 未达成: [0, 0.7] } as never,
    };
    expect(scoreIndicator(judged, parseActual('部分达成'), 10, bands)).toEqual({ band: [7, 9] });
    const whole = { ...DEFAULT_SCORING_PROFILE, decimals: 0 };
    const higher = parseTarget('≥1200人', QUANTITY);
    expect(scoreIndicator(higher, parseActual('1100人'), 20)).toEqual({ score: 18.33 });
    expect(scoreIndicator(higher, parseActual('1100人'), 20, whole)).toEqual({ score: 18 });
    expect(budgetScore(83.3, 100, 10, 1)).toBe(8.3);
    const parts = parseTarget('≥1 场、≥90人', QUANTITY);
    expect(scoreIndicator(parts, parseActual('1场、80人'), 10, whole)).toEqual({ score: 9 });
  });

  it('should score a whole sheet by its profile: weights, 反向 formula, rounding and grades', () => {
    const input = {
      scope: 'project' as const,
      sections: { budget: 20, output: 40, benefit: 30, satisfaction: 10 },
      annualBudgetYuan: 100,
      executedYuan: 83.33,
      indicators: [
        {
          level1: '产出指标',
          level2: '数量指标',
          name: '人数',
          target: parseTarget('≥1200人', QUANTITY),
          actual: '1200人',
          pickedScore: null,
        },
        {
          level1: '成本指标',
          level2: '经济成本指标',
          name: '单价',
          target: lower,
          actual: '125元',
          pickedScore: null,
        },
        {
          level1: '效益指标',
          level2: '社会效益指标',
          name: '就业',
          target: parseTarget('≥90%', { level1: '效益指标', level2: '社会效益指标' }),
          actual: '90%',
          pickedScore: null,
        },
        {
          level1: '满意度指标',
          level2: '服务对象满意度指标',
          name: '满意度',
          target: parseTarget('≥90%', { level1: '满意度指标', level2: '服务对象满意度指标' }),
          actual: '95%',
          pickedScore: null,
        },
      ],
    };
    const national = evaluateSheet(input);
    expect(national.budget.score).toBe(16.67);
    expect(national.total).toBe(91.67); // 16.67 + 20 + 15 + 30 + 10
    expect(national.grade).toBe('优');
    const profile = {
      ...DEFAULT_SCORING_PROFILE,
      lowerFormula: 'ratio' as const,
      decimals: 1,
      gradeBands: { excellent: 95, good: 85, pass: 60 },
    };
    const local = evaluateSheet({ ...input, profile });
    expect(local.budget.score).toBe(16.7);
    expect(local.items[1].score).toBe(16); // 100 ÷ 125 × 20
    expect(local.total).toBe(92.7);
    expect(local.grade).toBe('良');
  });
});

describe(submitReasonProblems.name, () => {
  const target = parseTarget('≥1000人', QUANTITY);
  const report = (
    id: string,
    light: 'red' | 'yellow' | 'green' | 'blue',
    actual: string,
    hasReason = false,
  ) => ({
    indicatorId: id,
    name: `指标${id}`,
    light,
    hasReason,
    target,
    actual: parseActual(actual, target),
  });
  const reports = [
    report('a', 'red', '100人'),
    report('b', 'yellow', '400人'),
    report('c', 'blue', '1400人'),
    report('d', 'red', '100人', true),
  ];

  it('should ask nothing nationally', () => {
    expect(submitReasonProblems(reports)).toEqual({});
  });

  it('should name each red (and yellow when set) report without a reason, and each over-completion', () => {
    const rules = settings((s) => {
      s.reasonLights = ['red'];
      s.overCompletionFrom = 130;
    });
    expect(submitReasonProblems(reports, rules)).toEqual({
      'reasons.a': 'reasons.a：指标a（红灯）未填写偏差原因',
      'overCompletion.c':
        'overCompletion.c：指标c完成值达到目标的 140%（≥ 130%），须说明超额完成的原因及整改措施',
    });
    rules.reasonLights = ['red', 'yellow'];
    expect(Object.keys(submitReasonProblems(reports, rules))).toEqual([
      'reasons.a',
      'reasons.b',
      'overCompletion.c',
    ]);
  });
});
