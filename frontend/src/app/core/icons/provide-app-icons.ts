import { type EnvironmentProviders } from '@angular/core';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { FIRST_PAGE_ICONS } from './first-page-icons';
import { SIGNED_IN_ICONS } from './signed-in-icons';

/**
 * Every icon of the first page and of the shell, registered at once: for tests that render a screen outside
 * the app's routes (the app itself registers them in two steps, see first-page-icons.ts).
 */
export function provideAppIcons(): EnvironmentProviders {
  return provideNzIcons([...FIRST_PAGE_ICONS, ...SIGNED_IN_ICONS]);
}
