import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PERIOD_PATTERN } from '@jixiao/domain';

export class RoundIdParams {
  @ApiProperty()
  @IsUUID('all', { message: 'id：监控轮次标识无效' })
  id: string;
}

export class CreateRoundDto {
  @ApiProperty({ example: '2025年1–7月 绩效监控' })
  @MaxLength(100, { message: 'name：名称过长（最多 100 字）' })
  @Matches(/\S/, { message: 'name：请填写轮次名称' })
  @IsString({ message: 'name：请填写轮次名称' })
  name: string;

  @ApiProperty({ example: '2025-07', description: '截至月份' })
  @Matches(PERIOD_PATTERN, { message: 'period：期间格式应为 YYYY-MM（月份 01–12）' })
  period: string;

  @ApiProperty({ example: '2025-08-15', description: '填报截止日期' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'deadline：日期格式应为 YYYY-MM-DD' })
  deadline: string;
}
