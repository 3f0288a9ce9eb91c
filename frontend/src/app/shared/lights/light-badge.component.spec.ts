import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { provideZhCnLocale } from '../../core/i18n/bundled-locale';
import { someLightCounts } from '../../core/api/testing/department-builders';
import { LightBadgeComponent } from './light-badge.component';
import { LightCountsComponent } from './light-counts.component';
import { compareLights } from './light.models';

describe(LightBadgeComponent.name, () => {
  let fixture: ComponentFixture<LightBadgeComponent>;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideZhCnLocale()] });
    fixture = TestBed.createComponent(LightBadgeComponent);
  });

  async function render(inputs: Record<string, unknown>): Promise<HTMLElement> {
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('should name the light, explain it to screen readers and print the reason', async () => {
    const root = await render({ light: 'yellow', reason: '进度值 75.0 介于 60 与 80 之间（黄灯）' });

    const badge = root.querySelector('.badge') as HTMLElement;
    expect(badge.classList).toContain('light-yellow');
    expect(badge.textContent?.trim()).toBe('黄灯');
    expect(badge.getAttribute('aria-label')).toBe('黄灯：进度值 75.0 介于 60 与 80 之间（黄灯）');
    expect(badge.getAttribute('tabindex')).toBe('0');
    expect(root.querySelector('.print-only')?.textContent).toBe('进度值 75.0 介于 60 与 80 之间（黄灯）');
  });

  it('should draw the dot only when compact, keeping the name for screen readers', async () => {
    const root = await render({ light: 'red', compact: true, reason: '低于 60' });

    expect(root.querySelector('.name')).toBeNull();
    expect(root.querySelector('.badge')?.getAttribute('aria-label')).toBe('红灯：低于 60');
    expect(root.querySelector('.print-only')).toBeNull();
  });

  it('should show the explanation as the tooltip and the printed text, in the light colour of libs/domain lists', async () => {
    const explanation = '进度值 = 220 ÷ (500 × 6/12) × 100 = 88.0；80 ≤ 88.0 < 120 → 绿灯';
    const root = await render({ light: 'green', reason: '进度值 88.0 达到 80（绿灯）', explanation });

    const badge = root.querySelector('.badge') as HTMLElement;
    expect(badge.getAttribute('aria-label')).toBe(`绿灯：${explanation}`);
    expect(badge.style.color).toBe('rgb(82, 196, 26)');
    expect(root.querySelector('.print-only')?.textContent).toBe(explanation);
  });

  it('should name 无法判定 in its own colour, never as grey', async () => {
    const root = await render({ light: 'undetermined', reason: '指标值无法识别' });

    expect(root.querySelector('.badge')?.textContent?.trim()).toBe('无法判定');
    expect((root.querySelector('.badge') as HTMLElement).style.color).toBe('rgb(114, 46, 209)');
  });

  it('should write the reason beneath when asked, as the entry grid does', async () => {
    const root = await render({ light: 'red', reason: '低于 60', showReason: true });

    expect(root.querySelector('.reason:not(.print-only)')?.textContent).toBe('低于 60');
  });

  it('should say 无法判断 while a typed value cannot be read', async () => {
    const root = await render({ light: null, pending: true, reason: '完成值无法识别', showReason: true });

    expect(root.textContent).toContain('无法判断');
    expect(root.textContent).toContain('完成值无法识别');
  });

  it('should say 不监控 without a light', async () => {
    const root = await render({ light: null });

    expect(root.textContent?.trim()).toBe('不监控');
  });
});

describe(LightCountsComponent.name, () => {
  it('should list the count of every light, dimming the zeros', async () => {
    TestBed.configureTestingModule({ providers: [provideZhCnLocale()] });
    const fixture = TestBed.createComponent(LightCountsComponent);
    fixture.componentRef.setInput('counts', someLightCounts({ red: 2, green: 5 }));
    await fixture.whenStable();
    fixture.detectChanges();

    const items = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('[role=listitem]'));
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual([
      '红灯 2 项',
      '黄灯 0 项',
      '绿灯 5 项',
      '蓝灯 0 项',
      '灰灯 0 项',
      '无法判定 0 项',
    ]);
    // Named in words on screen too, never by colour alone.
    expect(items.map((item) => item.querySelector('.short')?.textContent)).toEqual([
      '红',
      '黄',
      '绿',
      '蓝',
      '灰',
      '待定',
    ]);
    expect(items.map((item) => item.classList.contains('zero'))).toEqual([
      false,
      true,
      false,
      true,
      true,
      true,
    ]);
  });
});

describe(compareLights.name, () => {
  it('should sort worst first by libs/domain severity, with no light last', () => {
    const sorted = (['blue', null, 'green', 'grey', 'red', 'undetermined', 'yellow'] as const)
      .slice()
      .sort(compareLights);

    expect(sorted).toEqual(['red', 'yellow', 'undetermined', 'grey', 'green', 'blue', null]);
  });
});
