import { ApiProperty } from '@nestjs/swagger';

export class ConfirmedTargetResponse {
  @ApiProperty({ description: '指标 id' }) id: string;
  @ApiProperty({ description: '指标的新版本号' }) version: number;
}

/** The readings confirmed, each with its new version. */
export class TargetConfirmationResponse {
  @ApiProperty({ description: '已确认的指标数' }) confirmed: number;
  @ApiProperty({ type: [ConfirmedTargetResponse] }) items: ConfirmedTargetResponse[];
}
