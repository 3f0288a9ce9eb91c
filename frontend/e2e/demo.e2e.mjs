// Browser check of the demo (`npm run demo`) against a server started with DEMO=1 and the demo half year
// (scripts/e2e.mjs does both): the banner 演示数据 on every page, the leader's dashboard opening at June with
// every light represented, a project opening at June, periods awaiting review, returned and approved.
// Screenshots at 1366 px.
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/demo.e2e.mjs
//
// Env: BASE_URL (required), DEMO_PASSWORD (default Jixiao@2025), CHROMIUM_PATH (default /usr/bin/chromium),
// SCREENSHOT_DIR (default: a new temporary folder), HEADED=1 to watch it. Exits non-zero on the first failed step.

import { DEMO_YEAR, seedDemo } from '../../scripts/demo-data.mjs';
import { openPage } from './support/browser.mjs';

const JUNE = `截至 ${DEMO_YEAR} 年 6 月`;

const { baseUrl, password, screenshotDir, page, pageErrors, screenshot, check, step, text, run } =
  await openPage({ width: 1366, height: 768 });
page.on('console', (message) => {
  if (message.type() === 'error') pageErrors.push(new Error(`console error: ${message.text()}`));
});
const banner = () => page.locator('app-demo-banner [role=note]', { hasText: '演示数据' });

await run(async () => {
  let seeded;
  await step('the demo half year is there (written now when the server does not have it yet)', async () => {
    seeded = await seedDemo(baseUrl, password);
    check(seeded.projects.length === 12, `${seeded.projects.length} demo projects`);
  });

  await step('the login page says 演示数据', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.locator('#login-username').waitFor();
    await banner().waitFor();
    await screenshot('login');
  });

  await step('the leader lands on the dashboard as of June, every light represented', async () => {
    await page.locator('#login-username').fill('leader');
    await page.locator('#login-password').fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/dashboard');
    await page.locator('.kpi-value').first().waitFor();
    await page.locator('app-chart svg').first().waitFor();
    await page.waitForTimeout(800);
    await banner().waitFor();
    check((await text(page.locator('.page-subtitle'))).includes(JUNE), 'the dashboard did not open at June');
    const cards = page.locator('.kpis .kpi[class*="kpi-"]');
    const lights = {};
    for (let i = 0; i < (await cards.count()); i += 1) {
      const card = cards.nth(i);
      const light = (await card.getAttribute('class')).match(/kpi-(\w+)/)[1];
      lights[light] = Number(await text(card.locator('.kpi-value')));
    }
    for (const light of ['red', 'yellow', 'green', 'blue', 'grey'])
      check(lights[light] > 0, `no ${light} light on the demo dashboard: ${JSON.stringify(lights)}`);
    // Any further state the lights know (无法判定) is represented too.
    check(
      Object.values(lights).every((count) => count > 0),
      `a light has none: ${JSON.stringify(lights)}`,
    );
    check((await page.locator('#overdue tbody tr.ant-table-row').count()) > 0, 'nothing overdue');
    check(
      (await page.locator('.first-steps').count()) === 0,
      'the first steps show on a department with reports',
    );
    await screenshot('dashboard');
    await screenshot('dashboard-full', true);
  });

  await step(
    'a project opens at June with its monitoring record approved, submitted and drafted',
    async () => {
      const project = seeded.projects.find((item) => item.lead === 'lead02');
      await page.goto(`${baseUrl}/projects/${project.id}`);
      await page.locator('app-goal-tree tr.indicator').first().waitFor();
      await banner().waitFor();
      await page.getByRole('tab', { name: /监控记录/ }).click();
      const rows = page.locator('.ant-tabs-tabpane-active tbody tr');
      await rows.first().waitFor();
      // The record renders row by row: give it a moment to show all six before counting.
      for (let waited = 0; (await rows.count()) < 6 && waited < 5000; waited += 250)
        await page.waitForTimeout(250);
      const months = await rows.count();
      check(months === 6, `${months} months in the record, not January–June`);
      check((await text(rows.first())).includes(`${DEMO_YEAR} 年 6 月`), 'the project did not open at June');
      await screenshot('project-monitoring');
    },
  );

  await step('the leader has months to review', async () => {
    await page.locator('.sider [nz-menu-item] a', { hasText: '审核' }).click();
    await page.waitForURL((url) => url.pathname === '/reviews');
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    check(
      (await page.locator('tbody tr.ant-table-row').count()) >= 2,
      'fewer than two months awaiting review',
    );
    await banner().waitFor();
    await screenshot('reviews');
  });

  console.log(`all steps passed; screenshots in ${screenshotDir}`);
});
