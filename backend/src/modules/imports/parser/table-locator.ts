import { type Row, nonEmptyCount, squash } from './text-table.util';

/** The rows of one table, from below its caption to the next table or the end of the tables part. */
export interface TableRegion {
  /** "表1" … "表12" */
  code: string;
  /** The caption as published. */
  caption: string;
  /** Line of the caption. */
  line: number;
  rows: Row[];
}

// Captions of the standard 部门预算 tables. A table is recognised by its caption, with or without the
// "表N" line above it (an Excel paste often has none).
const CAPTIONS: readonly { code: string; pattern: RegExp }[] = [
  { code: '表1', pattern: /^(部门)?收支总表$/ },
  { code: '表2', pattern: /^(部门)?收入总表$/ },
  { code: '表3', pattern: /^(部门)?支出总表$/ },
  { code: '表4', pattern: /^财政拨款收支总表$/ },
  { code: '表5-1', pattern: /^一般公共预算支出表[（(]分功能科目[)）]$/ },
  { code: '表5-2', pattern: /^一般公共预算支出表[（(]分单位[)）]$/ },
  { code: '表6', pattern: /^一般公共预算基本支出表$/ },
  { code: '表7', pattern: /^一般公共预算[“"]?三公[”"]?经费支出表$/ },
  { code: '表8', pattern: /^政府性基金预算支出表$/ },
  { code: '表9', pattern: /^国有资本经营预算支出表$/ },
  { code: '表10', pattern: /^项目支出(情况)?表$/ },
  { code: '表11', pattern: /^(部门)?整体支出绩效目标(申报)?表$/ },
  { code: '表12', pattern: /^项目支出绩效目标(申报)?表$/ },
];

export const TABLE_CODES: readonly string[] = CAPTIONS.map((caption) => caption.code);

const MARKER = /^表(\d{1,2}(?:-\d)?)$/;
// "第三部分 …情况说明": the prose after the tables.
const PART_HEADING = /^第[一二三四五六七八九十]+部分/;

function captionCode(row: Row): string | undefined {
  if (nonEmptyCount(row.cells) !== 1) return undefined;
  const text = squash(row.cells.find((cell) => cell !== '') ?? '');
  return CAPTIONS.find((caption) => caption.pattern.test(text))?.code;
}

function markerNumber(row: Row): string | undefined {
  if (nonEmptyCount(row.cells) !== 1) return undefined;
  return MARKER.exec(squash(row.cells.find((cell) => cell !== '') ?? ''))?.[1];
}

/** Finds 表1–表12 by their captions; returns them in document order. */
export function locateTables(rows: Row[]): TableRegion[] {
  const starts: { code: string; caption: string; line: number; first: number; startIndex: number }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const marker = markerNumber(rows[i]);
    const code = captionCode(rows[i]);
    if (marker !== undefined) {
      const next = rows[i + 1];
      const nextCode = next ? captionCode(next) : undefined;
      if (next && nextCode) {
        starts.push({
          code: nextCode,
          caption: next.cells.join('').trim(),
          line: next.line,
          first: i + 2,
          startIndex: i,
        });
        i++;
      }
    } else if (code) {
      starts.push({
        code,
        caption: rows[i].cells.join('').trim(),
        line: rows[i].line,
        first: i + 1,
        startIndex: i,
      });
    }
  }
  return starts.map((start, k) => {
    const limit = k + 1 < starts.length ? starts[k + 1].startIndex : rows.length;
    const region: Row[] = [];
    for (let i = start.first; i < limit; i++) {
      if (PART_HEADING.test(squash(rows[i].cells[0] ?? ''))) break;
      region.push(rows[i]);
    }
    return { code: start.code, caption: start.caption, line: start.line, rows: region };
  });
}

/** The department as the budget tables head it: "[031] 武汉市东西湖区人力资源和社会保障局". */
export function findDepartment(rows: Row[]): { code: string; name: string } | undefined {
  for (const row of rows) {
    const match = /^\[(\d+)\]\s*(\S.*)$/.exec(row.cells[0] ?? '');
    if (match) return { code: match[1], name: match[2].trim() };
  }
  return undefined;
}

/** The budget year from the title ("东西湖区人社局 2025 年部门预算"). */
export function findYear(rows: Row[]): number | undefined {
  for (const row of rows) {
    const match = /(\d{4})\s*年\s*部门预算/.exec(row.cells.join(''));
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** The "单位：万元" line of a table, if any. */
export function findUnit(rows: Row[]): string | null {
  for (const row of rows) {
    for (const cell of row.cells) {
      const match = /^单位[:：]\s*(\S+)$/.exec(squash(cell));
      if (match) return match[1];
    }
  }
  return null;
}

export function isUnitRow(row: Row): boolean {
  return row.cells.some((cell) => /^单位[:：]/.test(squash(cell)));
}
