import { type EnvironmentProviders } from '@angular/core';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { SIGNED_IN_ICONS } from './signed-in-icons';

/**
 * Every icon of the shell, registered at once: for tests that render a screen outside the app's routes (the app
 * registers them when the shell starts, see signed-in-icons.ts).
 */
export function provideAppIcons(): EnvironmentProviders {
  return provideNzIcons(SIGNED_IN_ICONS);
}
