import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import type { UserRole } from '../../../core/auth/auth.models';
import { aSessionUser, aTokenResponse, givenStoredSession } from '../../../core/auth/testing/auth-builders';
import { provideZhCnLocale } from '../../../core/i18n/provide-locale';
import { provideAppIcons } from '../../../core/icons/provide-app-icons';
import type { Department } from '../admin.api';
import { ADMIN_ROUTES } from '../routes';
import { aDepartment } from './admin-builders';

// Each admin spec's first test compiles the lazy layout and tab; on a busy machine that alone nears five seconds.
jest.setTimeout(20_000);

/** An admin tab opened inside the admin layout, as a signed-in user of the given role. */
export class AdminHarness {
  private constructor(
    readonly harness: RouterTestingHarness,
    readonly http: HttpTestingController,
  ) {}

  static configure(): void {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'admin', children: ADMIN_ROUTES }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
      ],
    });
  }

  /** Opens /admin/<tab> and answers the departments when the tab asks for them. */
  static async open(
    tab: string,
    role: UserRole = 'admin',
    departments: Department[] = [aDepartment()],
  ): Promise<AdminHarness> {
    givenStoredSession(aTokenResponse({ user: aSessionUser({ role }) }));
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/admin/${tab}`);
    const admin = new AdminHarness(harness, TestBed.inject(HttpTestingController));
    await admin.settle();
    // Only the tabs that work on a department-year ask for the departments.
    admin.http.match('/api/departments').forEach((request) => request.flush(departments));
    await admin.settle();
    return admin;
  }

  async settle(): Promise<void> {
    await this.harness.fixture.whenStable();
    this.harness.detectChanges();
    await this.harness.fixture.whenStable();
    this.harness.detectChanges();
  }

  get root(): HTMLElement {
    return this.harness.fixture.nativeElement as HTMLElement;
  }

  text(): string {
    return this.root.textContent?.replace(/\s+/g, ' ') ?? '';
  }

  /** Dialogs render in the overlay container, outside the page. */
  dialog(): HTMLElement | null {
    return document.querySelector('.ant-modal');
  }

  async type(selector: string, value: string): Promise<void> {
    const element = document.querySelector<HTMLInputElement>(selector);
    if (!element) throw new Error(`no field ${selector}`);
    element.value = value;
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
    await this.settle();
  }

  async click(element: Element | null | undefined): Promise<void> {
    if (!element) throw new Error('nothing to click');
    (element as HTMLElement).click();
    await this.settle();
  }

  /** A button of the open dialog by its text (ng-zorro spaces two-character labels). */
  dialogButton(text: string): HTMLButtonElement | undefined {
    return Array.from(this.dialog()?.querySelectorAll('button') ?? []).find(
      (button) => button.textContent?.replace(/\s+/g, '') === text,
    );
  }
}

/** Removes dialogs left in the overlay container by a test. */
export function clearOverlays(): void {
  document.querySelectorAll('.cdk-overlay-container').forEach((element) => element.remove());
}
