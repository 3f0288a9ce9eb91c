import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { NzMessageService } from 'ng-zorro-antd/message';
import { combineLatest, map, switchMap } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { apiErrorMessage } from '../../../../shared/http/api-error';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { LightBadgeComponent } from '../../../../shared/lights/light-badge.component';
import { PageHeaderComponent } from '../../../../shared/page-header/page-header.component';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { LOADING, type LoadState, toLoadState } from '../../../../shared/state/load-state';
import { type Digest, NotificationsApi } from '../../notifications.api';

/**
 * 领导月度摘要: a department's month for its leadership — flagged indicators, those projected to miss at year end
 * (with how), overdue reports and budget execution — laid out to be printed; the admin can mail it to the
 * department's leaders.
 */
@Component({
  selector: 'app-digest',
  imports: [SHARED_IMPORTS, PageHeaderComponent, LightBadgeComponent],
  templateUrl: './digest.component.html',
  styleUrl: './digest.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DigestComponent {
  private readonly api = inject(NotificationsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly auth = inject(AuthService);
  protected readonly msg = inject(MESSAGES);

  private readonly params = toSignal(
    this.route.paramMap.pipe(
      map((params) => ({ code: params.get('code') ?? '', period: params.get('period') ?? '' })),
    ),
    { requireSync: true },
  );
  private readonly attempt = signal(0);
  protected readonly state = toSignal(
    combineLatest([toObservable(this.params), toObservable(this.attempt)]).pipe(
      switchMap(([{ code, period }]) => toLoadState(this.api.digest(code, period))),
    ),
    { initialValue: LOADING as LoadState<Digest> },
  );
  protected readonly digest = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.value : null;
  });
  protected readonly error = computed(() => {
    const state = this.state();
    return state.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });
  protected readonly red = computed(
    () => this.digest()?.flagged.filter((row) => row.light === 'red').length ?? 0,
  );
  protected readonly canSend = computed(() => this.auth.user()?.role === 'admin');
  protected readonly sending = signal(false);

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  protected send(): void {
    const { code, period } = this.params();
    this.sending.set(true);
    this.api
      .sendDigest(code, period)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ recipients }) => {
          this.sending.set(false);
          const count = (status: string) => recipients.filter((r) => r.status === status).length;
          this.message.success(
            this.msg.notifications.digest.sent(count('queued'), count('already-queued'), count('no-email')),
          );
        },
        // The API error interceptor has told the user why.
        error: () => this.sending.set(false),
      });
  }
}
