import {
  ApartmentOutline,
  ArrowDownOutline,
  ArrowUpOutline,
  AuditOutline,
  BellOutline,
  CheckOutline,
  DeleteOutline,
  EditOutline,
  FileSearchOutline,
  FormOutline,
  HomeOutline,
  ImportOutline,
  KeyOutline,
  LockOutline,
  LogoutOutline,
  MenuFoldOutline,
  MenuUnfoldOutline,
  NotificationOutline,
  PaperClipOutline,
  PlusOutline,
  ProjectOutline,
  ReloadOutline,
  RollbackOutline,
  SaveOutline,
  SearchOutline,
  SendOutline,
  SettingOutline,
  TeamOutline,
  ToolFill,
  UnlockOutline,
  UploadOutline,
  UserOutline,
} from '@ant-design/icons-angular/icons';
import { inject } from '@angular/core';
import { NzIconService } from 'ng-zorro-antd/icon';

/**
 * The icons of the menu, the header and those several signed-in screens share, added by the shell (its lazy
 * chunk carries them) to the app's icon service before it draws. Add a
 * screen's icons here, or to its route's providers when only that screen draws them. nz-result draws a custom
 * nzIcon in the fill theme.
 */
export const SIGNED_IN_ICONS = [
  ApartmentOutline,
  ArrowDownOutline,
  ArrowUpOutline,
  AuditOutline,
  BellOutline,
  CheckOutline,
  DeleteOutline,
  EditOutline,
  FileSearchOutline,
  FormOutline,
  HomeOutline,
  ImportOutline,
  KeyOutline,
  LockOutline,
  LogoutOutline,
  MenuFoldOutline,
  MenuUnfoldOutline,
  NotificationOutline,
  PaperClipOutline,
  PlusOutline,
  ProjectOutline,
  ReloadOutline,
  RollbackOutline,
  SaveOutline,
  SearchOutline,
  SendOutline,
  SettingOutline,
  TeamOutline,
  ToolFill,
  UnlockOutline,
  UploadOutline,
  UserOutline,
];

/**
 * Called by the shell component (layout/shell) in its constructor. Registered with the root icon service, not
 * provided as a patch on the component: an element injector's patch would hide the routes' own patches
 * (provideNzIconsPatch in PROJECTS_ROUTES and others) from the pages inside the shell.
 */
export function registerSignedInIcons(): void {
  inject(NzIconService).addIcon(...SIGNED_IN_ICONS);
}
