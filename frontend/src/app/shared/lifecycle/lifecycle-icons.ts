import { CheckOutline, EditOutline, RollbackOutline, SendOutline } from '@ant-design/icons-angular/icons';

/** The icons the tree lifecycle's buttons draw; the pages that show it add them to their lazy chunk. */
export const LIFECYCLE_ICONS = [CheckOutline, EditOutline, RollbackOutline, SendOutline];
