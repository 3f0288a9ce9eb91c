import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { DemoBannerComponent } from './layout/demo-banner/demo-banner.component';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, DemoBannerComponent],
  template: '<app-demo-banner /><router-outlet />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppComponent {}
