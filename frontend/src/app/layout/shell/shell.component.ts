import { DOCUMENT, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { AuthService } from '../../core/auth/auth.service';
import { applyNzLocale } from '../../core/i18n/nz-locale';
import { registerSignedInIcons } from '../../core/icons/signed-in-icons';
import { LOGIN_PATH } from '../../core/auth/login-url';
import { NotificationsButtonComponent } from '../../features/notifications/notifications-button.component';
import { RemindersButtonComponent } from '../../features/reminders/reminders-button.component';
import { MESSAGES } from '../../shared/i18n/messages';
import { LocaleSwitchComponent } from '../../shared/locale-switch/locale-switch.component';
import { NAV_ITEMS } from './nav-items';
import { addSignedInStyles } from './signed-in-styles';

/** Phones: the menu is a drawer opened from the header instead of a sider taking a fifth of the width. */
export const PHONE_QUERY = '(max-width: 767px)';

/**
 * The frame around every screen: sider menu (a drawer on phones), header with the signed-in user, content
 * outlet. It is eager, so it imports only the ng-zorro modules it draws instead of SHARED_IMPORTS.
 */
@Component({
  selector: 'app-shell',
  imports: [
    NgTemplateOutlet,
    NzDrawerModule,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    NzLayoutModule,
    NzMenuModule,
    NzIconModule,
    NzTooltipModule,
    RemindersButtonComponent,
    NotificationsButtonComponent,
    LocaleSwitchComponent,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly msg = inject(MESSAGES);
  protected readonly collapsed = signal(false);
  protected readonly user = this.auth.user;
  /** The menu entries of the signed-in user's role. */
  protected readonly navItems = computed(() => {
    const role = this.user()?.role;
    return NAV_ITEMS.filter((item) => !item.roles || (role !== undefined && item.roles.includes(role))).map(
      (item) => ({ path: `/${item.path}`, icon: item.icon, label: item.label(this.msg) }),
    );
  });
  protected readonly roleLabel = computed(() => {
    const role = this.user()?.role;
    return role ? (this.msg.roles[role] ?? role) : '';
  });
  protected readonly loggingOut = signal(false);

  private readonly phoneQuery = inject(DOCUMENT).defaultView?.matchMedia?.(PHONE_QUERY);
  protected readonly phone = signal(this.phoneQuery?.matches ?? false);
  protected readonly drawerOpen = signal(false);
  /** Whether the menu shows its labels: the open drawer on phones, the expanded sider elsewhere. */
  protected readonly menuShown = computed(() => (this.phone() ? this.drawerOpen() : !this.collapsed()));

  constructor() {
    // Before the first render: the shell and its pages are drawn with their stylesheet in place.
    addSignedInStyles(inject(DOCUMENT));
    registerSignedInIcons();
    applyNzLocale();
    const query = this.phoneQuery;
    if (query) {
      const change = (event: MediaQueryListEvent): void => {
        this.phone.set(event.matches);
        this.drawerOpen.set(false);
      };
      query.addEventListener?.('change', change);
      inject(DestroyRef).onDestroy(() => query.removeEventListener?.('change', change));
    }
    // A menu entry chosen in the drawer leaves the drawer behind.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.drawerOpen.set(false));
  }

  protected toggleCollapsed(): void {
    if (this.phone()) {
      this.drawerOpen.update((open) => !open);
    } else {
      this.collapsed.update((collapsed) => !collapsed);
    }
  }

  protected logout(): void {
    this.loggingOut.set(true);
    // logout() never fails: the local session ends even when the server cannot be told.
    this.auth.logout().subscribe({
      complete: () => {
        this.loggingOut.set(false);
        void this.router.navigateByUrl(LOGIN_PATH);
      },
    });
  }
}
