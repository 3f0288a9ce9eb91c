import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';

/** The lead confirms next year's proposed target (结转), as proposed or with their own text. */
export class ProposalConfirmationDto {
  @ApiProperty({ description: '读取时的版本号' })
  @Min(1, { message: 'version：版本号无效' })
  @IsInt({ message: 'version：请提供读取时的版本号' })
  version: number;

  @ApiPropertyOptional({ description: '改用的指标值（不填则确认建议值）', example: '≥96%' })
  @IsOptional()
  @MaxLength(200, { message: 'target：指标值过长（最多 200 字）' })
  @IsNotEmpty({ message: 'target：指标值不能为空' })
  @IsString({ message: 'target：指标值必须是文本' })
  target?: string;
}
