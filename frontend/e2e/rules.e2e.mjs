// Browser check of the rules as settings (监控规则, docs/domain.md "Rules as settings") against a running server:
// the admin raises the yellow threshold on 管理 › 监控规则, sees the preview count the lights that would change,
// saves, and an indicator that was yellow on the dashboard is red. The national rules are put back at the end.
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/rules.e2e.mjs
//
// Env: see support/browser.mjs. Needs the demo accounts and the demo half year (yellow lights in June).
import { openPage } from './support/browser.mjs';

const { baseUrl, page, screenshot, check, step, api, token, logIn, run } = await openPage({
  width: 1366,
  height: 800,
});
const text = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const kpis = async () => (await page.locator('.kpi-value').allTextContents()).map((v) => Number(v.trim()));

/** The flagged table's row of an indicator under a light filter, paging through the table until it shows. */
async function flaggedRow(filter, name) {
  await page.locator('#flagged tbody tr.ant-table-row').first().waitFor();
  await page.locator('#flagged .segmented button', { hasText: filter }).click();
  await page.waitForFunction((light) => {
    const cells = [...document.querySelectorAll('#flagged tbody tr.ant-table-row td:first-child')];
    return cells.length > 0 && cells.every((cell) => (cell.textContent ?? '').includes(light));
  }, filter);
  for (;;) {
    const row = page.locator('#flagged tbody tr.ant-table-row').filter({ hasText: name });
    if ((await row.count()) > 0) return row.first();
    const next = page.locator('#flagged .ant-pagination-next');
    if ((await next.count()) === 0 || (await next.getAttribute('class'))?.includes('disabled')) return null;
    const current = await text(page.locator('#flagged .ant-pagination-item-active'));
    await next.click();
    // Read the next page only once it shows.
    await page.waitForFunction(
      (before) =>
        (document.querySelector('#flagged .ant-pagination-item-active')?.textContent ?? '').trim() !== before,
      current,
    );
  }
}

await run(async () => {
  const admin = await token('admin');
  const departments = await api('GET', '/departments', admin);
  check(departments.status === 200 && departments.body.length > 0, 'no department to work on');
  const { code } = departments.body[0];
  const year = Math.max(...departments.body[0].years);
  const rulesPath = `/departments/${code}/years/${year}/rules`;
  let chosen;
  let threshold;
  let before = [];
  let changedIndicators = 0;

  try {
    await step(
      'the dashboard shows a yellow indicator whose progress a stricter threshold turns red',
      async () => {
        const rules = await api('GET', rulesPath, admin);
        check(rules.status === 200, `rules: ${rules.status}`);
        check(
          rules.body.settings.thresholds.yellowFrom === 60,
          'the rules do not start from the national 60',
        );
        const dashboard = await api('GET', `/departments/${code}/years/${year}/dashboard`, admin);
        check(dashboard.status === 200, `dashboard: ${dashboard.status}`);
        const yellows = dashboard.body.flagged.filter(
          (row) => row.light === 'yellow' && row.progress !== null && row.progress < 79,
        );
        check(yellows.length > 0, 'no yellow indicator paced below 79 on the dashboard');
        chosen = yellows.sort((a, b) => a.progress - b.progress)[0];
        threshold = Math.floor(chosen.progress) + 1;
        await logIn('admin');
        await page.goto(`${baseUrl}/`);
        await page.locator('.kpi-value').first().waitFor();
        before = await kpis();
        const row = await flaggedRow('黄灯', chosen.indicatorName);
        check(row !== null, `${chosen.indicatorName} is not listed yellow on the dashboard`);
      },
    );

    await step(
      'the admin raises the yellow threshold and the preview counts the lights that change',
      async () => {
        await page.goto(`${baseUrl}/admin/rules`);
        const field = page.locator('#threshold-yellowFrom');
        await field.waitFor();
        await screenshot('rules-national', true);
        await field.fill(String(threshold));
        const summary = page.locator('.preview-summary');
        await summary.filter({ hasText: '将改变' }).waitFor();
        const shown = await text(summary);
        const count = Number(/将改变 (\d+) 个预警灯/.exec(shown)?.[1] ?? 0);
        check(count > 0, `the preview counts no change: ${shown}`);
        changedIndicators = Number(/指标 (\d+) 个/.exec(shown)?.[1] ?? 0);
        check(changedIndicators > 0, `no indicator light in the preview: ${shown}`);
        const listed = page.locator('tr[data-change="indicator"]').filter({ hasText: chosen.indicatorName });
        check((await listed.count()) > 0, `${chosen.indicatorName} is not among the previewed changes`);
        check((await text(listed.first())).includes('红灯'), 'the previewed change does not turn red');
        await screenshot('rules-preview');
        for (const [width, height, name] of [
          [768, 1024, 'rules-768'],
          [390, 844, 'rules-390'],
        ]) {
          await page.setViewportSize({ width, height });
          await screenshot(name);
        }
        await page.setViewportSize({ width: 1366, height: 800 });
      },
    );

    await step('the admin saves, and the dashboard shows the indicator red', async () => {
      await page.locator('button.save').click();
      await page.locator('.ant-message-success').waitFor();
      const saved = await api('GET', rulesPath, admin);
      check(saved.body.settings.thresholds.yellowFrom === threshold, 'the threshold was not saved');
      const audit = await api('GET', '/audit?action=monitoring-rules.update&pageSize=10', admin);
      check(audit.status === 200 && audit.body.items.length > 0, 'the change is not in the audit log');
      await page.goto(`${baseUrl}/`);
      await page.locator('.kpi-value').first().waitFor();
      const after = await kpis();
      // [total, red, yellow, …]: exactly the previewed indicator lights moved from yellow to red.
      check(
        after[1] === before[1] + changedIndicators && after[2] === before[2] - changedIndicators,
        `counts before ${before.join(',')} after ${after.join(',')}, ${changedIndicators} previewed`,
      );
      const row = await flaggedRow('红灯', chosen.indicatorName);
      check(row !== null, `${chosen.indicatorName} is not listed red on the dashboard`);
      await row.scrollIntoViewIfNeeded();
      await screenshot('dashboard-red');
    });
  } finally {
    // Later scripts expect the national rules.
    const current = await api('GET', rulesPath, admin);
    if (current.status === 200 && current.body.version > 0)
      await api('PUT', rulesPath, admin, { ...current.body.defaults, version: current.body.version });
  }
});
