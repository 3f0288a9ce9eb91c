import { Body, Controller, Get, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowPendingPasswordChange, Public } from '../../common/auth/auth.decorators';
import { currentActor } from '../../common/context/request-context';
import { AuthService } from './auth.service';
import { CurrentUserResponse, LoginDto, RefreshDto, TokenResponse } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({
    summary: '登录：连续失败 5 次后每次失败推迟下次尝试（1 分钟起倍增，最长 15 分钟）；所有失败答同一 401',
  })
  @ApiOkResponse({ type: TokenResponse })
  login(@Body() body: LoginDto, @Ip() address: string): Promise<TokenResponse> {
    return this.auth.login(body.username, body.password, address);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: '刷新令牌（轮换刷新令牌；已轮换的令牌再次出现则结束整个会话）' })
  @ApiOkResponse({ type: TokenResponse })
  refresh(@Body() body: RefreshDto): Promise<TokenResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @AllowPendingPasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出登录（会话立即失效）' })
  logout(): Promise<void> {
    return this.auth.logout();
  }

  @Get('me')
  @AllowPendingPasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户' })
  @ApiOkResponse({ type: CurrentUserResponse })
  me() {
    return currentActor();
  }
}
