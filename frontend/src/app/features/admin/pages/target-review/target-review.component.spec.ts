import type { TargetReview, TargetReviewFinding, TargetReviewRule } from '../../admin.api';
import { AdminHarness, clearOverlays } from '../../testing/admin-harness';
import { localizeReview } from './target-review.component';

const BASE = '/api/departments/031/years/2025/target-review';
const PROJECT = '00000000-0000-4000-9000-0000000000aa';
const GOAL = '00000000-0000-4000-9000-0000000000bb';

function aFinding(overrides: Partial<TargetReviewFinding> = {}): TargetReviewFinding {
  return {
    ruleId: 'vague-target',
    severity: 'error',
    title: '指标值不可衡量：用语模糊、没有数值',
    message: '「保障业务正常开展」：指标值「保障」没有数值或可核验的标准',
    fixHint: '写明数值或可核验的标准',
    projectId: PROJECT,
    projectName: '信息化建设',
    goalId: GOAL,
    goalLabel: '长期绩效目标',
    goalTerm: 'long',
    indicatorId: '00000000-0000-4000-9000-0000000000cc',
    level1: '效益指标',
    level2: '社会效益指标',
    indicatorName: '保障业务正常开展',
    target: '保障',
    ...overrides,
  };
}

function aRule(overrides: Partial<TargetReviewRule> = {}): TargetReviewRule {
  return {
    id: 'vague-target',
    severity: 'error',
    scope: 'indicator',
    title: '指标值不可衡量：用语模糊、没有数值',
    fixHint: '写明数值或可核验的标准',
    defaultEnabled: true,
    enabled: true,
    reason: null,
    updatedBy: null,
    updatedAt: null,
    version: 0,
    findings: 1,
    ...overrides,
  };
}

const counts = (error: number, warning: number, info: number) => ({
  error,
  warning,
  info,
  total: error + warning + info,
});

function aReview(): TargetReview {
  const party = aFinding({
    ruleId: 'goal-missing-level1',
    title: '目标缺少产出、效益或满意度指标',
    message: '目标缺少满意度指标',
    projectId: null,
    projectName: '部门整体',
    goalLabel: '年度目标 1',
    goalTerm: 'annual',
    indicatorId: null,
    indicatorName: null,
  });
  const operator = aFinding({
    ruleId: 'missing-operator',
    severity: 'warning',
    title: '定量指标值未写比较符',
    message: '「维护设备及系统数量」：指标值「13 套」未写比较符，系统按“不低于”理解',
    indicatorName: '维护设备及系统数量',
  });
  return {
    department: { code: '031', name: '人社局' },
    year: 2025,
    counts: counts(2, 1, 0),
    rules: [
      aRule(),
      aRule({
        id: 'missing-operator',
        severity: 'warning',
        title: '定量指标值未写比较符',
        version: 2,
        findings: 1,
      }),
      aRule({
        id: 'goal-missing-cost',
        severity: 'warning',
        scope: 'goal',
        title: '目标缺少成本指标',
        defaultEnabled: false,
        enabled: false,
        findings: 0,
      }),
    ],
    projects: [
      { projectId: null, seq: null, code: null, name: '部门整体', counts: counts(1, 0, 0), goals: [] },
      { projectId: PROJECT, seq: 1, code: null, name: '信息化建设', counts: counts(1, 1, 0), goals: [] },
    ],
    findings: [operator, aFinding(), party],
  };
}

describe('TargetReviewComponent', () => {
  let admin: AdminHarness;

  beforeEach(() => AdminHarness.configure());
  afterEach(() => {
    admin.http.verify();
    clearOverlays();
  });

  async function open(role: 'admin' | 'auditor' = 'admin'): Promise<void> {
    admin = await AdminHarness.open('target-review', role);
    admin.http.expectOne(BASE).flush(aReview());
    await admin.settle();
  }

  const rows = () => Array.from(admin.root.querySelectorAll<HTMLElement>('nz-table tbody tr[data-rule]'));

  async function pick(selector: string, label: string): Promise<void> {
    admin.root
      .querySelector(`${selector} .ant-select-selector`)
      ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await admin.settle();
    const option = Array.from(document.querySelectorAll<HTMLElement>('.ant-select-item-option')).find(
      (item) => item.textContent?.trim() === label,
    );
    await admin.click(option);
  }

  it('should list the findings worst first, with counts, fix hints and links to the project', async () => {
    await open();

    expect(admin.text()).toContain('错误 2 项，警告 1 项，提示 0 项');
    expect(rows().map((row) => row.dataset['rule'])).toEqual([
      'vague-target',
      'goal-missing-level1',
      'missing-operator',
    ]);
    expect(rows()[0].textContent).toContain('保障业务正常开展');
    expect(rows()[0].textContent).toContain('写明数值或可核验的标准');
    expect(rows()[0].querySelector('a.project-link')?.getAttribute('href')).toBe(`/projects/${PROJECT}`);
    expect(rows()[1].querySelector('a.project-link')?.getAttribute('href')).toBe('/overall');
  });

  it('should filter by severity, rule and project', async () => {
    await open();

    await pick('.severity-filter', '警告');
    expect(rows().map((row) => row.dataset['rule'])).toEqual(['missing-operator']);
    expect(admin.text()).toContain('显示 1 / 3 项');

    await pick('.severity-filter', '错误');
    await pick('.project-filter', '部门整体');
    expect(rows().map((row) => row.dataset['rule'])).toEqual(['goal-missing-level1']);

    await pick('.project-filter', '信息化建设');
    await pick('.rule-filter', '指标值不可衡量：用语模糊、没有数值');
    expect(rows().map((row) => row.dataset['rule'])).toEqual(['vague-target']);
  });

  it('should switch a rule off only with a reason, sending the version it was read at', async () => {
    await open();
    const rule = admin.root.querySelector('table.rules tr[data-rule="missing-operator"]');
    await admin.click(rule?.querySelector('button.disable'));
    await admin.click(admin.dialogButton('停用'));
    expect(admin.dialog()?.textContent).toContain('请填写原因');
    admin.http.expectNone(`${BASE}/rules/missing-operator`);

    await admin.type('#reason-input', '本年度指标表沿用省级模板');
    await admin.click(admin.dialogButton('停用'));
    const request = admin.http.expectOne(`${BASE}/rules/missing-operator`);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ enabled: false, reason: '本年度指标表沿用省级模板', version: 2 });
    request.flush(aRule({ id: 'missing-operator', enabled: false, version: 3 }));
    await admin.settle();
    admin.http.expectOne(BASE).flush(aReview());
    await admin.settle();
  });

  it('should switch on a rule that is off by default without asking for a reason', async () => {
    await open();
    const rule = admin.root.querySelector('table.rules tr[data-rule="goal-missing-cost"]');
    expect(rule?.textContent).toContain('默认关闭');
    await admin.click(rule?.querySelector('button.enable'));
    const request = admin.http.expectOne(`${BASE}/rules/goal-missing-cost`);
    expect(request.request.body).toEqual({ enabled: true, version: 0 });
    request.flush(aRule({ id: 'goal-missing-cost', enabled: true, version: 1 }));
    await admin.settle();
    admin.http.expectOne(BASE).flush(aReview());
    await admin.settle();
  });

  it('should let an auditor read the findings and rules without switches', async () => {
    await open('auditor');

    expect(rows()).toHaveLength(3);
    expect(admin.root.querySelectorAll('table.rules button')).toHaveLength(0);
  });

  it('should download the workbook', async () => {
    await open();
    await admin.click(admin.root.querySelector('button.download'));
    const request = admin.http.expectOne(`${BASE}.xlsx`);
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['x']));
  });
});

describe(localizeReview.name, () => {
  it('should leave a Chinese screen with what the API composed', () => {
    const review = aReview();
    expect(localizeReview(review, 'zh-CN')).toBe(review);
  });

  it("should give an English user the rules' titles and hints and an indicator's finding in English", () => {
    const review = localizeReview(aReview(), 'en-US');
    const vague = aFinding({
      level1: '产出指标',
      level2: '数量指标',
      indicatorName: '培训人数',
      target: '有所提升',
    });
    const [finding] = localizeReview({ ...aReview(), findings: [vague] }, 'en-US').findings;
    expect(finding).toMatchObject({
      title: 'The target cannot be measured: vague wording, no number',
      message: '“培训人数”: The target “有所提升” has no number or verifiable standard',
    });
    expect(review.rules[0].title).toBe('The target cannot be measured: vague wording, no number');
    // A goal's finding keeps the sentence the API composed; its title is English.
    const goal = review.findings.find((item) => item.ruleId === 'goal-missing-level1');
    expect(goal).toMatchObject({
      message: '目标缺少满意度指标',
      title: 'The goal lacks output, benefit or satisfaction indicators',
    });
  });
});
