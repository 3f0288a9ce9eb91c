import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input } from '@angular/core';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';

/**
 * An ECharts chart (ngx-echarts), drawn as SVG so it prints sharply. The route that shows it provides the echarts
 * core lazily (`provideEchartsCore` with a dynamic import), so echarts never reaches the initial bundle. The label
 * says in words what the chart shows, for screen readers. Printing redraws the chart at the paper's width.
 */
@Component({
  selector: 'app-chart',
  imports: [NgxEchartsDirective],
  template: `
    <div
      echarts
      class="chart"
      role="img"
      [attr.aria-label]="label()"
      [style.height.px]="height()"
      [options]="options()"
      [initOpts]="initOpts"
      [autoResize]="true"
      (chartInit)="chart = $event"
    ></div>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .chart {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartComponent {
  readonly options = input.required<EChartsCoreOption>();
  readonly label = input.required<string>();
  readonly height = input(280);

  protected readonly initOpts = { renderer: 'svg' };
  protected chart: ECharts | null = null;

  constructor() {
    const view = inject(DOCUMENT).defaultView;
    // The print layout has another width; the resize observer does not see it in time, so redraw at once.
    const resize = (): void => {
      if (this.chart && !this.chart.isDisposed()) this.chart.resize({ animation: { duration: 0 } });
    };
    const print = view?.matchMedia?.('print');
    print?.addEventListener?.('change', resize);
    view?.addEventListener('beforeprint', resize);
    view?.addEventListener('afterprint', resize);
    inject(DestroyRef).onDestroy(() => {
      print?.removeEventListener?.('change', resize);
      view?.removeEventListener('beforeprint', resize);
      view?.removeEventListener('afterprint', resize);
    });
  }
}
