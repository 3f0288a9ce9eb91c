import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { getDebugNode } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NgModel } from '@angular/forms';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import type { UserRole } from '../../../core/auth/auth.models';
import { aSessionUser, aTokenResponse, givenStoredSession } from '../../../core/auth/testing/auth-builders';
import { provideZhCnLocale } from '../../../core/i18n/bundled-locale';
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

  /**
   * Opens an ng-zorro select (in the page or a dialog) and picks an option by its label. The selector may name
   * the select or its search input (nzId).
   */
  async pick(selector: string, label: string): Promise<void> {
    const select = pickerOf(selector)?.querySelector('.ant-select-selector');
    if (!select) throw new Error(`no select ${selector}`);
    select.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await this.settle();
    const option = Array.from(document.querySelectorAll<HTMLElement>('.ant-select-item-option')).find(
      (item) => item.textContent?.trim() === label,
    );
    if (!option) throw new Error(`no option ${label} in ${selector}`);
    await this.click(option);
  }

  /** Sets an ng-zorro picker's value as a user's pick would (its NgModel), e.g. a day of nz-date-picker. */
  async choose(selector: string, value: unknown): Promise<void> {
    const element = pickerOf(selector);
    const host = element ? getDebugNode(element) : null;
    if (!host) throw new Error(`no picker ${selector}`);
    host.injector.get(NgModel).viewToModelUpdate(value);
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

/** The ng-zorro picker a selector names, itself or through its inner input (nzId); dialogs included. */
function pickerOf(selector: string): Element | null {
  const element = document.querySelector(selector);
  return element?.closest('nz-select, nz-date-picker, nz-month-picker, nz-range-picker') ?? element;
}

/** Removes dialogs left in the overlay container by a test. */
export function clearOverlays(): void {
  document.querySelectorAll('.cdk-overlay-container').forEach((element) => element.remove());
}
