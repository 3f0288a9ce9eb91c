import { level1For, normalizeLevelName } from '@jixiao/domain';
import { Workbook } from 'exceljs';
import type { Template } from './generate';

/** The provincial 一体化 exchange columns of a target table (the format of POST /api/projects/:id/targets/import). */
const COLUMNS = ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性'];

const NATURE: Record<string, [string, string]> = {
  '>=': ['≥', '正向'],
  '>': ['>', '正向'],
  '<=': ['≤', '反向'],
  '<': ['<', '反向'],
  '=': ['=', ''],
};

/** A target table of `rows` indicators drawn from the seed's targets, as an .xlsx file. */
export async function targetWorkbook(templates: Template[], rows: number, tag: string): Promise<Buffer> {
  const usable = templates.filter((t) => level1For(normalizeLevelName(t.level2)));
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('绩效目标');
  sheet.addRow(COLUMNS);
  for (let k = 0; k < rows; k++) {
    const t = usable[k % usable.length];
    const parsed = (t.parsed ?? {}) as { operator?: string; value?: number; unit?: string };
    const numeric = parsed.operator && NATURE[parsed.operator] && typeof parsed.value === 'number';
    const [nature, direction] = numeric ? NATURE[parsed.operator as string] : ['定性', ''];
    sheet.addRow([
      t.level1,
      t.level2,
      `${t.name}（${tag}-${k + 1}）`.slice(0, 200),
      nature,
      numeric ? String(parsed.value) : t.target.slice(0, 200),
      numeric ? (parsed.unit ?? '') : '',
      '',
      direction,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
