import type { BudgetDocument, Project } from '@jixiao/domain';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const SEED = join('seeds', '031-2025.json');

/** The repository's normalized seed document (seeds/031-2025.json), found from the source or the compiled file. */
export function readSeedDocument(): BudgetDocument {
  let dir = __dirname;
  while (!existsSync(join(dir, SEED)) && dirname(dir) !== dir) dir = dirname(dir);
  return JSON.parse(readFileSync(join(dir, SEED), 'utf8'));
}

const indicatorCount = (projects: Project[]): number =>
  projects.reduce((sum, p) => sum + p.goals.reduce((s, g) => s + g.indicators.length, 0), 0);

/**
 * The seed document under another department code, its projects repeated (each copy with its own 项目编码 and
 * name) until the projects hold at least `indicators` 三级指标. Every copy keeps the seed's real targets.
 */
export function scaledDocument(base: BudgetDocument, code: string, indicators: number): BudgetDocument {
  const projects: Project[] = [];
  for (let copy = 0; indicatorCount(projects) < indicators; copy++) {
    for (const p of base.projects) {
      if (indicatorCount(projects) >= indicators) break;
      projects.push({
        ...structuredClone(p),
        code: p.code ? `${p.code}C${copy}` : null,
        name: copy === 0 ? p.name : `${p.name}（${copy + 1}）`,
      });
    }
  }
  return { ...structuredClone(base), department: { ...base.department, code }, projects };
}

export const countIndicators = (doc: BudgetDocument): number => indicatorCount(doc.projects);
