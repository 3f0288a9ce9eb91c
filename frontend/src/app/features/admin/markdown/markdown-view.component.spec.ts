import { TestBed } from '@angular/core/testing';

import { MarkdownViewComponent } from './markdown-view.component';

describe(MarkdownViewComponent.name, () => {
  async function render(source: string): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(MarkdownViewComponent);
    fixture.componentRef.setInput('source', source);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('should draw headings, lists and tables as elements', async () => {
    const root = await render(
      '# 导入报告\n\n- 一\n- 二\n\n| 表号 | 标题 |\n| --- | --- |\n| 表1 | 收支总表 |',
    );

    expect(root.querySelector('h3')?.textContent?.trim()).toBe('导入报告');
    expect(Array.from(root.querySelectorAll('li')).map((item) => item.textContent?.trim())).toEqual([
      '一',
      '二',
    ]);
    expect(Array.from(root.querySelectorAll('td')).map((cell) => cell.textContent?.trim())).toEqual([
      '表1',
      '收支总表',
    ]);
  });

  it('should show markup in the report as text, never as elements', async () => {
    const root = await render(
      '# <img src=x onerror=alert(1)>\n\n| <script>x</script> |\n| --- |\n| **<b>粗</b>** |',
    );

    expect(root.querySelector('img, script, b')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.querySelector('strong')?.textContent).toBe('<b>粗</b>');
  });
});
