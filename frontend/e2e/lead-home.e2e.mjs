// Browser check of the lead's home and the drill-down (issue 19) against a running server (backend serving the
// built frontend), on the demo half year (scripts/demo-data.mjs): lead05 lands on 我的项目 after login, sees this
// month's state of the project and May returned with its reason, and opens March, an approved month, read-only.
// Then the leader opens lead05's project, clicks a red indicator and reads its months in the drawer: the reason,
// the corrective action. Screenshots at 1366 and 390 px wide.
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/lead-home.e2e.mjs
//
// Env: BASE_URL (required), DEMO_PASSWORD (default Jixiao@2025), CHROMIUM_PATH (default /usr/bin/chromium),
// SCREENSHOT_DIR (default: a new temporary folder), HEADED=1 to watch it. Exits non-zero on the first failed step.

import { DEMO_YEAR, seedDemo } from '../../scripts/demo-data.mjs';
import { openPage } from './support/browser.mjs';

/** In the demo, lead05's May was returned with this reason; January–April are approved. */
const LEAD = 'lead05';
const RETURN_REASON = '部分指标完成值与佐证材料不一致，请核实后重新提交';
const RETURNED = `${DEMO_YEAR}-05`;
const APPROVED = `${DEMO_YEAR}-03`;
/** What the demo's leads wrote for an indicator far behind pace. */
const REASON = '资金拨付滞后';
const ACTION = '加快资金拨付进度';
const WIDE = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };

const { baseUrl, password, screenshotDir, page, screenshot, check, step, text, api, logIn, logOut, run } =
  await openPage({ width: WIDE.width, height: WIDE.height, fullPageShots: true });
const monthOf = (period) => Number(period.slice(5, 7));
const periodLabel = (period) => `${period.slice(0, 4)} 年 ${monthOf(period)} 月`;

await run(async () => {
  let project;
  let home;
  await step('the demo half year is there', async () => {
    const result = await seedDemo(baseUrl, password);
    project = result.projects.find((item) => item.lead === LEAD);
    check(project, `${LEAD} has no demo project`);
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: LEAD, password }),
    });
    const { accessToken } = await login.json();
    ({ body: home } = await api('GET', '/me/projects', accessToken));
    check(home.currentPeriod, 'the home has no current month');
  });

  await step(
    `${LEAD} lands on 我的项目 with this month's state and May returned with its reason`,
    async () => {
      await logIn(LEAD);
      await page.waitForURL((url) => url.pathname === '/reports');
      check((await page.title()) === '我的项目 · 绩效目标管理', `title is ${await page.title()}`);
      const card = page.locator(`[data-project="${project.id}"]`);
      await card.waitFor();
      const expected = home.projects.find((item) => item.projectId === project.id).current;
      const state = expected.status ?? 'todo';
      check(
        (await card.locator('.current').getAttribute('data-state')) === state,
        `this month is not shown as ${state}`,
      );
      check(
        (await text(card.locator('.current-month'))) === periodLabel(home.currentPeriod),
        'this month is not the current one',
      );
      const may = card.locator(`.months a[data-period="${RETURNED}"]`);
      check((await may.getAttribute('title')).includes('已退回'), 'May is not shown as returned');
      await screenshot('lead-home-1366');
      await page.setViewportSize(PHONE);
      await card.waitFor();
      await screenshot('lead-home-390');
      await page.setViewportSize(WIDE);
    },
  );

  await step(
    'the lead opens March, an approved month, and reads it without being able to change it',
    async () => {
      const march = page.locator(`[data-project="${project.id}"] .months a[data-period="${APPROVED}"]`);
      check((await march.getAttribute('title')).includes('已审核通过'), 'March is not shown as approved');
      await march.click();
      await page.waitForURL((url) => url.pathname === `/reports/${project.id}/${APPROVED}`);
      await page.getByText('本期已审核通过并锁定').first().waitFor();
      await page.locator('tr.entry-row').first().waitFor();
      check(
        await page.locator('tr.entry-row [data-cell=actual]').first().isDisabled(),
        'an approved month is editable',
      );
      await screenshot('lead-approved-month');
    },
  );

  await step('the returned month says why on the entry page', async () => {
    await page.goto(`${baseUrl}/reports/${project.id}/${RETURNED}`);
    await page.getByText(RETURN_REASON).first().waitFor();
    await logOut();
  });

  await step(
    'the leader opens a red indicator of the project and reads its months with the reason',
    async () => {
      await logIn('leader');
      await page.goto(`${baseUrl}/projects/${project.id}?asOf=${DEMO_YEAR}-06`);
      const red = page
        .locator('app-goal-tree tr.indicator')
        .filter({ has: page.locator('app-light-badge .light-red') })
        .first();
      await red.waitFor();
      const name = await text(red.locator('button.history-link'));
      await red.locator('button.history-link').click();
      const drawer = page.locator('.indicator-history .ant-drawer-body');
      await drawer.locator('li.month').first().waitFor();
      check(
        (await text(page.locator('.indicator-history .ant-drawer-title'))).includes(name),
        'the drawer is not about the clicked indicator',
      );
      const june = drawer.locator(`li.month[data-period="${DEMO_YEAR}-06"]`);
      check((await text(june)).includes('红灯'), 'June is not red in the history');
      check((await text(june.locator('.reason-text'))) === REASON, 'the reason is not in the history');
      check((await text(june.locator('.corrective-action'))) === ACTION, 'the corrective action is missing');
      check(
        (await text(drawer.locator(`li.month[data-period="${DEMO_YEAR}-03"] .status`))) === '已审核通过',
        'March is not shown as approved in the history',
      );
      await screenshot('drill-down-1366', false);
      await page.setViewportSize(PHONE);
      await june.waitFor();
      await screenshot('drill-down-390', false);
      await page.setViewportSize(WIDE);
    },
  );

  console.log(`all steps passed; screenshots in ${screenshotDir}`);
});
