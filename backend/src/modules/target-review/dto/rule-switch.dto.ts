import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { REVIEW_RULE_IDS } from '@jixiao/domain';
import { DepartmentYearParams } from '../../departments/dto/department-year.params';

export class RuleParams extends DepartmentYearParams {
  @ApiProperty({ enum: REVIEW_RULE_IDS, description: '审查规则' })
  @IsIn(REVIEW_RULE_IDS, { message: 'ruleId：审查规则不存在' })
  ruleId: string;
}

export class RuleSwitchDto {
  @ApiProperty({ description: '是否启用' })
  @IsBoolean({ message: 'enabled：请选择启用或停用' })
  enabled: boolean;

  @ApiPropertyOptional({ description: '原因；停用时必填' })
  @IsOptional()
  @MaxLength(1000, { message: 'reason：原因过长（最多 1000 字）' })
  @IsString({ message: 'reason：原因必须是文字' })
  reason?: string;

  @ApiPropertyOptional({ description: '读取时的版本（从未切换过为 0）；已被他人修改时 409' })
  @IsOptional()
  @Min(0, { message: 'version：版本号无效' })
  @IsInt({ message: 'version：版本号无效' })
  version?: number;
}
