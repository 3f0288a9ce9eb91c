// Browser check of the reading screens against a running server (backend serving the built frontend): the
// leader's dashboard (department and city view, month picker, charts, flagged indicators linking to the
// indicator), the project list with its filters, a project detail with its tabs, 部门整体, print styles, and the
// layout at 1280×720 and on a tablet. The demo half year (January–June) is written through the API first
// (scripts/demo-data.mjs; nothing is written when the server already has it).
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/dashboard.e2e.mjs
//
// Env: BASE_URL (required), DEMO_PASSWORD (default Jixiao@2025), CHROMIUM_PATH (default /usr/bin/chromium),
// SCREENSHOT_DIR (default: a new temporary folder), HEADED=1 to watch it. Exits non-zero on the first failed step.
import { DEMO_YEAR, seedDemo } from '../../scripts/demo-data.mjs';
import { openPage } from './support/browser.mjs';

const AS_OF = `${DEMO_YEAR}-06`;

const { baseUrl, password, screenshotDir, page, screenshot, check, step, text, run } = await openPage({
  width: 1280,
  height: 720,
  fullPageShots: true,
});
const scripts = [];
page.on('response', async (response) => {
  if (response.request().resourceType() === 'script') {
    scripts.push({ url: response.url(), body: await response.text().catch(() => '') });
  }
});

const pathAndQuery = () => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};
const loadedEcharts = () => scripts.some((script) => script.body.includes('registerPreprocessor'));

/** The dashboard has drawn: numbers in the cards and an SVG in every chart. */
async function expectDashboard() {
  await page.locator('.kpi-value').first().waitFor();
  await page.locator('app-chart svg').first().waitFor();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('app-chart')].every((chart) => chart.querySelector('svg path')),
  );
  // The charts animate for 300 ms; screenshots should show them drawn.
  await page.waitForTimeout(800);
}

await run(async () => {
  let seeded;
  await step('the demo half year is written through the API', async () => {
    const result = await seedDemo(baseUrl, password);
    // A project reported every month up to June: its monitoring record has six rows.
    seeded = { projects: result.projects.filter((project) => project.lead === 'lead03') };
    check(seeded.projects.length === 1, 'the project of lead03 was not found');
  });

  await step('the leader signs in and lands on the dashboard; echarts is loaded only there', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.locator('#login-username').waitFor();
    check(!loadedEcharts(), 'the login page loaded echarts');
    await page.locator('#login-username').fill('leader');
    await page.locator('#login-password').fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/dashboard');
    await expectDashboard();
    check(loadedEcharts(), 'the dashboard drew charts without loading echarts?');
    check((await page.title()) === '首页 · 绩效目标管理', `title is ${await page.title()}`);
  });

  const pickMonth = async (month) => {
    await page.locator('nz-select.month-select').click();
    await page
      .locator('nz-option-item')
      .filter({ hasText: new RegExp(`^\\s*${month} 月\\s*$`) })
      .click();
    await page.waitForURL((url) => url.searchParams.get('asOf') === `${DEMO_YEAR}-0${month}`);
    await expectDashboard();
  };

  await step(
    'the dashboard opens at June, the latest month with reports; the month picker goes back and forth',
    async () => {
      check(!new URL(page.url()).searchParams.has('asOf'), 'the landing page chose a month in the URL');
      check(
        (await text(page.locator('.page-subtitle'))).includes(`截至 ${DEMO_YEAR} 年 6 月`),
        `opened at ${await text(page.locator('.page-subtitle'))}`,
      );
      await pickMonth(5);
      check(
        (await text(page.locator('.page-subtitle'))).includes(`截至 ${DEMO_YEAR} 年 5 月`),
        'subtitle month after picking May',
      );
    },
  );

  await step(
    'the month picker shows the dashboard as of June, with every light and the flagged worst first',
    async () => {
      await pickMonth(6);
      check(
        (await text(page.locator('.page-subtitle'))).includes(`截至 ${DEMO_YEAR} 年 6 月`),
        'subtitle month',
      );
      const values = await page.locator('.kpi-value').allTextContents();
      const [total, red, yellow, green, blue] = values.map((value) => Number(value.trim()));
      check(total > 0 && red > 0 && yellow > 0 && green > 0 && blue > 0, `light counts ${values.join(',')}`);
      const firstFlag = page.locator('#flagged tbody tr.ant-table-row').first();
      check(
        (await text(firstFlag.locator('td').first())).includes('红灯'),
        'the first flagged indicator is not red',
      );
      check((await text(firstFlag.locator('td').last())).length > 0, 'the flagged indicator has no reason');
      check((await page.locator('#overdue tbody tr.ant-table-row').count()) > 0, 'no overdue report listed');
      await screenshot('dashboard');
      await screenshot('dashboard-viewport', false);
    },
  );

  await step('the flag filter shows the yellow indicators only', async () => {
    await page.locator('#flagged .segmented button', { hasText: '黄灯' }).click();
    // The table re-renders after the click: wait for it rather than read the previous rows.
    await page
      .waitForFunction(() => {
        const cells = [...document.querySelectorAll('#flagged tbody tr.ant-table-row td:first-child')];
        return cells.length > 0 && cells.every((cell) => (cell.textContent ?? '').includes('黄灯'));
      })
      .catch(() => undefined);
    const lights = await page.locator('#flagged tbody tr.ant-table-row td:first-child').allTextContents();
    check(lights.length > 0 && lights.every((light) => light.includes('黄灯')), `lights ${lights.join(',')}`);
    await page.locator('#flagged .segmented button', { hasText: '全部' }).click();
  });

  await step('the city view rolls up the departments the leader may see', async () => {
    await page.getByRole('button', { name: '全市' }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'city');
    await expectDashboard();
    check((await text(page.locator('.page-subtitle'))).includes('全市（1 个部门）'), 'city subtitle');
    await page.locator('h3', { hasText: '各部门概况' }).waitFor();
    const departments = page.locator('#departments tbody tr[data-department]');
    check((await departments.count()) === 1, `department rows: ${await departments.count()}`);
    check((await departments.first().locator('a').count()) === 1, 'the department row has no link');
    // The flagged list is one page asked of the server, filtered there.
    const rows = page.locator('#city-flagged tbody tr.ant-table-row');
    await rows.first().waitFor();
    const title = await text(page.locator('#city-flagged .panel-title'));
    const total = Number(/（(\d+)）/.exec(title)?.[1]);
    check(
      total > 0 && (await rows.count()) === Math.min(20, total),
      `flagged ${title}: ${await rows.count()} rows`,
    );
    await page.locator('.city-flagged-light').click();
    await page.locator('.ant-select-item-option', { hasText: '红灯' }).click();
    await page.keyboard.press('Escape');
    await page
      .waitForFunction(() => {
        const cells = [...document.querySelectorAll('#city-flagged tbody tr.ant-table-row td:first-child')];
        return cells.length > 0 && cells.every((cell) => (cell.textContent ?? '').includes('红灯'));
      })
      .catch(() => undefined);
    const lights = await page
      .locator('#city-flagged tbody tr.ant-table-row td:first-child')
      .allTextContents();
    check(
      lights.length > 0 && lights.every((light) => light.includes('红灯')),
      `city lights ${lights.join(',')}`,
    );
    await screenshot('dashboard-city');
    await page.getByRole('button', { name: '本部门' }).click();
    await page.waitForURL((url) => !url.searchParams.has('view'));
    await expectDashboard();
  });

  let linked;
  await step("a flagged project indicator opens the project detail at that indicator's row", async () => {
    const projectFlag = page
      .locator('#flagged tbody tr.ant-table-row')
      .filter({ hasNotText: '部门整体' })
      .first();
    linked = await text(projectFlag.locator('a.indicator-link'));
    await projectFlag.locator('a.indicator-link').click();
    await page.waitForURL(
      (url) => url.pathname.startsWith('/projects/') && url.hash.startsWith('#indicator-'),
    );
    const row = page.locator('tr.indicator.highlight');
    await row.waitFor();
    check(
      (await text(row.locator('td').first())) === linked,
      `highlighted ${await text(row)} instead of ${linked}`,
    );
    check(await row.isVisible(), 'the linked row is not visible');
    check(new URL(page.url()).searchParams.get('asOf') === AS_OF, 'the month was not kept');
    check((await text(page.locator('.status-strip'))).includes('年度指标预警'), 'no light summary');
    await page.locator('.confidence').first().waitFor();
    await page.locator('app-sparkline svg').first().waitFor();
    await screenshot('project-detail-linked', false);
    await screenshot('project-detail');
  });

  await step('the project detail shows 长期目标, 预算明细 and 监控记录', async () => {
    await page.getByRole('tab', { name: /长期目标/ }).click();
    await page.locator('.ant-tabs-tabpane-active app-goal-tree th', { hasText: '指标值确定依据' }).waitFor();
    await page.getByRole('tab', { name: /预算明细/ }).click();
    await page.locator('.ant-tabs-tabpane-active h4', { hasText: '支出明细测算' }).waitFor();
    await screenshot('project-detail-budget');
    await page.getByRole('tab', { name: /监控记录/ }).click();
    await page.locator('.ant-tabs-tabpane-active th', { hasText: '填报状态' }).waitFor();
    const rows = page.locator('.ant-tabs-tabpane-active tbody tr');
    await rows.first().waitFor();
    check(
      (await rows.count()) === 6,
      `${await rows.count()} periods as of June: ${await text(rows.first())}`,
    );
    check((await text(rows.first())).includes(`${DEMO_YEAR} 年 6 月`), 'latest month is not first');
    await screenshot('project-detail-monitoring');
  });

  await step('the project detail prints every section without the menu', async () => {
    await page.emulateMedia({ media: 'print' });
    check(!(await page.locator('nz-sider').isVisible()), 'the menu prints');
    check(!(await page.locator('.ant-tabs-nav').isVisible()), 'the tab bar prints');
    check(
      await page.locator('h3.print-heading', { hasText: '预算明细' }).isVisible(),
      'budget section hidden',
    );
    await screenshot('project-detail-print');
    await page.emulateMedia({ media: 'screen' });
  });

  await step(
    'the project list shows lights, leads and last report, and filters by light and search',
    async () => {
      await page.goto(`${baseUrl}/projects?asOf=${AS_OF}&light=red`);
      await page.locator('tbody tr.ant-table-row').first().waitFor();
      const rows = page.locator('tbody tr.ant-table-row');
      const count = await rows.count();
      check(count > 0, 'no red project');
      for (let i = 0; i < count; i += 1) {
        check((await text(rows.nth(i).locator('td').nth(4))).includes('红灯'), `row ${i} is not red`);
      }
      await page.goto(`${baseUrl}/projects?asOf=${AS_OF}`);
      await rows.first().waitFor();
      const all = await rows.count();
      await page.getByRole('searchbox', { name: '搜索项目' }).fill(seeded.projects[0].name);
      await page.waitForFunction(
        (expected) => document.querySelectorAll('tbody tr.ant-table-row').length === expected,
        1,
      );
      check(all > 1, `${all} projects`);
      await page.getByRole('button', { name: '清除筛选' }).click();
      await page.waitForFunction(
        (expected) => document.querySelectorAll('tbody tr.ant-table-row').length === expected,
        all,
      );
      await screenshot('project-list');
    },
  );

  await step('部门整体 shows the department-wide goals with the same tree', async () => {
    await page.locator('nz-sider a', { hasText: '部门整体' }).click();
    await page.waitForURL((url) => url.pathname === '/overall');
    await page.goto(`${baseUrl}/overall?asOf=${AS_OF}`);
    await page.locator('app-goal-tree tr.indicator').first().waitFor();
    check((await page.locator('app-goal-tree h4').count()) > 0, 'no goal heading');
    check(
      (await page.locator('.ant-tabs-tabpane-active app-goal-tree app-light-badge .name').count()) > 0,
      'no lights in the tree',
    );
    await screenshot('overall');
    await page.getByRole('tab', { name: /资金构成/ }).click();
    await page.locator('.ant-tabs-tabpane-active h4', { hasText: '收入构成' }).waitFor();
    await screenshot('overall-funds', false);
  });

  await step('the dashboard prints without menu and toolbar', async () => {
    await page.goto(`${baseUrl}/dashboard?asOf=${AS_OF}`);
    await expectDashboard();
    await page.emulateMedia({ media: 'print' });
    check(!(await page.locator('nz-sider').isVisible()), 'the menu prints');
    check(!(await page.locator('.toolbar').isVisible()), 'the toolbar prints');
    // Two charts a row on paper: each is redrawn to fit its panel.
    await page.waitForTimeout(500);
    const overflowing = await page.evaluate(
      () =>
        [...document.querySelectorAll('app-chart')].filter(
          (chart) =>
            chart.querySelector('svg').getBoundingClientRect().width >
            chart.getBoundingClientRect().width + 1,
        ).length,
    );
    check(overflowing === 0, `${overflowing} charts are wider than their panel on paper`);
    await screenshot('dashboard-print');
    await page.emulateMedia({ media: 'screen' });
  });

  await step('on a tablet the dashboard and the project detail fit the width', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${baseUrl}/dashboard?asOf=${AS_OF}`);
    await expectDashboard();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `the dashboard is ${overflow}px wider than the tablet`);
    await screenshot('dashboard-tablet');
    await page.goto(`${baseUrl}/projects/${seeded.projects[0].id}?asOf=${AS_OF}`);
    await page.locator('app-goal-tree tr.indicator').first().waitFor();
    const detailOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    check(detailOverflow <= 0, `the project detail is ${detailOverflow}px wider than the tablet`);
    await screenshot('project-detail-tablet');
  });

  console.log(`all steps passed (${pathAndQuery()}); screenshots in ${screenshotDir}`);
});
