// The normalized budget document: one JSON document per department and budget year, made by the importer
// from the published 部门预算 text, and the interchange format of import and export (seeds/*.json,
// documented by seeds/budget-document.schema.json).
// Money is in 万元 exactly as published (numbers, never rescaled); texts keep the published wording, except
// that cells split by a page break are joined and whitespace a line break put inside a name is dropped.
import type { Target } from '../target/target.types';

/** One department's budget for one year. */
export interface BudgetDocument {
  /** Version of this shape; bumped when a field changes meaning. */
  schemaVersion: 1;
  department: DepartmentInfo;
  /** 预算年度 */
  year: number;
  /** Money unit of every amount in the document. */
  moneyUnit: '万元';
  /** 预算单位: the budget units the department consists of (表2). */
  units: BudgetUnitInfo[];
  /** 表1–表10 as budget data. */
  budgetTables: BudgetTables;
  /** 表11 部门整体支出绩效目标: department-wide funds, functions, tasks and goals. */
  overall: OverallPerformance;
  /** Every project of 表10, in 表10's order, with its 表12 target table where the document has one. */
  projects: Project[];
}

/** 预算部门 */
export interface DepartmentInfo {
  /** 部门编码, e.g. "031" */
  code: string;
  /** 部门名称 in full, e.g. "武汉市东西湖区人力资源和社会保障局" */
  name: string;
  /** 简称 as 表11 writes it, e.g. "区人社局" */
  shortName: string | null;
}

/** 预算单位 */
export interface BudgetUnitInfo {
  /** 单位编码, e.g. "031001" */
  code: string;
  /** 单位名称 */
  name: string;
}

// ---------------------------------------------------------------------------------------------------------
// 表1–表10: budget tables

/**
 * How a budget table is laid out:
 * - `two-sided`: income and expenditure side by side (表1 收支总表, 表4 财政拨款收支总表);
 * - `classified`: lines with a 科目编码 / 单位编码 forming a tree by code prefix (表2, 表3, 表5, 表6, 表8, 表9);
 * - `single-row`: one row of amounts (表7 “三公”经费);
 * - `project-list`: 表10 项目支出表, lines per project under group subtotals.
 */
export type BudgetTableKind = 'two-sided' | 'classified' | 'single-row' | 'project-list';

/** 预算表 */
export interface BudgetTables {
  /** Every budget table found, in document order. */
  tables: BudgetTable[];
  /** Headline totals of 表1–表4 (万元). */
  totals: BudgetTotals;
  /** 表7 一般公共预算“三公”经费 (万元); null when the document has no 表7. */
  threePublicExpenses: ThreePublicExpenses | null;
}

export interface BudgetTable {
  /** 表号, e.g. "表1", "表5-1" */
  code: string;
  /** 表名 as published, e.g. "收支总表" */
  caption: string;
  /** 单位 as published, e.g. "万元" */
  unit: string | null;
  kind: BudgetTableKind;
  /** Column keys of the amounts: the header labels top-down joined by "/", e.g. "基本支出/人员经费". */
  columns: string[];
  lines: BudgetLine[];
  /** 备注 under the table, as published. */
  note: string | null;
}

/** One line of a budget table (科目, 单位, 收支项目 or 项目). */
export interface BudgetLine {
  /** 收入 / 支出: the side of a two-sided table; absent elsewhere. */
  side?: 'income' | 'expenditure';
  /** 科目编码 / 单位编码 / 表10 分组编码; null for totals and uncoded lines. */
  code: string | null;
  /** Code of the line this one rolls up into; null at the top. */
  parentCode: string | null;
  /** 科目名称 / 项目 as published. */
  name: string;
  /** Depth: 0 for 合计 / 总计 lines, 1 for the top level (类, 一、…), deeper below. */
  level: number;
  /** 项目分类 of a 表10 project line; absent elsewhere. */
  category?: string;
  /** Amounts in 万元 by column key; null where the cell is empty. */
  amounts: Record<string, number | null>;
}

/** 表1–表4 totals in 万元; null where the document lacks the line. */
export interface BudgetTotals {
  /** 收入总计 (表1) */
  incomeTotal: number | null;
  /** 支出总计 (表1) */
  expenditureTotal: number | null;
  /** 本年收入合计 (表1) */
  currentYearIncome: number | null;
  /** 本年支出合计 (表1) */
  currentYearExpenditure: number | null;
  /** 基本支出 合计 (表3) */
  basicExpenditure: number | null;
  /** 项目支出 合计 (表3) */
  projectExpenditure: number | null;
  /** 财政拨款 收入总计 (表4) */
  fiscalIncomeTotal: number | null;
  /** 财政拨款 支出总计 (表4) */
  fiscalExpenditureTotal: number | null;
}

/** 表7 “三公”经费 in 万元. */
export interface ThreePublicExpenses {
  /** “三公”经费合计 */
  total: number | null;
  /** 因公出国（境）费 */
  overseasTravel: number | null;
  /** 公务用车购置及运行费 小计 */
  officialVehicles: number | null;
  /** 公务用车购置费 */
  vehiclePurchase: number | null;
  /** 公务用车运行费 */
  vehicleOperation: number | null;
  /** 公务接待费 */
  officialReception: number | null;
}

// ---------------------------------------------------------------------------------------------------------
// Goals and indicators (表11, 表12)

/** long = 长期绩效目标, annual = 年度绩效目标 */
export type GoalTerm = 'long' | 'annual';

/** 绩效目标 with its indicator tree. */
export interface Goal {
  term: GoalTerm;
  /** 目标名称 as published, e.g. "长期绩效目标 1", "年度目标 2". */
  label: string;
  /** 目标说明: the goal as stated. */
  title: string;
  /** 三级指标 in the document's order, each with its 一级 and 二级. */
  indicators: Indicator[];
}

/** 三级指标 */
export interface Indicator {
  /** 一级指标, e.g. "产出指标"; always the parent domain rules give its 二级 where they know it. */
  level1: string;
  /** 二级指标, e.g. "时效指标" */
  level2: string;
  /** 三级指标 name */
  name: string;
  /**
   * 指标值 exactly as published (typos included). On annual tables without a separate 指标值 column the
   * year's target is the 预计当年实现 column, and it is read here.
   */
  target: string;
  /** 指标值确定依据 exactly as published; "" where the cell is empty. */
  basis: string;
  /** 前年 value exactly as published; annual tables only; "" where the cell is empty. */
  prev2?: string;
  /** 上年 value exactly as published; annual tables only; "" where the cell is empty. */
  prev1?: string;
  /** 预计当年实现, only on annual tables that also have their own 指标值 column. */
  expected?: string;
  /** 计量单位, only where the table has its own column for it. */
  unit?: string;
  /**
   * `target` read by libs/domain's parseTarget with this indicator's 一级/二级/name and 上年 as context; absent
   * when the target is empty. 前年 / 上年 stay text only: one structured reading per indicator is what is
   * stored, corrected by an admin and exported.
   */
  parsed?: Target;
}

// ---------------------------------------------------------------------------------------------------------
// 表11: the department as a whole

/** 部门整体支出绩效目标 */
export interface OverallPerformance {
  /** 部门(单位)名称 as 表11 writes it */
  departmentName: string | null;
  /** 填报人 */
  preparer: string | null;
  /** 联系电话 */
  phone: string | null;
  /** 部门总体资金情况 */
  funds: OverallFunds;
  /** 部门职能概述 */
  functions: string | null;
  /** 年度工作任务 */
  annualTasks: string | null;
  /** 项目支出情况: the project list as 表11 gives it. */
  projects: OverallProjectLine[];
  /** 整体绩效总目标: the summary texts of the long-term and annual goals. */
  summary: { long: string | null; annual: string | null };
  /** The long-term goals, then the annual goals, each with its indicator table. */
  goals: Goal[];
}

/** 部门总体资金情况 */
export interface OverallFunds {
  /** 收入构成 */
  income: FundLine[];
  /** 支出构成 */
  expenditure: FundLine[];
}

export interface FundLine {
  /** 资金项目, e.g. "财政拨款", "人员类项目支出"; "合计" on the total line. */
  item: string;
  /** 当年金额, 万元 */
  amount: number | null;
  /** 占比 in percent (67.21 for "67.21%"); null where the cell is empty. */
  share: number | null;
  /** 近两年收支金额, 万元, by year as the header names them (2023, 2024). */
  history: YearAmount[];
}

export interface YearAmount {
  year: number;
  /** 万元 */
  amount: number | null;
}

/** One line of 表11 项目支出情况. */
export interface OverallProjectLine {
  /** 项目名称 as 表11 writes it (often shorter than 表10's). */
  name: string;
  /** 支出项目类别 */
  category: string | null;
  /** 项目总预算, 万元 */
  totalBudget: number | null;
  /** 项目本年度预算, 万元 */
  currentBudget: number | null;
  /** 项目主要支出方向和用途 */
  purpose: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// 表10 + 表12: projects

/** How the project's 表12 section was tied to its 表10 line. */
export type ProjectMatch = 'name' | 'name-prefix' | 'amount-and-classification' | 'none';

/** 项目: a 表10 line with its 表12 项目支出绩效目标表. Header fields are null where the document lacks them. */
export interface Project {
  /** 项目编码, e.g. "42011225031T000000113"; null when the document does not give it. */
  code: string | null;
  /** 项目名称: 表12's full name where known, else 表10's. */
  name: string;
  /** 合计 of 表10, 万元 */
  budget: number;
  /** 项目分类 of 表10, e.g. "本级支出项目", "其他运转类" */
  category: string | null;
  /** Code of the 表10 subtotal line the project is listed under, e.g. "31". */
  categoryGroup: string | null;
  /** Where the data came from and how much of it survived. */
  source: ProjectSource;
  /** 项目主管部门 */
  competentDepartment: string | null;
  /** 项目执行单位 */
  executingUnit: string | null;
  /** 项目负责人 */
  leadName: string | null;
  /** 联系电话 */
  phone: string | null;
  /** 单位地址 */
  address: string | null;
  /** 邮政编码 */
  postcode: string | null;
  /** 项目属性, e.g. "持续性项目" */
  attribute: string | null;
  /** 支出项目类别, e.g. "特定目标类项目" */
  expenditureCategory: string | null;
  /** 起始年度 */
  startYear: number | null;
  /** 终止年度 */
  endYear: number | null;
  /** 项目立项依据 */
  legalBasis: string | null;
  /** 项目实施方案 */
  implementationPlan: string | null;
  /** 项目总预算, 万元 */
  totalBudget: number | null;
  /** 项目当年预算, 万元 */
  currentBudget: number | null;
  /** 项目前两年预算及当年预算变动情况 */
  priorBudgetChanges: string | null;
  /** 项目资金来源, in the published order (合计 and 其中 lines included). */
  fundingSources: FundingSource[];
  /** 项目支出明细测算 */
  spendingDetails: SpendingDetail[];
  /** 项目采购 */
  procurements: ProcurementItem[];
  /** Long-term goals first, then annual goals, as 项目绩效总目标 lists them. */
  goals: Goal[];
}

export interface ProjectSource {
  /** 项目名称 as printed in 表10 (the column may cut it). */
  table10Name: string;
  /** 表10 amounts by column key, 万元. */
  table10Amounts: Record<string, number | null>;
  /** Number (n) of the 表12 section; null when the project has no 表12 section. */
  section: number | null;
  /** False when the 表12 section lost its header block (name, code, … , 资金来源). */
  headerFound: boolean;
  /** How the 表12 section was matched to 表10. */
  matchedBy: ProjectMatch;
}

/** 项目资金来源 line */
export interface FundingSource {
  /** 来源项目 as published, e.g. "一般公共预算财政拨款", "其中：申请当年预算拨款" */
  name: string;
  /** 金额, 万元; null where the cell is empty */
  amount: number | null;
}

/** 项目支出明细测算 line */
export interface SpendingDetail {
  /** 项目活动 */
  activity: string;
  /** 活动内容表述 */
  description: string | null;
  /** 支出经济分类 as published, e.g. "2080106 就业管理事务" */
  economicClassification: string | null;
  /** The 科目编码 at the start of 支出经济分类, e.g. "2080106" */
  classificationCode: string | null;
  /** 金额, 万元 */
  amount: number | null;
  /** 测算依据及说明 */
  basis: string | null;
  /** 备注 */
  remark: string | null;
}

/** 项目采购 line */
export interface ProcurementItem {
  /** 品名 */
  item: string;
  /** 数量 */
  quantity: number | null;
  /** 金额, 万元 */
  amount: number | null;
}
