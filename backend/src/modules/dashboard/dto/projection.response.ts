import { ApiProperty } from '@nestjs/swagger';
import {
  LIKELIHOODS,
  type Light,
  type Likelihood,
  PROJECTION_METHODS,
  type ProjectionMethod,
} from '@jixiao/domain';
import { LIGHT_VALUES } from './light-counts.response';

/** 年末预测 of a monitored indicator from its monthly series (libs/domain projectYearEnd, docs/domain.md §10). */
export class ProjectionResponse {
  @ApiProperty({ example: 140, description: '预计年末值（目标基本单位；计数为全年累计，比率为年末水平）' })
  value: number;
  @ApiProperty({ example: 140, description: '区间下限：各适用方法推算值中的最小值' }) low: number;
  @ApiProperty({ example: 220, description: '区间上限：各适用方法推算值中的最大值' }) high: number;
  @ApiProperty({
    enum: PROJECTION_METHODS,
    description:
      '采用的方法：pace 全年平均进度 / trend 近期趋势 / profile 上年同期进度 / forecast 填报人全年预计',
  })
  method: ProjectionMethod;
  @ApiProperty({ enum: LIGHT_VALUES, description: '预计值在年末（12 月）按监控规则得到的预警灯' })
  light: Light;
  @ApiProperty({ enum: LIKELIHOODS, description: '按预测区间建议的完成目标可能性（填报时可采用或修改）' })
  likelihood: Likelihood;
  @ApiProperty({ example: '140人', description: '建议的全年预计完成值（按填报格式书写）' })
  proposedForecast: string;
  @ApiProperty({
    example:
      '按近3月（4–6月）平均增量 5/月 推算：110 + 5 × 6 = 140，年末约 140（区间 140–220）；目标 ≥200人，预计黄灯（…）',
    description: '推算过程：公式与代入的数值、区间、目标与预计预警灯、选用该方法的理由',
  })
  explanation: string;
}

/** 预算执行的年末预测：执行数按进度推算至 12 月，得到年末执行率与预算执行预警灯。 */
export class BudgetProjectionResponse {
  @ApiProperty({ example: 3600000, description: '预计全年执行数（元）' }) value: number;
  @ApiProperty({ description: '区间下限（元）' }) low: number;
  @ApiProperty({ description: '区间上限（元）' }) high: number;
  @ApiProperty({ example: 77.25, description: '预计年末执行率 %' }) rate: number;
  @ApiProperty({ enum: PROJECTION_METHODS, description: '采用的方法' }) method: ProjectionMethod;
  @ApiProperty({ enum: LIGHT_VALUES, description: '预计年末预算执行预警灯' }) light: Light;
  @ApiProperty({ description: '推算过程：公式与代入的数值' }) explanation: string;
}
