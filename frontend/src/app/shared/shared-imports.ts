import { DecimalPipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

/**
 * What feature pages import: the ng-zorro modules the app uses plus the few Angular pieces every page
 * needs. Pages are lazy, so these land in a lazy chunk; the eager shell imports its own few modules
 * directly to keep the initial bundle small. When adding a module here, add its compiled style to
 * angular.json as well.
 */
export const SHARED_IMPORTS = [
  DecimalPipe,
  FormsModule,
  RouterLink,
  NzButtonModule,
  NzEmptyModule,
  NzIconModule,
  NzResultModule,
  NzSelectModule,
  NzSpinModule,
  NzTableModule,
  NzTooltipModule,
] as const;
