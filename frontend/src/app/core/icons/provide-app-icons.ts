import {
  ApartmentOutline,
  AuditOutline,
  BellOutline,
  CheckOutline,
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
import { type EnvironmentProviders } from '@angular/core';
import { provideNzIcons } from 'ng-zorro-antd/icon';

/**
 * Icons are registered statically, so none is fetched at run time. ng-zorro registers the ones its own
 * components use; add a screen's icons here (nz-result draws a custom nzIcon in the fill theme).
 */
export function provideAppIcons(): EnvironmentProviders {
  return provideNzIcons([
    ApartmentOutline,
    AuditOutline,
    BellOutline,
    CheckOutline,
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
  ]);
}
