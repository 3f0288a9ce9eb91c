import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/auth.decorators';
import { currentActor } from '../../common/context/request-context';
import { AuthService } from './auth.service';
import { LoginDto, RefreshDto, TokenResponse } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({ summary: '登录：连续失败 5 次锁定 15 分钟' })
  @ApiOkResponse({ type: TokenResponse })
  login(@Body() body: LoginDto): Promise<TokenResponse> {
    return this.auth.login(body.username, body.password);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: '刷新令牌（轮换刷新令牌）' })
  @ApiOkResponse({ type: TokenResponse })
  refresh(@Body() body: RefreshDto): Promise<TokenResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出登录（会话立即失效）' })
  logout(): Promise<void> {
    return this.auth.logout();
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户' })
  me() {
    return currentActor();
  }
}
