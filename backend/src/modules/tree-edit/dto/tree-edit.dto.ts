import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsDecimal } from '../../../common/validation/is-decimal.decorator';
import { GOAL_TERMS, type GoalTerm } from '../../goals/entities/goal.entity';

const text = (field: string, max: number, label: string) => [
  MaxLength(max, { message: `${field}：${label}过长（最多 ${max} 字）` }),
  IsString({ message: `${field}：${label}必须是文本` }),
];
const apply =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((decorator) => decorator(target, key));

/** An optional text field of a header or an indicator: null or left out clears or keeps it. */
const optionalText = (field: string, max: number, label: string, example?: string) =>
  apply(
    ApiPropertyOptional({ type: String, nullable: true, description: label, example }),
    IsOptional(),
    ...text(field, max, label),
  );

const version = () =>
  apply(
    ApiProperty({ description: '读取时的版本号', example: 1 }),
    Min(1, { message: 'version：版本号无效' }),
    IsInt({ message: 'version：请提供读取时的版本号' }),
  );

const yearField = (field: string, label: string, optional: boolean) =>
  apply(
    optional
      ? ApiPropertyOptional({ type: Number, nullable: true, example: 2025, description: label })
      : ApiProperty({ example: 2026, description: label }),
    ...(optional ? [IsOptional()] : []),
    Min(2000, { message: `${field}：${label}不能早于 2000` }),
    Max(2100, { message: `${field}：${label}不能晚于 2100` }),
    IsInt({ message: `${field}：${label}必须是整数` }),
  );

const wan = (field: string, label: string, optional: boolean) =>
  apply(
    optional
      ? ApiPropertyOptional({ type: Number, nullable: true, example: 360, description: `${label}（万元）` })
      : ApiProperty({ example: 120.5, description: `${label}（万元）` }),
    ...(optional ? [IsOptional()] : []),
    Max(1e10, { message: `${field}：${label}过大` }),
    Min(0, { message: `${field}：${label}不能为负` }),
    IsDecimal(6, { message: `${field}：${label}必须是数字（万元，最多六位小数）` }),
  );

export class GoalIdParams {
  @ApiProperty({ format: 'uuid', description: '绩效目标 id' })
  @IsUUID('all', { message: 'id：目标标识必须是有效的 UUID' })
  id: string;
}

/** `POST /departments/:code/years`: a new budget year of the department. */
export class FiscalYearCreateDto {
  @yearField('year', '预算年度', false)
  year: number;
}

/** A project's 表12 header as the editor writes it: money in 万元 as the tables print it. */
export class ProjectCreateDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '42011225031T000000113',
    description: '项目编码（同一年度内唯一）',
  })
  @IsOptional()
  @MaxLength(40, { message: 'code：项目编码过长（最多 40 位）' })
  @IsNotEmpty({ message: 'code：项目编码不能为空' })
  @IsString({ message: 'code：项目编码必须是文本' })
  code?: string | null;

  @ApiProperty({ example: '就业创业补贴', description: '项目名称' })
  @MaxLength(200, { message: 'name：项目名称过长（最多 200 字）' })
  @IsNotEmpty({ message: 'name：请填写项目名称' })
  @IsString({ message: 'name：项目名称必须是文本' })
  name: string;

  @optionalText('category', 200, '项目类别', '专项业务类') category?: string | null;
  @wan('budget', '当年预算', false) budget: number;
  @optionalText('competentDepartment', 200, '主管部门', '武汉市东西湖区人力资源和社会保障局')
  competentDepartment?: string | null;
  @optionalText('executingUnit', 200, '执行单位', '区就业局') executingUnit?: string | null;
  @optionalText('leadName', 100, '项目负责人', '张三') leadName?: string | null;
  @optionalText('phone', 50, '联系电话', '027-83891234') phone?: string | null;
  @optionalText('address', 200, '单位地址', '东西湖区吴家山') address?: string | null;
  @optionalText('postcode', 16, '邮政编码', '430040') postcode?: string | null;
  @optionalText('attribute', 50, '项目属性', '延续项目') attribute?: string | null;
  @optionalText('expenditureCategory', 100, '支出项目类别', '其他运转类') expenditureCategory?: string | null;
  @yearField('startYear', '起始年度', true) startYear?: number | null;
  @yearField('endYear', '终止年度', true) endYear?: number | null;
  @optionalText('legalBasis', 5000, '立项依据', '《就业促进法》') legalBasis?: string | null;
  @optionalText('implementationPlan', 5000, '实施方案', '按季度组织培训') implementationPlan?: string | null;
  @wan('totalBudget', '项目总预算', true) totalBudget?: number | null;
  @wan('currentBudget', '项目当年预算', true) currentBudget?: number | null;
  @optionalText('priorBudgetChanges', 2000, '前两年预算变动情况', '无') priorBudgetChanges?: string | null;
}

/** `PATCH /projects/:id`: the header fields given change, the others stay. */
export class ProjectPatchDto extends PartialType(ProjectCreateDto) {
  @version() version: number;
}

/** `POST …/goals`: a long-term or annual goal of a project or of the department as a whole. */
export class GoalCreateDto {
  @ApiProperty({ enum: GOAL_TERMS, description: 'long = 长期绩效目标，annual = 年度绩效目标' })
  @IsIn(GOAL_TERMS, { message: 'term：目标期限只能是 long（长期）或 annual（年度）' })
  term: GoalTerm;

  @ApiProperty({ example: '做好就业创业服务，稳定和扩大就业', description: '目标内容' })
  @MaxLength(2000, { message: 'title：目标内容过长（最多 2000 字）' })
  @IsNotEmpty({ message: 'title：请填写目标内容' })
  @IsString({ message: 'title：目标内容必须是文本' })
  title: string;
}

export class GoalPatchDto {
  @version() version: number;

  @ApiProperty({ description: '目标内容' })
  @MaxLength(2000, { message: 'title：目标内容过长（最多 2000 字）' })
  @IsNotEmpty({ message: 'title：请填写目标内容' })
  @IsString({ message: 'title：目标内容必须是文本' })
  title: string;
}

/** `POST /goals/:id/indicators`: a 三级指标 with its place in the taxonomy and its published target. */
export class IndicatorCreateDto {
  @ApiProperty({ example: '产出指标', description: '一级指标' })
  @MaxLength(50, { message: 'level1：一级指标过长' })
  @IsString({ message: 'level1：一级指标必须是文本' })
  level1: string;

  @ApiProperty({ example: '数量指标', description: '二级指标（须属于其一级指标）' })
  @MaxLength(50, { message: 'level2：二级指标过长' })
  @IsString({ message: 'level2：二级指标必须是文本' })
  level2: string;

  @ApiProperty({ example: '培训人数', description: '三级指标名称（同一目标同一二级指标下唯一）' })
  @MaxLength(200, { message: 'name：指标名称过长（最多 200 字）' })
  @IsString({ message: 'name：指标名称必须是文本' })
  name: string;

  @ApiProperty({ example: '≥500人', description: '指标值（原文）' })
  @MaxLength(500, { message: 'target：指标值过长（最多 500 字）' })
  @IsString({ message: 'target：指标值必须是文本' })
  target: string;

  @optionalText('basis', 2000, '指标值确定依据', '上年完成情况') basis?: string | null;
  @optionalText('prev2', 200, '前年值', '400人') prev2?: string | null;
  @optionalText('prev1', 200, '上年值', '450人') prev1?: string | null;
}

/**
 * `PATCH /indicators/:id`: the fields given change; `goalId` moves it to another goal of the same tree (at the
 * end unless `position` says where), `position` (1-based among the goal's indicators) reorders it in its goal.
 */
export class IndicatorPatchDto extends PartialType(IndicatorCreateDto) {
  @version() version: number;

  @ApiPropertyOptional({ format: 'uuid', description: '移到同一指标树的另一个目标' })
  @IsOptional()
  @IsUUID('all', { message: 'goalId：目标标识必须是有效的 UUID' })
  goalId?: string;

  @ApiPropertyOptional({ example: 1, description: '在目标内的位置（从 1 起）' })
  @IsOptional()
  @Max(100000, { message: 'position：位置过大' })
  @Min(1, { message: 'position：位置从 1 开始' })
  @IsInt({ message: 'position：位置必须是整数' })
  position?: number;
}

/** `DELETE /indicators/:id?version=`: the version read, so a stale delete answers 409. */
export class IndicatorDeleteQuery {
  @ApiProperty({ description: '读取时的版本号' })
  @Type(() => Number)
  @Min(1, { message: 'version：版本号无效' })
  @IsInt({ message: 'version：请提供读取时的版本号' })
  version: number;
}
