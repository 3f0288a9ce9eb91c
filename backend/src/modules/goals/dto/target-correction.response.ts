import { ApiProperty } from '@nestjs/swagger';
import { TargetResponse } from '../../projects/dto/goal-tree.response';

/** The indicator's target after an admin's correction. */
export class TargetCorrectionResponse {
  @ApiProperty({ description: '指标 id' }) id: string;
  @ApiProperty({ description: '指标的新版本号' }) version: number;
  @ApiProperty({ type: TargetResponse }) target: TargetResponse;
}
