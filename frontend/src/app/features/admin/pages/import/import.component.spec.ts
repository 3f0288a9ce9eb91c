import { HttpEventType } from '@angular/common/http';

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

  it('should upload the file, show the progress and render the import report', async () => {
    admin = await AdminHarness.open('import');
    await choose('031-2025.txt');
    expect(admin.text()).toContain('031-2025.txt');

    await admin.click(admin.root.querySelector('button.start'));
    const request = admin.http.expectOne('/api/imports');
    expect((request.request.body as FormData).get('file')).toBeInstanceOf(File);
    request.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    await admin.settle();
    expect(admin.root.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe('40');

    request.event({ type: HttpEventType.UploadProgress, loaded: 100, total: 100 });
    await admin.settle();
    expect(admin.text()).toContain('已上传，正在解析和导入…');

    request.flush({
      departmentCode: '031',
      year: 2025,
      unchanged: false,
      summary: {},
      markdown:
        '# 导入报告\n\n## 概要\n\n- 识别到 13 张表\n\n| 表号 | 标题 |\n| --- | --- |\n| 表1 | 收支总表 |',
    });
    await admin.settle();

    expect(admin.text()).toContain('导入完成 · 部门 031 · 2025 年度');
    const report = admin.root.querySelector('app-markdown-view') as HTMLElement;
    expect(report.querySelector('h3')?.textContent?.trim()).toBe('导入报告');
    expect(report.querySelector('td')?.textContent?.trim()).toBe('表1');
  });

  it("should show the API's reasons when the import is refused", async () => {
    admin = await AdminHarness.open('import');
    await choose('bad.json');
    await admin.click(admin.root.querySelector('button.start'));

    admin.http.expectOne('/api/imports').flush(
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
});
