import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { MESSAGES } from '../../shared/i18n/messages';
import { NAV_ITEMS } from './nav-items';

/**
 * The frame around every screen: sider menu, header, content outlet. It is eager, so it imports only the
 * ng-zorro modules it draws instead of SHARED_IMPORTS.
 */
@Component({
  selector: 'app-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    NzLayoutModule,
    NzMenuModule,
    NzIconModule,
    NzTooltipModule,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  protected readonly msg = inject(MESSAGES);
  protected readonly navItems = NAV_ITEMS.map((item) => ({
    path: `/${item.path}`,
    icon: item.icon,
    label: item.label(this.msg),
  }));
  protected readonly collapsed = signal(false);

  protected toggleCollapsed(): void {
    this.collapsed.update((collapsed) => !collapsed);
  }
}
