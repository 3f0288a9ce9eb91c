import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { provideZhCnLocale } from '../../core/i18n/bundled-locale';
import { LIGHT_COLORS } from '../lights/light.models';
import type { HistoryPoint } from './goal.models';
import { SparklineComponent } from './sparkline.component';
import { aHistoryPoint } from './testing/goal-builders';

describe(SparklineComponent.name, () => {
  let fixture: ComponentFixture<SparklineComponent>;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideZhCnLocale()] });
    fixture = TestBed.createComponent(SparklineComponent);
  });

  async function render(points: HistoryPoint[]): Promise<SVGElement | null> {
    fixture.componentRef.setInput('points', points);
    await fixture.whenStable();
    fixture.detectChanges();
    return (fixture.nativeElement as HTMLElement).querySelector('svg');
  }

  it('should draw a dot per month in its light and a line through the months with a value', async () => {
    const svg = await render([
      aHistoryPoint({ period: '2025-01', actualRaw: '1场', actualValue: 1, light: 'red' }),
      aHistoryPoint({ period: '2025-02' }),
      aHistoryPoint({ period: '2025-03', actualRaw: '3场', actualValue: 3, light: 'green' }),
    ]);

    const dots = Array.from(svg?.querySelectorAll('circle') ?? []);
    expect(dots.map((dot) => [dot.getAttribute('stroke'), dot.getAttribute('fill')])).toEqual([
      [LIGHT_COLORS.red, LIGHT_COLORS.red],
      [LIGHT_COLORS.grey, '#fff'],
      [LIGHT_COLORS.green, LIGHT_COLORS.green],
    ]);
    // The highest value is at the top, the missing month on the baseline.
    expect(dots.map((dot) => Number(dot.getAttribute('cy')))).toEqual(
      [17.3333, 24, 4].map((y) => expect.closeTo(y, 3)),
    );
    expect(svg?.querySelector('polyline')?.getAttribute('points')).toBe('4.0,17.3 20.0,4.0');
    expect(svg?.getAttribute('aria-label')).toBe(
      '月度走势：1 月 1场（红灯）；2 月 未填报（灰灯）；3 月 3场（绿灯）',
    );
  });

  it('should draw dots only for a qualitative indicator', async () => {
    const svg = await render([
      aHistoryPoint({ period: '2025-01', actualRaw: '达成', light: 'green' }),
      aHistoryPoint({ period: '2025-02', actualRaw: '部分达成', light: 'yellow' }),
    ]);

    expect(svg?.querySelectorAll('circle')).toHaveLength(2);
    expect(svg?.querySelector('polyline')).toBeNull();
  });

  it('should show a dash without months', async () => {
    expect(await render([])).toBeNull();
    expect((fixture.nativeElement as HTMLElement).textContent?.trim()).toBe('—');
  });
});
