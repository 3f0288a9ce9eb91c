import { Controller, Get } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/auth.decorators';
import type { AppConfig } from '../../config/app.config';

export class AppInfoResponse {
  @ApiProperty({ description: '演示环境（npm run demo）：页面标注“演示数据”' })
  demo: boolean;
}

/** What the frontend needs to know about this installation before anyone signs in. */
@ApiTags('health')
@Public()
@Controller('app-info')
export class AppInfoController {
  constructor(private readonly config: ConfigService) {}

  @Get()
  @ApiOperation({ summary: '安装信息（是否为演示环境）' })
  @ApiOkResponse({ type: AppInfoResponse })
  info(): AppInfoResponse {
    return { demo: this.config.getOrThrow<AppConfig>('app').demo };
  }
}
