import { ApiProperty } from '@nestjs/swagger';
import { type Light, LIGHTS } from '@jixiao/domain';

export const LIGHT_VALUES: readonly Light[] = LIGHTS;

/** How many monitored indicators (年度目标的三级指标) show each light as of a month. */
export class LightCountsResponse {
  @ApiProperty({ example: 2, description: '红灯：严重滞后' }) red: number;
  @ApiProperty({ example: 3, description: '黄灯：进度偏慢' }) yellow: number;
  @ApiProperty({ example: 20, description: '绿灯：正常' }) green: number;
  @ApiProperty({ example: 1, description: '蓝灯：超进度' }) blue: number;
  @ApiProperty({ example: 4, description: '灰灯：本期未填报' }) grey: number;
  @ApiProperty({ example: 1, description: '无法判定：已填报，但指标值无法识别（与未填报分开计数）' })
  undetermined: number;
  @ApiProperty({ example: 30, description: '指标总数' }) total: number;
}

export const emptyCounts = (): LightCountsResponse => ({
  red: 0,
  yellow: 0,
  green: 0,
  blue: 0,
  grey: 0,
  undetermined: 0,
  total: 0,
});
