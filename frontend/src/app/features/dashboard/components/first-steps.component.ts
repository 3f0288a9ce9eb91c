import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { AuthService } from '../../../core/auth/auth.service';
import { MESSAGES } from '../../../shared/i18n/messages';

/**
 * The admin's first steps on a department without any report yet (a new installation): import the budget,
 * assign the project leads, open the first month; each links to its 管理 page. Nobody else sees it.
 */
@Component({
  selector: 'app-first-steps',
  imports: [RouterLink],
  template: `
    @if (visible()) {
      <section class="first-steps" aria-labelledby="first-steps-title">
        <h3 id="first-steps-title">{{ msg.dashboard.firstSteps.title }}</h3>
        <p class="description">{{ msg.dashboard.firstSteps.description }}</p>
        <ol>
          @for (step of steps(); track step.link) {
            <li>
              <a [routerLink]="step.link">{{ step.title }}</a>
              <span class="text">{{ step.text }}</span>
            </li>
          }
        </ol>
      </section>
    }
  `,
  styles: `
    .first-steps {
      margin-bottom: 16px;
      padding: 16px 20px;
      background: #e6f4ff;
      border: 1px solid #91caff;
      border-radius: 8px;
    }
    h3 {
      margin: 0 0 4px;
      font-size: 16px;
    }
    .description {
      margin: 0 0 8px;
      color: rgba(0, 0, 0, 0.65);
    }
    ol {
      margin: 0;
      padding-left: 20px;
    }
    li {
      line-height: 28px;
    }
    a {
      font-weight: 600;
      margin-right: 12px;
    }
    .text {
      color: rgba(0, 0, 0, 0.65);
    }
    @media print {
      .first-steps {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FirstStepsComponent {
  private readonly auth = inject(AuthService);
  protected readonly msg = inject(MESSAGES);

  /** The department-year's latest month with reports: null = none yet; undefined = not known (city view). */
  readonly latestReportedPeriod = input<string | null | undefined>(undefined);

  protected readonly visible = computed(
    () => this.latestReportedPeriod() === null && this.auth.user()?.role === 'admin',
  );

  protected readonly steps = computed(() => {
    const m = this.msg.dashboard.firstSteps;
    return [
      { link: '/admin/import', ...m.import },
      { link: '/admin/assignments', ...m.assign },
      { link: '/admin/periods', ...m.open },
    ];
  });
}
