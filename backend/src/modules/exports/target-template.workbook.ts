import { LEVEL1_NAMES, LEVEL2_TO_LEVEL1, parseTarget, type Target } from '@jixiao/domain';
import type { TargetIndicatorRow, TargetTables } from './exports.repository';
import type { Workbook } from 'exceljs';
import { HEADER_FILL, SheetWriter } from './sheet-writer';
import { NATURES, TARGET_SHEET_COLUMNS } from './target-sheet.reader';

const TEMPLATE_ROWS = 200;

/** Examples for the instructions sheet, one per kind of 指标性质. */
const EXAMPLES: string[][] = [
  ['产出指标', '数量指标', '举办招聘会场次', '≥', '12', '场', '10', '正向'],
  ['产出指标', '数量指标', '城镇新增就业人数', '≥', '1.2', '万人', '10', '正向'],
  ['产出指标', '时效指标', '系统故障修复响应时间', '≤', '48', '小时', '10', '反向'],
  ['成本指标', '经济成本指标', '补助标准', '=', '1040', '元/月', '10', '正向'],
  ['效益指标', '社会效益指标', '群众办事便利度', '定性', '有所提升', '', '30', ''],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥', '90', '%', '10', '正向'],
];

/**
 * The import template of a target table in the provincial exchange format: the sheet to fill (with drop-down
 * lists for 一级指标, 指标性质 and 指标方向性) and a sheet explaining the columns with examples.
 */
export function addTargetTemplate(workbook: Workbook): void {
  const w = SheetWriter.create(workbook, '绩效指标', [14, 18, 30, 10, 14, 12, 8, 12], true);
  TARGET_SHEET_COLUMNS.forEach((column, i) => w.cell(1, i + 1, column, { bold: true, fill: HEADER_FILL }));
  w.sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const lists: Record<number, string[]> = {
    1: [...LEVEL1_NAMES],
    4: Object.keys(NATURES),
    8: ['正向', '反向'],
  };
  for (let row = 2; row <= TEMPLATE_ROWS + 1; row++) {
    for (const [col, options] of Object.entries(lists)) {
      w.sheet.getCell(row, Number(col)).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${options.join(',')}"`],
        showErrorMessage: true,
        errorTitle: TARGET_SHEET_COLUMNS[Number(col) - 1],
        error: `请选择：${options.join('、')}`,
      };
    }
    // 指标值 is typed as text so that "有所提升" and "1.2" both stay as written.
    w.sheet.getCell(row, 5).numFmt = '@';
  }

  const help = SheetWriter.create(workbook, '填写说明', [14, 18, 30, 10, 14, 12, 8, 12], true);
  help.title(1, 8, '绩效目标表导入说明');
  const notes = [
    '1. 在“绩效指标”表中每行填写一个三级指标，第一行表头不要修改；空行会被忽略。',
    '2. 指标性质：≥、>、=、<、≤ 为定量指标，指标值填数字；定性 指标的指标值填写目标描述（如 及时、有所提升）。',
    '3. 度量单位可带数量级，如 万人、万元（1.2 万人 = 12000 人）。',
    '4. 权重为该指标的分值（0–100），可不填；不填时自评按所在部分平均分配。',
    '5. 指标方向性：正向（越高越好，与 ≥、> 对应）或 反向（越低越好，与 ≤、< 对应）；= 与 定性 可不填。',
    '6. 二级指标须属于其一级指标（见下表）；导入会替换该项目的全部年度绩效指标，任何一行有误时不导入任何内容。',
  ];
  notes.forEach((note, i) => help.merge(2 + i, 1, 2 + i, 8, note, { align: 'left', border: false }));
  let row = 3 + notes.length;
  help.merge(row, 1, row, 8, '示例', { bold: true, align: 'left', border: false });
  row++;
  TARGET_SHEET_COLUMNS.forEach((column, i) =>
    help.cell(row, i + 1, column, { bold: true, fill: HEADER_FILL }),
  );
  for (const example of EXAMPLES) {
    row++;
    example.forEach((value, i) => help.cell(row, i + 1, value || null));
  }
  row += 2;
  help.merge(row, 1, row, 8, '一级指标与二级指标', { bold: true, align: 'left', border: false });
  row++;
  help.cell(row, 1, '一级指标', { bold: true, fill: HEADER_FILL });
  help.merge(row, 2, row, 3, '二级指标', { bold: true, fill: HEADER_FILL });
  for (const level1 of LEVEL1_NAMES) {
    row++;
    help.cell(row, 1, level1);
    const children = Object.entries(LEVEL2_TO_LEVEL1)
      .filter(([, parent]) => parent === level1)
      .map(([level2]) => level2);
    help.merge(row, 2, row, 3, children.join('、'), { align: 'left' });
  }
}

const SIGN: Readonly<Record<string, string>> = { '>=': '≥', '>': '>', '=': '=', '<': '<', '<=': '≤' };
const DIRECTION_TEXT: Readonly<Record<string, string>> = { higher: '正向', lower: '反向' };
const BAD_SHEET_NAME = /[[\]:*?/\\]/;

/**
 * One 指标 row of the exchange layout: 指标性质, 指标值 and 度量单位 from the structured reading when the sheet
 * reads them back to the same reading; anything it cannot hold (a deadline, a range, several parts, unread text)
 * goes as 定性 with the published text, so the workbook always imports.
 */
export function provincialRow(indicator: TargetIndicatorRow): (string | number | null)[] {
  const target: Target | null =
    typeof indicator.parsed === 'string' ? (JSON.parse(indicator.parsed) as Target) : indicator.parsed;
  const common = [indicator.level1, indicator.level2, indicator.name];
  const weight = indicator.weight ?? null;
  const sign = target ? SIGN[target.operator] : undefined;
  if (target && sign && target.value !== undefined) {
    const value = String(Number(target.value.toPrecision(12)));
    const unit = target.unit ?? '';
    const direction = DIRECTION_TEXT[target.direction] ?? '';
    const reading = parseTarget(`${sign}${value}${unit}`, {
      level1: indicator.level1,
      level2: indicator.level2,
      name: indicator.name,
    });
    const consistent =
      (target.operator === '=' || direction !== '') &&
      reading.operator === target.operator &&
      reading.value === target.value;
    if (consistent) return [...common, sign, value, unit || null, weight, direction || null];
  }
  return [...common, '定性', indicator.targetRaw, null, weight, null];
}

/**
 * A department-year's annual indicators in the provincial exchange layout (the import template's columns):
 * one sheet per project, named after it (or its code when the name cannot be a sheet name), which the document
 * import reads back into the same department-year.
 */
export function addProvincialSheets(workbook: Workbook, tables: TargetTables): void {
  for (const project of tables.projects) {
    const goals = new Set(
      tables.goals.filter((g) => g.projectId === project.id && g.term === 'annual').map((g) => g.id),
    );
    const rows = tables.indicators.filter((i) => goals.has(i.goalId));
    if (!rows.length) continue;
    const fits = project.name.length <= 31 && !BAD_SHEET_NAME.test(project.name);
    const name = fits || !project.code ? project.name.replace(BAD_SHEET_NAME, '').slice(0, 31) : project.code;
    const w = SheetWriter.create(workbook, name, [14, 18, 30, 10, 14, 12, 8, 12], true);
    TARGET_SHEET_COLUMNS.forEach((column, i) => w.cell(1, i + 1, column, { bold: true, fill: HEADER_FILL }));
    w.sheet.views = [{ state: 'frozen', ySplit: 1 }];
    rows.forEach((indicator, r) => {
      provincialRow(indicator).forEach((value, c) => {
        w.cell(r + 2, c + 1, value);
        // 指标值 stays text, as the template asks ("1.2" and "有所提升" alike).
        if (c === 4) w.sheet.getCell(r + 2, c + 1).numFmt = '@';
      });
    });
  }
}
