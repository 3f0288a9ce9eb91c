import { parseTarget, type Light } from '@jixiao/domain';
import type { AccessPolicy } from '../../common/auth/access-policy';
import type { DashboardRepository, FlaggedRow, LightCountRow } from './dashboard.repository';
import { DashboardService } from './dashboard.service';

const UNIT = { fiscalYearId: 'fy', departmentId: 'd', code: '031', name: '人社局' };

function flagged(indicatorId: string, light: Light, raw: string, actualValue: number | null): FlaggedRow {
  const target = parseTarget(raw, { level1: '产出指标', level2: '数量指标' });
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
    light,
    lightReason: actualValue === null ? null : '原因',
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
    total,
  };
}

function service(rows: Partial<Record<keyof DashboardRepository, unknown>>): DashboardService {
  const repository = {
    findDepartmentYears: async () => [UNIT],
    lightCounts: async () => [counts(3, 10, 2), counts(1, 10, 2)],
    flagged: async () => [],
    budget: async () => [],
    trend: async () => [],
    openPeriods: async () => [],
    latestReportedPeriod: async () => null,
    ...Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, async () => v])),
  } as unknown as DashboardRepository;
  const access = {
    assertCanReadDepartment: () => undefined,
    departmentScope: () => null,
  } as unknown as AccessPolicy;
  return new DashboardService(repository, access);
}

describe(DashboardService.name, () => {
  it('should rank red before yellow before grey, and by progress within a colour, unknown progress last', async () => {
    const rows = [
      flagged('grey-a', 'grey', '12 场', null),
      flagged('yellow-70', 'yellow', '12 场', 4.2),
      flagged('red-judged', 'red', '及时', null),
      flagged('red-40', 'red', '1200 人', 240),
      flagged('red-10', 'red', '≥90%', 9),
      flagged('yellow-60', 'yellow', '≥90%', 54),
    ];
    const result = await service({ flagged: rows }).departmentDashboard('031', 2025, { asOf: '2025-06' });
    expect(result.flagged.map((f) => [f.indicatorId, f.progress])).toEqual([
      ['red-10', 10],
      ['red-40', 40],
      ['red-judged', null],
      ['yellow-60', 60],
      ['yellow-70', 70],
      ['grey-a', null],
    ]);
    expect(result.flagged.find((f) => f.indicatorId === 'red-40')?.expectedByNow).toBe(600);
    expect(result.flagged.find((f) => f.indicatorId === 'grey-a')?.lightReason).toBe('本期未填报（已逾期）');
  });

  it('should fill every month of the trend, the unreported share grey', async () => {
    const trend = [{ period: '2025-02', red: 1, yellow: 2, green: 3, blue: 0 }];
    const result = await service({ trend }).departmentDashboard('031', 2025, { asOf: '2025-03' });
    expect(result.trend).toEqual([
      { period: '2025-01', red: 0, yellow: 0, green: 0, blue: 0, grey: 10, total: 10 },
      { period: '2025-02', red: 1, yellow: 2, green: 3, blue: 0, grey: 4, total: 10 },
      { period: '2025-03', red: 0, yellow: 0, green: 0, blue: 0, grey: 10, total: 10 },
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

  it('should light the budget grey when nothing was executed and when the budget is zero', async () => {
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
        rate: null,
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
        rate: null,
      },
    ];
    const result = await service({ budget }).departmentDashboard('031', 2025, { asOf: '2025-06' });
    expect(result.budget.projects[0]).toMatchObject({
      light: 'grey',
      lightReason: '当年预算为 0，无法计算执行进度',
      pace: 50,
    });
    expect(result.budget.total).toMatchObject({ light: 'grey', lightReason: '截至本期尚未填报预算执行数' });
  });

  it('should refuse a month outside the fiscal year before reading anything', async () => {
    await expect(service({}).departmentDashboard('031', 2025, { asOf: '2026-01' })).rejects.toMatchObject({
      errors: { asOf: expect.stringContaining('2025 年内') },
    });
  });
});
