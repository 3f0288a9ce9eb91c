import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { provideZhCnLocale } from '../../core/i18n/bundled-locale';
import { ProjectionProposalComponent } from './projection-proposal.component';
import { ProjectionComponent } from './projection.component';
import type { Projection, ProjectionProposal } from './projection.models';

const EXPLANATION =
  '按近3月（4–6月）平均增量 5/月 推算：110 + 5 × 6 = 140，年末约 140（区间 140–220）；目标 ≥200人，预计黄灯';

function aProjection(overrides: Partial<Projection> = {}): Projection {
  return {
    value: 140,
    low: 140,
    high: 220,
    method: 'trend',
    light: 'yellow',
    likelihood: '有可能',
    proposedForecast: '140人',
    explanation: EXPLANATION,
    ...overrides,
  };
}

describe(ProjectionComponent.name, () => {
  let fixture: ComponentFixture<ProjectionComponent>;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideZhCnLocale()] });
    fixture = TestBed.createComponent(ProjectionComponent);
  });

  async function render(inputs: Record<string, unknown>): Promise<HTMLElement> {
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('should show the projected light, value, range and method, and open the explanation on request', async () => {
    const root = await render({ projection: aProjection(), unit: '人', name: '举报投诉案件受理数量' });

    expect(root.querySelector('.badge')?.textContent?.trim()).toBe('黄灯');
    expect(root.querySelector('.value')?.textContent?.trim()).toBe('预计年末 140人');
    expect(root.querySelector('.meta')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '区间 140–220 · 按近期趋势',
    );
    const explanation = root.querySelector('p.explanation') as HTMLElement;
    const toggle = root.querySelector('button[data-action="projection-explanation"]') as HTMLButtonElement;
    expect(explanation.hidden).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    toggle.click();
    fixture.detectChanges();

    expect(explanation.hidden).toBe(false);
    expect(explanation.textContent?.trim()).toBe(EXPLANATION);
    expect(explanation.getAttribute('aria-label')).toBe('举报投诉案件受理数量的年末推算过程');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent?.trim()).toBe('收起推算过程');
  });

  it('should say so when no numeric projection applies (定性, deadlines, nothing reported)', async () => {
    const root = await render({ projection: null });

    expect(root.textContent?.trim()).toBe('不作数值预测');
    expect(root.querySelector('button')).toBeNull();
  });
});

@Component({
  imports: [ProjectionProposalComponent],
  template: `<app-projection-proposal
    [projection]="projection()"
    [disabled]="disabled()"
    name="指标甲"
    (accepted)="accepted.push($event)"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ProposalHost {
  readonly projection = signal<Projection | null>(aProjection());
  readonly disabled = signal(false);
  readonly accepted: ProjectionProposal[] = [];
}

describe(ProjectionProposalComponent.name, () => {
  let fixture: ComponentFixture<ProposalHost>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideZhCnLocale()] });
    fixture = TestBed.createComponent(ProposalHost);
    await fixture.whenStable();
    fixture.detectChanges();
  });

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const accept = (): HTMLButtonElement | null =>
    root().querySelector('button[data-action="accept-projection"]');

  it('should propose the projected 全年预计 and 完成可能性 and hand them over when the lead accepts', () => {
    expect(root().querySelector('.proposal')?.textContent?.trim()).toBe('建议：140人 · 有可能');
    expect(accept()?.getAttribute('aria-label')).toBe('采用年末预测建议的全年预计与完成可能性：指标甲');

    accept()?.click();

    expect(fixture.componentInstance.accepted).toEqual([{ forecast: '140人', likelihood: '有可能' }]);
  });

  it('should offer nothing without a projection, and no accepting in a read-only grid', async () => {
    fixture.componentInstance.disabled.set(true);
    fixture.detectChanges();
    expect(accept()?.disabled).toBe(true);

    fixture.componentInstance.projection.set(null);
    fixture.detectChanges();
    expect(root().textContent?.trim()).toBe('');
  });
});
