// axe-core in the browser scripts: WCAG 2.1 A and AA rules on the page as it stands, failing on serious or
// critical violations (moderate and minor ones are printed, not failed).
//
//   import { checkAccessibility } from './support/axe.mjs';
//   await checkAccessibility(page, 'dashboard');
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING = new Set(['serious', 'critical']);

function describe(violation) {
  const nodes = violation.nodes
    .slice(0, 5)
    .map(
      (node) =>
        `      ${node.target.join(' ')}\n        ${(node.failureSummary ?? '').replace(/\n/g, '\n        ')}`,
    )
    .join('\n');
  const more = violation.nodes.length > 5 ? `\n      … and ${violation.nodes.length - 5} more` : '';
  return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}${more}`;
}

/**
 * Runs axe on the current page (evaluated through the DevTools protocol, so the app's CSP does not block it).
 * Throws naming every serious or critical violation, its elements and how to fix them.
 */
export async function checkAccessibility(page, screen, { exclude = [] } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
  }
  const results = await page.evaluate(
    ([tags, excluded]) =>
      window.axe.run(
        { exclude: excluded.map((selector) => [selector]) },
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      ),
    [WCAG_21_AA, exclude],
  );
  const failing = results.violations.filter((violation) => FAILING.has(violation.impact));
  const other = results.violations.filter((violation) => !FAILING.has(violation.impact));
  if (other.length) {
    console.log(`  axe ${screen}: ${other.map((v) => `${v.id} (${v.impact})`).join(', ')} — not failing`);
  }
  if (failing.length) {
    throw new Error(
      `axe: ${failing.length} serious or critical WCAG 2.1 AA violation(s) on ${screen}:\n` +
        failing.map(describe).join('\n'),
    );
  }
}
