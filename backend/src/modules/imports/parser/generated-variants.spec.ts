import type { Indicator, Project } from '@jixiao/domain';
import { type Variant, makeVariant } from '../../../../test/factories/budget-document-variants';
import { parseBudgetDocument } from './budget-document.parser';

// Property tests on generated variants of the seed (issue 17): other departments, years, projects, rows and
// units, with page breaks inside rows and cells, lost pages, blank lines and padded cells. CI runs a fixed
// range; FUZZ_SEED=<n> explores another one, FUZZ_COUNT=<n> sets how many.
const FIRST = Number(process.env.FUZZ_SEED ?? 1);
const COUNT = Number(process.env.FUZZ_COUNT ?? 200);
const SEEDS = Array.from({ length: COUNT }, (_, i) => FIRST + i);

function indicators(project: Project, term: 'long' | 'annual'): Indicator[] {
  return project.goals.filter((goal) => goal.term === term).flatMap((goal) => goal.indicators);
}

function explain(variant: Variant): string {
  return `variant ${variant.seed} (FUZZ_SEED=${variant.seed} FUZZ_COUNT=1): ${variant.steps.join('；')}`;
}

describe('parseBudgetDocument on generated variants', () => {
  it.each(SEEDS)('should yield the facts of variant %i and report every repair', (seed) => {
    const variant = makeVariant(seed);
    const { document, report } = parseBudgetDocument(variant.text);
    const context = explain(variant);

    expect({ context, department: report.department, year: document.year }).toEqual({
      context,
      department: variant.department,
      year: variant.year,
    });
    expect({ context, projects: document.projects.map((p) => p.name).sort() }).toEqual({
      context,
      projects: variant.projects.map((p) => p.name).sort(),
    });
    for (const expected of variant.projects) {
      const project = document.projects.find((candidate) => candidate.name === expected.name) as Project;
      for (const term of ['long', 'annual'] as const) {
        const got = indicators(project, term).map((indicator) => ({
          level1: indicator.level1,
          level2: indicator.level2,
          name: indicator.name,
          target: indicator.target,
          ...(term === 'annual' ? { prev1: indicator.prev1 } : {}),
        }));
        const want = expected[term].map(({ reading: _reading, prev1, ...rest }) => ({
          ...rest,
          ...(term === 'annual' ? { prev1: prev1 ?? '' } : {}),
        }));
        expect({ context, project: expected.name, term, rows: got }).toEqual({
          context,
          project: expected.name,
          term,
          rows: want,
        });
        for (const row of expected[term].filter((r) => r.reading)) {
          const parsed = indicators(project, term).find((i) => i.name === row.name)?.parsed;
          expect({ context, name: row.name, operator: parsed?.operator, unit: parsed?.unit }).toEqual({
            context,
            name: row.name,
            operator: row.reading?.operator,
            unit: row.reading?.unit,
          });
        }
      }
      expect({ context, project: expected.name, code: project.code, budget: project.budget }).toEqual({
        context,
        project: expected.name,
        code: expected.code,
        budget: expected.budget,
      });
    }
    for (const name of variant.unlisted) {
      const finding = report.findings.find((f) => f.kind === 'missing' && f.message.includes(`「${name}」`));
      expect({ context, unlisted: name, reported: finding !== undefined }).toEqual({
        context,
        unlisted: name,
        reported: true,
      });
      expect(report.recoveries.some((r) => r.kind === 'missing-header' && r.action.includes(name))).toBe(
        false,
      );
    }
    for (const repair of variant.repairs) {
      const found = report.recoveries.some(
        (r) => r.kind === repair.kind && r.action.includes(repair.contains),
      );
      expect({ context, repair, found }).toEqual({ context, repair, found: true });
    }
  });
});
