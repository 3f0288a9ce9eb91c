import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMenuModule } from 'ng-zorro-antd/menu';

import { AuthService } from '../../../../core/auth/auth.service';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { AdminScope } from '../../admin-scope';
import { ADMIN_TABS } from '../../admin-tabs';

/**
 * 管理: a tab bar (the horizontal menu, whose styles the shell already loads) over the tab's own lazy page.
 * Auditors get the read-only tabs.
 */
@Component({
  selector: 'app-admin-layout',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, NzMenuModule, NzIconModule],
  providers: [AdminScope],
  template: `
    <header class="page-header">
      <h2 class="page-title">{{ msg.admin.title }}</h2>
      <p class="page-subtitle">{{ readOnly() ? msg.admin.readOnly : msg.admin.subtitle }}</p>
    </header>
    <nav class="tabs" [attr.aria-label]="msg.admin.tabsLabel">
      <ul nz-menu nzMode="horizontal">
        @for (item of tabs(); track item.path) {
          <li nz-menu-item nzMatchRouter>
            <a
              [routerLink]="item.path"
              routerLinkActive
              #active="routerLinkActive"
              [attr.aria-current]="active.isActive ? 'page' : null"
            >
              <nz-icon [nzType]="item.icon" />
              <span>{{ item.label }}</span>
            </a>
          </li>
        }
      </ul>
    </nav>
    <div class="tab-body">
      <router-outlet />
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .page-header {
      margin-bottom: 12px;
    }
    .page-title {
      margin: 0;
      font-size: 20px;
      font-weight: 600;
    }
    .page-subtitle {
      margin: 4px 0 0;
      color: rgb(0 0 0 / 60%);
    }
    .tabs {
      margin-bottom: 16px;
      border-radius: 8px;
      background: #fff;
      overflow: hidden;
    }
    .tabs .ant-menu-horizontal {
      border-bottom: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminLayoutComponent {
  private readonly auth = inject(AuthService);
  protected readonly msg = inject(MESSAGES);

  protected readonly readOnly = computed(() => this.auth.user()?.role !== 'admin');
  protected readonly tabs = computed(() => {
    const role = this.auth.user()?.role;
    return ADMIN_TABS.filter((item) => role !== undefined && item.roles.includes(role)).map((item) => ({
      path: item.path,
      icon: item.icon,
      label: item.label(this.msg),
    }));
  });
}
