import { HttpEventType } from '@angular/common/http';
import type { ImportDiff } from '@jixiao/domain';

import { AdminHarness, clearOverlays } from '../../testing/admin-harness';

describe('ImportComponent', () => {
  let admin: AdminHarness;

  beforeEach(() => AdminHarness.configure());
  afterEach(() => {
    admin.http.verify();
    clearOverlays();
  });

  async function choose(name: string): Promise<void> {
    const input = admin.root.querySelector('input[type=file]') as HTMLInputElement;
    Object.defineProperty(input, 'files', {
      value: [new File(['表1 收支总表'], name, { type: 'text/plain' })],
      configurable: true,
    });
    input.dispatchEvent(new Event('change'));
    await admin.settle();
  }

  const counts = (created: number, updated = 0, archived = 0, restored = 0) => ({
    created,
    updated,
    archived,
    restored,
  });
  const summary = (diff: Partial<ImportDiff>) => ({
    projects: counts(0, 0, diff.archived?.length ?? 0, diff.restored?.length ?? 0),
    goals: counts(0),
    indicators: counts(diff.created?.length ?? 0, diff.updated?.length ?? 0),
    budgetLines: 120,
    diff: { created: [], updated: [], archived: [], restored: [], ...diff },
  });
  const archivedProject = {
    kind: 'project',
    id: 'p-weiquan',
    project: '人社局劳动维权工作经费',
    goal: null,
    name: '人社局劳动维权工作经费',
    reports: 6,
    evidenceFiles: 1,
    selfEvaluationItems: 3,
    budgetExecutions: 1,
    assignments: 1,
  };
  const noFindings = { counts: { error: 0, warning: 0, info: 0, total: 0 }, findings: [] };
  const vague = {
    location: { table: '表12', project: '(9) 信息化建设', part: '长期目标 1', row: '保障业务正常开展' },
    ruleId: 'vague-target',
    severity: 'error',
    title: '指标值不可衡量：用语模糊、没有数值',
    message: '「保障业务正常开展」：指标值「保障」没有数值或可核验的标准',
  };
  const result = (preview: boolean, diff: Partial<ImportDiff>, targetReview: object = noFindings) => ({
    departmentCode: '031',
    departmentName: '武汉市东西湖区人力资源和社会保障局',
    year: 2025,
    preview,
    unchanged: false,
    summary: summary(diff),
    targetReview,
    markdown: '## 载入结果\n\n- 项目：新增 0，更新 0，归档 1，恢复 0',
  });

  async function preview(diff: Partial<ImportDiff>, targetReview?: object): Promise<void> {
    await choose('031-2025.json');
    await admin.click(admin.root.querySelector('button.start'));
    admin.http.expectOne('/api/imports?mode=preview').flush(result(true, diff, targetReview));
    await admin.settle();
  }

  const cells = (row: Element) => Array.from(row.querySelectorAll('td')).map((td) => td.textContent?.trim());

  it('should preview first and show each change with the counts of what an archived row carries', async () => {
    admin = await AdminHarness.open('import');
    await preview({
      archived: [archivedProject as ImportDiff['archived'][number]],
      created: [{ kind: 'indicator', id: 'i-new', project: '党建', goal: '年度绩效目标 1', name: '新指标' }],
    });

    expect(admin.text()).toContain('导入预览（尚未写入）');
    expect(admin.text()).toContain('项目：新增 0，更新 0，归档 1，恢复 0');
    const rows = Array.from(admin.root.querySelectorAll('table.diff tbody tr'));
    expect(rows.map(cells)).toEqual([
      ['归档', '项目', '人社局劳动维权工作经费', '', '人社局劳动维权工作经费', '6', '1', '3', '1', '1'],
      ['新增', '三级指标', '党建', '年度绩效目标 1', '新指标', '', '', '', '', ''],
    ]);
    expect(admin.text()).toContain('含有已填报的监控数据');
  });

  it('should list the target-quality findings of the preview with the year’s rule settings', async () => {
    admin = await AdminHarness.open('import');
    await preview(
      {},
      {
        counts: { error: 1, warning: 0, info: 0, total: 1 },
        findings: [vague],
        switched: [
          { ruleId: 'missing-operator', title: '定量指标值未写比较符', enabled: false, reason: '按省里口径' },
        ],
      },
    );

    const review = admin.root.querySelector('app-import-review') as HTMLElement;
    expect(review.textContent).toContain('错误 1 项，警告 0 项，提示 0 项');
    expect(review.textContent).toContain(
      '按本部门本年度的规则设置：停用“定量指标值未写比较符”（按省里口径）',
    );
    const rows = Array.from(review.querySelectorAll('tbody tr'));
    expect(rows.map(cells)).toEqual([
      ['错误', '表12 · (9) 信息化建设 · 长期目标 1 · 保障业务正常开展', vague.message],
    ]);
  });

  it('should list the first findings and send the rest to the review tab', async () => {
    admin = await AdminHarness.open('import');
    const findings = Array.from({ length: 53 }, () => vague);
    await preview({}, { counts: { error: 53, warning: 0, info: 0, total: 53 }, findings });

    const review = admin.root.querySelector('app-import-review') as HTMLElement;
    expect(review.querySelectorAll('tbody tr')).toHaveLength(50);
    expect(review.textContent).toContain('按默认启用的规则');
    const more = review.querySelector('a') as HTMLAnchorElement;
    expect(more.textContent?.trim()).toBe('另有 3 项，请在“目标质量审查”中查看');
    expect(more.getAttribute('href')).toBe('/admin/target-review');
  });

  it('should apply with confirmArchive=true only after the admin confirms the archive', async () => {
    admin = await AdminHarness.open('import');
    await preview({ archived: [archivedProject as ImportDiff['archived'][number]] });
    const apply = admin.root.querySelector('button.apply') as HTMLButtonElement;
    expect(apply.textContent?.trim()).toBe('确认归档并导入');
    admin.http.expectNone(() => true);

    await admin.click(apply);
    admin.http.expectOne('/api/imports?confirmArchive=true').flush(result(false, { archived: [] }));
    await admin.settle();
    expect(admin.text()).toContain('导入完成 · 武汉市东西湖区人力资源和社会保障局 · 2025 年度');
    expect(admin.root.querySelector('app-markdown-view')).not.toBeNull();
  });

  it('should apply without confirmArchive when nothing archived carries monitoring data', async () => {
    admin = await AdminHarness.open('import');
    await preview({
      archived: [
        {
          ...archivedProject,
          reports: 0,
          evidenceFiles: 0,
          selfEvaluationItems: 0,
          budgetExecutions: 0,
          assignments: 0,
        } as ImportDiff['archived'][number],
      ],
    });
    const apply = admin.root.querySelector('button.apply') as HTMLButtonElement;
    expect(apply.textContent?.trim()).toBe('确认导入');
    await admin.click(apply);
    admin.http.expectOne('/api/imports').flush(result(false, {}));
    await admin.settle();
    expect(admin.text()).toContain('导入完成');
  });

  it('should show the new diff and ask again when the apply answers 409 IMPORT_NEEDS_CONFIRMATION', async () => {
    admin = await AdminHarness.open('import');
    await preview({});
    expect(admin.text()).toContain('没有项目、目标或指标的变化');
    await admin.click(admin.root.querySelector('button.apply'));
    const changed = summary({ archived: [archivedProject as ImportDiff['archived'][number]] });
    admin.http.expectOne('/api/imports').flush(
      {
        statusCode: 409,
        code: 'IMPORT_NEEDS_CONFIRMATION',
        message: '导入将归档含有监控数据的项目、目标或指标',
        details: { diff: changed.diff, summary: changed },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await admin.settle();

    expect(admin.text()).toContain('数据在预览后发生了变化');
    expect(cells(admin.root.querySelector('table.diff tbody tr') as Element)[0]).toBe('归档');
    expect(admin.root.querySelector('button.apply')?.textContent?.trim()).toBe('确认归档并导入');
    await admin.click(admin.root.querySelector('button.apply'));
    admin.http.expectOne('/api/imports?confirmArchive=true').flush(result(false, {}));
    await admin.settle();
    expect(admin.text()).toContain('导入完成');
  });

  it('should upload the file, show the progress and render the import report', async () => {
    admin = await AdminHarness.open('import');
    await choose('031-2025.txt');
    expect(admin.text()).toContain('031-2025.txt');

    await admin.click(admin.root.querySelector('button.start'));
    const request = admin.http.expectOne('/api/imports?mode=preview');
    expect((request.request.body as FormData).get('file')).toBeInstanceOf(File);
    request.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    await admin.settle();
    expect(admin.root.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe('40');

    request.event({ type: HttpEventType.UploadProgress, loaded: 100, total: 100 });
    await admin.settle();
    expect(admin.text()).toContain('已上传，正在解析和导入…');

    // Nothing changes (the same document again): the preview is the whole answer.
    request.flush({
      departmentCode: '031',
      departmentName: '武汉市东西湖区人力资源和社会保障局',
      year: 2025,
      preview: true,
      unchanged: true,
      summary: null,
      targetReview: noFindings,
      markdown:
        '# 导入报告\n\n## 概要\n\n- 识别到 13 张表\n\n| 表号 | 标题 |\n| --- | --- |\n| 表1 | 收支总表 |',
    });
    await admin.settle();

    expect(admin.text()).toContain('导入完成 · 武汉市东西湖区人力资源和社会保障局 · 2025 年度');
    const report = admin.root.querySelector('app-markdown-view') as HTMLElement;
    expect(report.querySelector('h3')?.textContent?.trim()).toBe('导入报告');
    expect(report.querySelector('td')?.textContent?.trim()).toBe('表1');
  });

  it("should show the API's reasons when the import is refused", async () => {
    admin = await AdminHarness.open('import');
    await choose('bad.json');
    await admin.click(admin.root.querySelector('button.start'));

    admin.http.expectOne('/api/imports?mode=preview').flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '文件不是有效的 JSON',
        errors: { file: 'file：JSON 格式错误，无法读取' },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await admin.settle();

    expect(admin.text()).toContain('导入失败');
    expect(admin.text()).toContain('文件不是有效的 JSON');
    expect(admin.text()).toContain('JSON 格式错误，无法读取');
  });

  it("should say a refused workbook's reason once, not again as its field message", async () => {
    admin = await AdminHarness.open('import');
    await choose('notes.xlsx');
    await admin.click(admin.root.querySelector('button.start'));

    const reason = '无法识别的 Excel 文件：应为本系统导出的绩效目标表';
    admin.http
      .expectOne('/api/imports?mode=preview')
      .flush(
        { statusCode: 400, code: 'VALIDATION_FAILED', message: reason, errors: { file: `file：${reason}` } },
        { status: 400, statusText: 'Bad Request' },
      );
    await admin.settle();

    expect(admin.text().split(reason)).toHaveLength(2);
    expect(admin.root.querySelector('ul.details')).toBeNull();
  });

  it('should offer Excel workbooks in the file picker', async () => {
    admin = await AdminHarness.open('import');
    expect(admin.root.querySelector('input[type=file]')?.getAttribute('accept')).toContain('.xlsx');
  });
});
