import { ApiProperty } from '@nestjs/swagger';

export class DepartmentResponse {
  @ApiProperty({ example: '031' }) code: string;
  @ApiProperty({ example: '武汉市东西湖区人力资源和社会保障局' }) name: string;
  @ApiProperty({ nullable: true, type: String }) parentCode: string | null;
  @ApiProperty({ type: [Number], example: [2025], description: '已导入的预算年度' }) years: number[];
}

export class ProjectSummaryResponse {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, example: '42011225031T000000113' }) code: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ example: 1.6, description: '当年预算（万元，表10）' }) budget: number;
}
