import { ApiProperty } from '@nestjs/swagger';
import { UI_LOCALES, type UiLocale } from '@jixiao/domain';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @MaxLength(64, { message: 'username：用户名过长' })
  @IsString({ message: 'username：用户名必须是文本' })
  @IsNotEmpty({ message: 'username：请输入用户名' })
  username: string;

  @ApiProperty({ example: 'Jixiao@2025' })
  @MaxLength(128, { message: 'password：密码过长' })
  @IsString({ message: 'password：密码必须是文本' })
  @IsNotEmpty({ message: 'password：请输入密码' })
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @MaxLength(200, { message: 'refreshToken：刷新令牌无效' })
  @IsString({ message: 'refreshToken：刷新令牌必须是文本' })
  @IsNotEmpty({ message: 'refreshToken：缺少刷新令牌' })
  refreshToken: string;
}

export class SessionUser {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ['admin', 'leader', 'lead', 'auditor'] }) role: string;
  @ApiProperty({ nullable: true, type: String }) departmentId: string | null;
  @ApiProperty({
    description: '须先修改密码（管理员设置的初始或重置密码）；修改前其他接口答 403 PASSWORD_CHANGE_REQUIRED',
  })
  mustChangePassword: boolean;
  @ApiProperty({
    enum: UI_LOCALES,
    nullable: true,
    type: String,
    description: '用户选择的界面语言；为空时按浏览器语言',
  })
  locale: UiLocale | null;
}

export class TokenResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ description: '访问令牌有效期（秒）' }) expiresIn: number;
  @ApiProperty({ type: () => SessionUser }) user: SessionUser;
}

/** GET /api/auth/me: the signed-in account as its access token names it. */
export class CurrentUserResponse {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ['admin', 'leader', 'lead', 'auditor'] }) role: string;
  @ApiProperty({ nullable: true, type: String }) departmentId: string | null;
  @ApiProperty() sessionId: string;
  @ApiProperty({ description: '须先修改密码' }) mustChangePassword: boolean;
}

/** PUT /api/auth/me/locale: the signed-in user's interface language (docs/domain.md §9). */
export class ChangeLocaleDto {
  @ApiProperty({ enum: UI_LOCALES })
  @IsIn(UI_LOCALES, { message: `locale：界面语言只能是 ${UI_LOCALES.join('、')}` })
  locale: UiLocale;
}

export class LocaleResponse {
  @ApiProperty({ enum: UI_LOCALES }) locale: UiLocale;
}
