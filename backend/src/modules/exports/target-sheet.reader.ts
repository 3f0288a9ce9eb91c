import {
  asLevel1,
  level1For,
  normalizeLevelName,
  type Operator,
  parseTarget,
  type Target,
} from '@jixiao/domain';
import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import { exceljs } from './exceljs';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { checkZipExpansion } from './zip-expansion';

/** The provincial 一体化 exchange columns of a target table, in order. */
export const TARGET_SHEET_COLUMNS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '指标性质',
  '指标值',
  '度量单位',
  '权重',
  '指标方向性',
] as const;
export type TargetSheetColumn = (typeof TARGET_SHEET_COLUMNS)[number];

/** 指标性质 as written in the sheet → the operator of libs/domain. */
export const NATURES: Readonly<Record<string, Operator>> = {
  '≥': '>=',
  '>': '>',
  '=': '=',
  '<': '<',
  '≤': '<=',
  定性: 'qualitative',
};
// Spellings seen in spreadsheets typed by hand.
const NATURE_ALIASES: Readonly<Record<string, string>> = {
  '>=': '≥',
  '<=': '≤',
  '＞': '>',
  '＜': '<',
  '＝': '=',
  '》': '≥',
  '《': '≤',
};
const DIRECTIONS = ['正向', '反向'] as const;
export const MAX_TARGET_ROWS = 500;
/** A sheet with the header and no indicator row (e.g. the template as downloaded). */
export const NO_ROWS = '表中没有指标行';

export interface TargetSheetRow {
  row: number; // the Excel row number
  level1: string; // 一级指标
  level2: string; // 二级指标
  name: string; // 三级指标
  unit: string | null; // 度量单位 as written
  weight: number | null; // 权重
  target: Target;
}

export interface RowError {
  row: number;
  column: TargetSheetColumn | null;
  message: string;
}

export type TargetSheetResult =
  { ok: true; rows: TargetSheetRow[] } | { ok: false; fileError: string | null; errors: RowError[] };

/** A cell's content as text, whatever exceljs made of it (numbers, rich text, formulas, hyperlinks). */
export function cellText(cell: Cell | undefined): string {
  const value: CellValue = cell?.value ?? null;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.trim();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('result' in value)
      return value.result === undefined || value.result === null ? '' : String(value.result).trim();
    if ('text' in value) return String(value.text).trim();
  }
  return String(value).trim();
}

const headerKey = (text: string): string => text.replace(/[\s*＊]/g, '');

/** The header row (within the first five) and the column of each exchange column. */
function locateHeader(
  sheet: Worksheet,
): { row: number; columns: Map<TargetSheetColumn, number> } | undefined {
  for (let row = 1; row <= Math.min(5, sheet.rowCount); row++) {
    const columns = new Map<TargetSheetColumn, number>();
    sheet.getRow(row).eachCell((cell, col) => {
      const key = headerKey(cellText(cell));
      const column = TARGET_SHEET_COLUMNS.find((name) => name === key);
      if (column && !columns.has(column)) columns.set(column, col);
    });
    if (columns.has('一级指标') && columns.has('三级指标')) return { row, columns };
  }
  return undefined;
}

/**
 * Reads a target table in the provincial exchange format. Every row is checked and every problem reported with
 * its row, column and a Chinese message; only a sheet without problems gives rows. The structured target comes
 * from the explicit columns (confidence explicit); libs/domain reads the composed text for units (万 → 10⁴) and
 * how the value accumulates over the year. A workbook that would unpack beyond ZIP_LIMITS is refused (413).
 */
export async function readTargetSheet(content: Buffer): Promise<TargetSheetResult> {
  const loaded = await loadWorkbook(content, '无法读取 Excel 文件，请使用 .xlsx 格式（可下载导入模板）');
  if (!loaded.ok) return { ok: false, fileError: loaded.fileError, errors: [] };
  const sheet = loaded.workbook.worksheets.find((candidate) => isTargetSheet(candidate));
  if (!sheet)
    return { ok: false, fileError: '未找到表头：第一行应为 一级指标、二级指标、三级指标 等列', errors: [] };
  return readTargetWorksheet(sheet);
}

/**
 * An uploaded workbook, refused before exceljs unpacks it when it would expand beyond ZIP_LIMITS (413), or
 * with `fileError` when it cannot be read.
 */
export async function loadWorkbook(
  content: Buffer,
  unreadable: string,
): Promise<{ ok: true; workbook: Workbook } | { ok: false; fileError: string }> {
  // exceljs unpacks the whole workbook before the row cap applies: a small zip could expand to gigabytes.
  const expansion = checkZipExpansion(content);
  if (!expansion.ok) {
    if (expansion.tooLarge)
      throw new AppException(ErrorCode.PayloadTooLarge, expansion.message, {
        file: `file：${expansion.message}`,
      });
    return { ok: false, fileError: expansion.message };
  }
  const workbook = new (exceljs().Workbook)();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return { ok: false, fileError: unreadable };
  }
  return { ok: true, workbook };
}

/** Whether the sheet has the exchange columns' header (一级指标 … 三级指标) in its first rows. */
export function isTargetSheet(sheet: Worksheet): boolean {
  return locateHeader(sheet) !== undefined;
}

/** One sheet of a target table in the provincial exchange format, every row checked (see readTargetSheet). */
export function readTargetWorksheet(sheet: Worksheet): TargetSheetResult {
  const header = locateHeader(sheet);
  if (!header)
    return { ok: false, fileError: '未找到表头：第一行应为 一级指标、二级指标、三级指标 等列', errors: [] };
  const missing = TARGET_SHEET_COLUMNS.filter((column) => column !== '权重' && !header.columns.has(column));
  if (missing.length) return { ok: false, fileError: `缺少列：${missing.join('、')}`, errors: [] };

  const errors: RowError[] = [];
  const rows: TargetSheetRow[] = [];
  const seen = new Map<string, number>();
  const filled: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (_row, number) => {
    if (number > header.row) filled.push(number);
  });
  if (filled.length > MAX_TARGET_ROWS)
    return { ok: false, fileError: `指标行过多（最多 ${MAX_TARGET_ROWS} 行）`, errors: [] };
  for (const row of filled) {
    const excelRow = sheet.getRow(row);
    const text = (column: TargetSheetColumn): string => {
      const col = header.columns.get(column);
      return col === undefined ? '' : cellText(excelRow.getCell(col));
    };
    const values = Object.fromEntries(TARGET_SHEET_COLUMNS.map((column) => [column, text(column)])) as Record<
      TargetSheetColumn,
      string
    >;
    if (Object.values(values).every((value) => value === '')) continue;
    const fail = (column: TargetSheetColumn, message: string) => errors.push({ row, column, message });
    const before = errors.length;
    const parsed = readRow(values, fail);
    if (parsed && errors.length === before) {
      const key = `${parsed.level1}|${parsed.level2}|${parsed.name}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        fail('三级指标', `与第 ${earlier} 行重复（同一二级指标下的三级指标不能重名）`);
      else {
        seen.set(key, row);
        rows.push({ row, ...parsed });
      }
    }
  }
  if (errors.length) return { ok: false, fileError: null, errors };
  if (!rows.length) return { ok: false, fileError: NO_ROWS, errors: [] };
  return { ok: true, rows };
}

// The explicit columns leave nothing inferred, so the parser's note on how it read the text does not apply.
const withoutNote = ({ note: _note, ...target }: Target): Target => target;

function readRow(
  values: Record<TargetSheetColumn, string>,
  report: (column: TargetSheetColumn, message: string) => void,
): Omit<TargetSheetRow, 'row'> | undefined {
  let bad = false;
  const fail = (column: TargetSheetColumn, message: string) => {
    bad = true;
    report(column, message);
  };
  const level1 = asLevel1(values['一级指标']);
  if (!values['一级指标']) fail('一级指标', '请填写一级指标');
  else if (!level1) fail('一级指标', '一级指标只能是 成本指标、产出指标、效益指标、满意度指标');

  const level2Name = values['二级指标'] ? normalizeLevelName(values['二级指标']) : '';
  const parent = level1For(level2Name);
  if (!level2Name) fail('二级指标', '请填写二级指标');
  else if (!parent) fail('二级指标', `无法识别的二级指标“${level2Name}”`);
  else if (level1 && parent !== level1)
    fail('二级指标', `二级指标“${level2Name}”属于${parent}，不能放在${level1}下`);

  const name = values['三级指标'];
  if (!name) fail('三级指标', '请填写三级指标');
  else if (name.length > 200) fail('三级指标', '三级指标名称过长（最多 200 字）');

  const natureText = NATURE_ALIASES[values['指标性质']] ?? values['指标性质'];
  const operator = NATURES[natureText];
  if (!operator) fail('指标性质', '指标性质只能是 ≥、>、=、<、≤、定性');

  const valueText = values['指标值'];
  const qualitative = operator === 'qualitative';
  if (!valueText)
    fail('指标值', qualitative ? '请填写定性指标的目标描述（如 及时、有所提升）' : '请填写指标值');
  else if (operator && !qualitative && !/^-?\d+(\.\d+)?$/.test(valueText)) fail('指标值', '指标值必须是数字');
  else if (valueText.length > 200) fail('指标值', '指标值过长（最多 200 字）');

  const unit = values['度量单位'] || null;
  if (unit && unit.length > 20) fail('度量单位', '度量单位过长（最多 20 字）');

  let weight: number | null = null;
  if (values['权重']) {
    weight = Number(values['权重']);
    if (!/^\d+(\.\d{1,2})?$/.test(values['权重']) || weight > 100)
      fail('权重', '权重必须是 0–100 之间的数字（最多两位小数）');
  }

  const direction = values['指标方向性'];
  if (direction && !DIRECTIONS.includes(direction as (typeof DIRECTIONS)[number]))
    fail('指标方向性', '指标方向性只能是 正向 或 反向');
  else if (operator && !qualitative && operator !== '=' && !direction)
    fail('指标方向性', '请填写指标方向性（正向 或 反向）');
  else if ((operator === '>=' || operator === '>') && direction === '反向')
    fail('指标方向性', `指标性质为“${natureText}”时应为正向`);
  else if ((operator === '<=' || operator === '<') && direction === '正向')
    fail('指标方向性', `指标性质为“${natureText}”时应为反向`);

  if (bad || !level1 || !operator) return undefined;
  const context = { level1, level2: level2Name, name };
  if (qualitative) {
    return {
      level1,
      level2: level2Name,
      name,
      unit,
      weight,
      target: {
        raw: valueText,
        operator: 'qualitative',
        direction: 'none',
        accumulation: 'qualitative',
        confidence: 'explicit',
      },
    };
  }
  const raw = `${natureText}${valueText}${unit ?? ''}`;
  const reading = parseTarget(raw, context);
  if (reading.operator !== operator || reading.value === undefined) {
    fail('指标值', `无法按“${raw}”理解指标值，请检查指标值和度量单位`);
    return undefined;
  }
  return {
    level1,
    level2: level2Name,
    name,
    unit,
    weight,
    target: { ...withoutNote(reading), confidence: 'explicit' },
  };
}
