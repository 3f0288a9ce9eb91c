import { defaultRuleSettings } from '@jixiao/domain';

import type { MonitoringRules, RuleSettings, RulesPreview } from '../../admin.api';
import { AdminHarness, clearOverlays } from '../../testing/admin-harness';

const BASE = '/api/departments/031/years/2025/rules';

const national = (): RuleSettings => defaultRuleSettings() as RuleSettings;

function someRules(overrides: Partial<MonitoringRules> = {}): MonitoringRules {
  return {
    code: '031',
    year: 2025,
    settings: national(),
    defaults: national(),
    version: 0,
    updatedBy: null,
    updatedAt: null,
    ...overrides,
  };
}

function aPreview(): RulesPreview {
  return {
    asOf: '2025-06',
    changed: { indicators: 1, budgets: 0, projects: 1, total: 2 },
    compared: { indicators: 20, budgets: 5, projects: 5, total: 30 },
    changes: [
      {
        kind: 'indicator',
        id: 'i1',
        name: '日常招聘活动',
        projectName: '就业服务',
        from: 'yellow',
        to: 'red',
      },
      { kind: 'project', id: 'p1', name: '就业服务', projectName: '就业服务', from: 'yellow', to: 'red' },
    ],
  };
}

/** The preview waits for typing to pause (400 ms). */
const pause = () => new Promise((resolve) => setTimeout(resolve, 450));

describe('RulesComponent', () => {
  let admin: AdminHarness;

  beforeEach(() => AdminHarness.configure());
  afterEach(() => {
    admin.http.verify();
    clearOverlays();
  });

  async function open(rules = someRules()): Promise<void> {
    admin = await AdminHarness.open('rules');
    admin.http.expectOne(BASE).flush(rules);
    await admin.settle();
  }

  const field = (id: string) => admin.root.querySelector<HTMLInputElement>(`#${id}`);

  it('should show the national rules until they are changed', async () => {
    await open();
    expect(admin.text()).toContain('尚未修改，使用全国默认规则');
    expect(field('threshold-yellowFrom')?.value).toBe('60');
    expect(field('threshold-greenFrom')?.value).toBe('80');
    expect(field('section-budget')?.value).toBe('10');
    expect(admin.text()).toContain('合计 100 分');
    expect(admin.root.querySelector<HTMLButtonElement>('button.save')?.disabled).toBe(true);
  });

  it('should preview how many lights a change would turn, then save it with the version read', async () => {
    await open(
      someRules({ version: 3, updatedBy: '绩效管理员', updatedAt: '2025-07-01T08:00:00Z' as never }),
    );
    expect(admin.text()).toContain('最后修改：绩效管理员');

    await admin.type('#threshold-yellowFrom', '75');
    await pause();
    await admin.settle();
    const preview = admin.http.expectOne(`${BASE}/preview`);
    expect(preview.request.method).toBe('POST');
    expect(preview.request.body.thresholds).toEqual({ yellowFrom: 75, greenFrom: 80, blueFrom: 120 });
    preview.flush(aPreview());
    await admin.settle();
    expect(admin.text()).toContain('2025-06：将改变 2 个预警灯（指标 1 个、预算 0 个、项目 1 个）');
    expect(admin.root.querySelectorAll('tr[data-change]')).toHaveLength(2);
    expect(admin.root.querySelector('tr[data-change="indicator"]')?.textContent).toContain('日常招聘活动');

    await admin.click(admin.root.querySelector('button.save'));
    const put = admin.http.expectOne(BASE);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toMatchObject({ version: 3, thresholds: { yellowFrom: 75 } });
    const saved = national();
    saved.thresholds.yellowFrom = 75;
    put.flush({ ...someRules({ settings: saved, version: 4 }), reevaluated: 1 });
    await admin.settle();
    expect(document.body.textContent).toContain('已按新规则重新判定 1 个已存预警灯');
    expect(field('threshold-yellowFrom')?.value).toBe('75');
  });

  it('should list the fields the server refuses', async () => {
    await open();
    await admin.type('#section-budget', '20');
    expect(admin.text()).toContain('合计 110 分');
    await admin.click(admin.root.querySelector('button.save'));
    admin.http.expectOne(BASE).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '监控规则有误：scoring.sections',
        errors: {
          'scoring.sections': 'scoring.sections：预算执行率与产出、效益、满意度分值之和须为 100，当前为 110',
        },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await admin.settle();
    expect(admin.root.querySelector('[data-field="scoring.sections"]')?.textContent).toBe(
      '预算执行率与产出、效益、满意度分值之和须为 100，当前为 110',
    );
    await pause();
    admin.http.expectOne(`${BASE}/preview`).flush(aPreview());
    await admin.settle();
  });

  it('should reload the rules when someone else saved first', async () => {
    await open();
    await admin.click(
      admin.root.querySelector('label.reason-red input') ?? admin.root.querySelector('label.reason-red'),
    );
    await admin.click(admin.root.querySelector('button.save'));
    const put = admin.http.expectOne(BASE);
    expect(put.request.body.reasonLights).toEqual(['red']);
    put.flush(
      { statusCode: 409, code: 'VERSION_CONFLICT', message: '监控规则已被他人修改，请刷新后重试' },
      { status: 409, statusText: 'Conflict' },
    );
    await admin.settle();
    const reloaded = national();
    reloaded.consistencyGap = 10;
    admin.http.expectOne(BASE).flush(someRules({ settings: reloaded, version: 1 }));
    await admin.settle();
    expect(document.body.textContent).toContain('监控规则已被他人修改，已重新加载');
    expect(field('consistency-gap')?.value).toBe('10');
    await pause();
    admin.http.match(`${BASE}/preview`).forEach((request) => request.flush(aPreview()));
  });

  it('should fill in the Sichuan checkpoints and go back to the national defaults', async () => {
    await open();
    await admin.click(admin.root.querySelector('button.sichuan'));
    expect(admin.root.querySelectorAll('[data-checkpoint]')).toHaveLength(4);
    await admin.click(admin.root.querySelector('[data-checkpoint="0"] button.remove'));
    expect(admin.root.querySelectorAll('[data-checkpoint]')).toHaveLength(3);
    await admin.click(admin.root.querySelector('button.add-checkpoint'));
    expect(admin.root.querySelectorAll('[data-checkpoint]')).toHaveLength(4);
    await admin.click(admin.root.querySelector('button.defaults'));
    expect(admin.root.querySelectorAll('[data-checkpoint]')).toHaveLength(0);
    expect(admin.text()).toContain('未设置进度节点');
    await pause();
    admin.http.expectOne(`${BASE}/preview`).flush(aPreview());
    await admin.settle();
  });
});
