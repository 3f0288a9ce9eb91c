import { defaultRuleSettings, indicatorStatus, parseActual, parseTarget, type Light } from '@jixiao/domain';
import type { AccessPolicy } from '../../common/auth/access-policy';
import type { RuleSettingsRepository } from '../monitoring-rules/rule-settings.repository';
import type {
  DashboardRepository,
  FlaggedRow,
  LightCountRow,
  SeriesIndicatorRow,
} from './dashboard.repository';
import { DashboardService } from './dashboard.service';

const UNIT = { fiscalYearId: 'fy', departmentId: 'd', code: '031', name: '人社局' };

// A flagged row as the repository reads it: the light, progress and explanation stored when the report was saved.
function flagged(indicatorId: string, light: Light, raw: string, actualValue: number | null): FlaggedRow {
  const target = parseTarget(raw, { level1: '产出指标', level2: '数量指标' });
  const stored =
    actualValue === null
      ? null
      : indicatorStatus(
          target,
          { actual: parseActual(String(actualValue), target) },
          { year: 2025, month: 6 },
        );
  return {
    fiscalYearId: 'fy',
    projectId: 'p',
    projectCode: null,
    projectName: '项目',
    goalId: 'g',
    indicatorId,
    level1: '产出指标',
    level2: '数量指标',
    indicatorName: indicatorId,
    targetRaw: raw,
    target,
    targetUnit: target.unit ?? null,
    actualRaw: actualValue === null ? null : String(actualValue),
    actualValue,
    forecastRaw: null,
    likelihood: null,
    thresholds: null,
    light,
    lightReason: actualValue === null ? null : '原因',
    lightExplanation: stored?.explanation ?? null,
    progress: stored?.progress ?? null,
  };
}

function counts(grouping: 0 | 1 | 3, total: number, red = 0): LightCountRow {
  return {
    fiscalYearId: grouping === 3 ? null : 'fy',
    projectId: null,
    grouping,
    red,
    yellow: 0,
    green: 0,
    blue: 0,
    grey: total - red,
    undetermined: 0,
    total,
  };
}

function service(rows: Partial<Record<keyof DashboardRepository, unknown>>): DashboardService {
  const repository = {
    findDepartmentYears: async () => [UNIT],
    lightCounts: async () => [counts(3, 10, 2), counts(1, 10, 2)],
    monitoredSeries: async () => [],
    budget: async () => [],
    meanProgress: async () => [],
    trend: async () => [],
    openPeriods: async () => [],
    latestReportedPeriod: async () => null,
    ...Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, async () => v])),
  } as unknown as DashboardRepository;
  const access = {
    assertCanReadDepartment: () => undefined,
    departmentScope: () => null,
  } as unknown as AccessPolicy;
  // No department-year has rules of its own here: the national ones.
  const rules = {
    forFiscalYear: async () => defaultRuleSettings(),
    forFiscalYears: async (ids: string[]) => new Map(ids.map((id) => [id, defaultRuleSettings()])),
  } as unknown as RuleSettingsRepository;
  return new DashboardService(repository, access, rules);
}

describe(DashboardService.name, () => {
  it('should rank red, yellow, undetermined, grey, and by progress within a colour, unknown progress last', async () => {
    const rows = [
      flagged('grey-a', 'grey', '12 场', null),
      { ...flagged('undetermined', 'undetermined', '', null), actualRaw: '95%', lightReason: '无法判定' },
      flagged('yellow-70', 'yellow', '12 场', 4.2),
      flagged('red-judged', 'red', '及时', null),
      flagged('red-40', 'red', '1200 人', 240),
      flagged('red-10', 'red', '≥90%', 9),
      flagged('yellow-60', 'yellow', '≥90%', 54),
    ];
    const monitoredSeries = rows.map((row) => ({ ...row, series: null, forecastValue: null }));
    const result = await service({ monitoredSeries }).departmentDashboard('031', 2025, { asOf: '2025-06' });
    expect(result.flagged.map((f) => [f.indicatorId, f.progress])).toEqual([
      ['red-10', 10],
      ['red-40', 40],
      ['red-judged', null],
      ['yellow-60', 60],
      ['yellow-70', 70],
      ['undetermined', null],
      ['grey-a', null],
    ]);
    const red40 = result.flagged.find((f) => f.indicatorId === 'red-40');
    expect(red40?.expectedByNow).toBe(600);
    expect(red40?.explanation).toBe('进度值 = 240 ÷ (1200 × 6/12) × 100 = 40.0；40.0 < 60 → 红灯');
    const grey = result.flagged.find((f) => f.indicatorId === 'grey-a');
    expect(grey?.lightReason).toBe('本期未填报（已逾期）');
    expect(grey?.explanation).toBe('2025-06 无填报 → 灰灯（未填报）');
  });

  // A monitored indicator with its year-to-date series January–June.
  function withSeries(indicatorId: string, light: Light, raw: string, values: number[]): SeriesIndicatorRow {
    return {
      ...flagged(indicatorId, light, raw, values.at(-1) ?? null),
      series: values.map((value, index) => ({ period: `2025-0${index + 1}`, value })),
      forecastValue: null,
    };
  }

  it('should list the indicators projected to miss, count them, and filter the flagged list to them', async () => {
    const monitoredSeries = [
      withSeries('steady', 'green', '≥120人', [10, 20, 30, 40, 50, 60]),
      withSeries('falling', 'green', '≥200人', [35, 70, 95, 105, 108, 110]),
      withSeries('flat', 'red', '≥100人', [10, 10, 10, 10, 10, 10]),
      { ...withSeries('judged', 'green', '及时', []), series: null },
    ];
    const rows = { monitoredSeries };
    const result = await service(rows).departmentDashboard('031', 2025, { asOf: '2025-06' });
    expect(result.projectedMiss).toBe(2);
    expect(result.projectedMisses.map((f) => [f.indicatorId, f.light, f.projection?.light])).toEqual([
      ['flat', 'red', 'red'],
      ['falling', 'green', 'yellow'],
    ]);
    expect(result.projectedMisses[1].projection).toMatchObject({
      value: 140,
      method: 'trend',
      likelihood: '有可能',
    });
    expect(result.flagged.map((f) => [f.indicatorId, f.projection?.value])).toEqual([['flat', 20]]);
    const filtered = await service(rows).departmentDashboard('031', 2025, {
      asOf: '2025-06',
      projectedMiss: 'true',
    });
    expect(filtered.flagged.map((f) => f.indicatorId)).toEqual(['flat', 'falling']);
  });

  it('should fill every month of the trend, the unreported share grey', async () => {
    const trend = [{ period: '2025-02', red: 1, yellow: 2, green: 3, blue: 0, undetermined: 1 }];
    const result = await service({ trend }).departmentDashboard('031', 2025, { asOf: '2025-03' });
    expect(result.trend).toEqual([
      { period: '2025-01', red: 0, yellow: 0, green: 0, blue: 0, grey: 10, undetermined: 0, total: 10 },
      { period: '2025-02', red: 1, yellow: 2, green: 3, blue: 0, grey: 3, undetermined: 1, total: 10 },
      { period: '2025-03', red: 0, yellow: 0, green: 0, blue: 0, grey: 10, undetermined: 0, total: 10 },
    ]);
  });

  it('should call a missing report "missing" and give the department-wide goals their name', async () => {
    const openPeriods = [
      {
        fiscalYearId: 'fy',
        projectId: null,
        projectCode: null,
        projectName: null,
        period: '2025-01',
        status: null,
      },
    ];
    const result = await service({ openPeriods }).departmentDashboard('031', 2025, { asOf: '2025-01' });
    expect(result.overdue).toEqual([
      expect.objectContaining({
        projectName: '部门整体',
        status: 'missing',
        dueDate: '2025-02-10',
        department: { code: '031', name: '人社局' },
      }),
    ]);
  });

  it('should light the budget grey when nothing was executed, undetermined when the budget is zero', async () => {
    const budget = [
      {
        fiscalYearId: 'fy',
        projectId: 'a',
        grouping: 0,
        projectCode: null,
        projectName: 'A',
        budgetYuan: 0,
        executedYuan: 10,
        executedPeriod: '2025-01',
      },
      {
        fiscalYearId: null,
        projectId: null,
        grouping: 3,
        projectCode: null,
        projectName: null,
        budgetYuan: 0,
        executedYuan: null,
        executedPeriod: null,
      },
    ];
    const result = await service({ budget }).departmentDashboard('031', 2025, { asOf: '2025-06' });
    expect(result.budget.projects[0]).toMatchObject({
      light: 'undetermined',
      lightReason: '当年预算为 0，无法计算执行进度（无法判定）',
      explanation: '当年预算 = 0，无从计算执行进度 → 无法判定',
      pace: 50,
      rate: null,
    });
    expect(result.budget.total).toMatchObject({
      light: 'grey',
      lightReason: '截至本期尚未填报预算执行数',
      explanation: '截至本期无预算执行数 → 灰灯（未填报）',
    });
  });

  it('should refuse a month outside the fiscal year before reading anything', async () => {
    await expect(service({}).departmentDashboard('031', 2025, { asOf: '2026-01' })).rejects.toMatchObject({
      errors: { asOf: expect.stringContaining('2025 年内') },
    });
  });
});
