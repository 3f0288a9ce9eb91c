import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parseBudgetDocument } from './budget-document.parser';
import { renderImportReport } from './import-report.renderer';

// seeds/ holds the published text, the normalized document made from it, the import report and the target-review
// findings; the outputs are reviewed and committed. This spec fails when the importer's output drifts from them; run it with
// UPDATE_SEEDS=1 to rewrite them after a deliberate change (then review the diff).
const SEEDS = join(__dirname, '../../../../../seeds');
const SOURCE = join(SEEDS, '000_fecdbe4f42164389.txt');
const DOCUMENT = join(SEEDS, '031-2025.json');
const REPORT = join(SEEDS, '031-2025.import-report.md');
const REVIEW = join(SEEDS, '031-2025.target-review.json');

const { document, report } = parseBudgetDocument(readFileSync(SOURCE, 'utf8'));
const json = `${JSON.stringify(document, null, 2)}\n`;
const markdown = renderImportReport(report);
const review = `${JSON.stringify(report.targetReview, null, 2)}\n`;

if (process.env.UPDATE_SEEDS === '1') {
  writeFileSync(DOCUMENT, json);
  writeFileSync(REPORT, markdown);
  writeFileSync(REVIEW, review);
}

describe(parseBudgetDocument.name, () => {
  it('should produce the committed seeds/031-2025.json when run on the published document', () => {
    const committed = readFileSync(DOCUMENT, 'utf8');

    expect(JSON.parse(committed)).toEqual(document);
    expect(committed).toBe(json);
  });

  it('should produce the committed seeds/031-2025.import-report.md when run on the published document', () => {
    expect(readFileSync(REPORT, 'utf8')).toBe(markdown);
  });

  it('should produce the committed seeds/031-2025.target-review.json (the target-quality findings)', () => {
    expect(readFileSync(REVIEW, 'utf8')).toBe(review);
  });
});
