import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsUUID, Min, ValidateNested } from 'class-validator';

/** One reading the admin read and found right, with the version it was read at. */
export class TargetConfirmationItemDto {
  @ApiProperty({ description: '指标 id' })
  @IsUUID('all', { message: 'indicatorId：指标标识无效' })
  indicatorId: string;

  @ApiProperty({ description: '读取时的版本号' })
  @Min(1, { message: 'version：版本号无效' })
  @IsInt({ message: 'version：请提供读取时的版本号' })
  version: number;
}

/** 确认无误 in bulk: every listed reading is confirmed, or none is. */
export class TargetConfirmationDto {
  @ApiProperty({ type: [TargetConfirmationItemDto], description: '要确认的指标及其读取时的版本号' })
  @ValidateNested({ each: true })
  @Type(() => TargetConfirmationItemDto)
  @ArrayMaxSize(2000, { message: 'items：条目过多（最多 2000 条）' })
  @ArrayMinSize(1, { message: 'items：请至少选择一个指标' })
  @IsArray({ message: 'items：必须是列表' })
  items: TargetConfirmationItemDto[];
}
