import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { DigestService } from './digest.service';
import { DigestResponse, DigestSendResponse } from './dto/digest.response';
import { NotificationListResponse, NotificationResponse, ReadAllResponse } from './dto/notification.response';
import { DigestParams, NotificationIdParams } from './dto/notification.params';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly digests: DigestService,
  ) {}

  @Get('notifications')
  @ApiOperation({
    summary: '我的通知：被退回（附原因）、已逾期、即将到期的填报，部门领导的月度预警；含未读数',
  })
  @ApiOkResponse({ type: NotificationListResponse })
  list(): Promise<NotificationListResponse> {
    return this.notifications.list();
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '将我的全部未读通知标为已读' })
  @ApiOkResponse({ type: ReadAllResponse })
  readAll(): Promise<ReadAllResponse> {
    return this.notifications.readAll();
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '将我的一条通知标为已读（他人的通知为 404）' })
  @ApiOkResponse({ type: NotificationResponse })
  read(@Param() params: NotificationIdParams): Promise<NotificationResponse> {
    return this.notifications.read(params.id);
  }

  @Get('departments/:code/digest/:period')
  @Roles('leader', 'admin', 'auditor')
  @ApiOperation({
    summary: '领导月度摘要（可打印）：本月预警指标、预计年末未达标（附推算过程）、逾期未提交的报告、预算执行',
  })
  @ApiOkResponse({ type: DigestResponse })
  digest(@Param() params: DigestParams): Promise<DigestResponse> {
    return this.digests.digest(params.code, params.period);
  }

  @Post('departments/:code/digest/:period/send')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      '发送领导月度摘要邮件（绩效管理员）：加入发件箱，每位部门领导每月一次（重复调用不重复发送）；须配置 SMTP_URL，记入审计日志',
  })
  @ApiOkResponse({ type: DigestSendResponse })
  send(@Param() params: DigestParams): Promise<DigestSendResponse> {
    return this.digests.send(params.code, params.period);
  }
}
