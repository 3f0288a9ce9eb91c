// Browser check of the year-end projection against a running server (backend serving the built frontend): in
// June the leader sees, under 预计年末未达标 on the dashboard, the demo's indicator whose pace is fine (green
// today) but whose trend is falling, opens its explanation (the projection formula with its figures), finds it
// again with the flagged list's 预计年末未达标 filter, and sees the projection on the project page. The demo half
// year is written through the API first (scripts/demo-data.mjs; nothing is written when the server has it).
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/projection.e2e.mjs
//
// Env: BASE_URL (required), DEMO_PASSWORD (default Jixiao@2025), CHROMIUM_PATH (default /usr/bin/chromium),
// SCREENSHOT_DIR (default: a new temporary folder), HEADED=1 to watch it. Exits non-zero on the first failed step.

import { DEMO_YEAR, FALLING, fallingIndicator, seedDemo } from '../../scripts/demo-data.mjs';
import { openPage } from './support/browser.mjs';

const AS_OF = `${DEMO_YEAR}-06`;

const { baseUrl, password, page, screenshot, check, step, text, run } = await openPage({
  width: 1280,
  height: 720,
  fullPageShots: true,
});

async function api(path, token) {
  const response = await fetch(`${baseUrl}/api${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  check(response.ok, `GET ${path} answered ${response.status}`);
  return response.json();
}

async function apiToken(username) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  check(response.ok, `login as ${username} answered ${response.status}`);
  return (await response.json()).accessToken;
}

await run(async () => {
  let indicator;
  let projectId;
  await step('the demo half year holds an indicator on pace in June whose trend is falling', async () => {
    const result = await seedDemo(baseUrl, password);
    const project = result.projects.find((p) => p.lead === FALLING.lead);
    check(project, `the project of ${FALLING.lead} was not found`);
    projectId = project.id;
    const token = await apiToken('leader');
    const detail = await api(`/projects/${projectId}?asOf=${AS_OF}`, token);
    const annual = detail.goals
      .filter((goal) => goal.term === 'annual')
      .flatMap((goal) => goal.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators)));
    indicator = fallingIndicator(annual);
    check(indicator, 'no indicator received the falling series');
    check(indicator.light === 'green', `its June light is ${indicator.light}, not green`);
    check(
      indicator.projection?.method === 'trend' && indicator.projection.light === 'yellow',
      `its projection is ${JSON.stringify(indicator.projection)}`,
    );
  });

  await step('the leader sees it under 预计年末未达标 on the June dashboard, green today', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.locator('#login-username').fill('leader');
    await page.locator('#login-password').fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/dashboard');
    await page.goto(`${baseUrl}/dashboard?asOf=${AS_OF}`);
    const section = page.locator('#projected-miss');
    await section.waitFor();
    check(
      (await text(section.locator('.panel-title'))).startsWith('预计年末未达标'),
      'no 预计年末未达标 section',
    );
    // The table pages by 10: look through its pages for the row.
    const row = section.locator(`tr[data-indicator="${indicator.id}"]`);
    for (let tries = 0; (await row.count()) === 0 && tries < 10; tries += 1) {
      const next = section.locator('.ant-pagination-next:not(.ant-pagination-disabled)');
      if ((await next.count()) === 0) break;
      const current = await text(section.locator('.ant-pagination-item-active'));
      await next.click();
      await section.locator('.ant-pagination-item-active', { hasNotText: current }).waitFor();
    }
    await row.waitFor();
    check((await text(row)).includes(indicator.name), 'the row does not name the indicator');
    check(
      (await text(row.locator('td').nth(3))).includes('绿灯'),
      `today's light: ${await text(row.locator('td').nth(3))}`,
    );
    check(
      (await text(row.locator('td').nth(4))).includes('黄灯'),
      `projected: ${await text(row.locator('td').nth(4))}`,
    );
  });

  await step('the leader opens its explanation: the projection formula with the figures', async () => {
    const row = page.locator(`#projected-miss tr[data-indicator="${indicator.id}"]`);
    const explanation = row.locator('p.explanation');
    check(await explanation.isHidden(), 'the explanation shows before it is opened');
    await row.getByRole('button', { name: '推算过程' }).click();
    await explanation.waitFor({ state: 'visible' });
    const shown = await text(explanation);
    check(shown.includes('按近3月（4–6月）平均增量'), `explanation: ${shown}`);
    check(
      shown.includes(`目标 ${indicator.targetRaw}`) && shown.includes('预计黄灯'),
      `explanation: ${shown}`,
    );
    check(shown.includes('进度已变化，采用近期趋势'), `the method's reason is missing: ${shown}`);
    await screenshot('projected-miss-explanation');
  });

  await step('the flagged list filtered to 预计年末未达标 holds it too', async () => {
    const filter = page.locator('#flagged .segmented button').filter({ hasText: '预计年末未达标' });
    await filter.click();
    const rows = page.locator('#flagged tbody tr.ant-table-row');
    await rows.first().waitFor();
    const names = await rows.allTextContents();
    const onFirstPage = names.some((name) => name.includes(indicator.name));
    const total = Number((await text(filter)).replace(/\D+/g, ''));
    check(total > 0, `filter count: ${await text(filter)}`);
    check(onFirstPage || total > 10, `the filtered list does not show ${indicator.name}`);
  });

  await step('the project page shows the projection per indicator, with its explanation', async () => {
    await page.goto(`${baseUrl}/projects/${projectId}?asOf=${AS_OF}`);
    const row = page.locator(`tr#indicator-${indicator.id}`);
    await row.waitFor();
    const cell = row.locator('td.col-projection');
    check(
      (await text(cell)).includes('黄灯') && (await text(cell)).includes('按近期趋势'),
      `cell: ${await text(cell)}`,
    );
    await cell.getByRole('button', { name: '推算过程' }).click();
    await cell.locator('p.explanation').waitFor({ state: 'visible' });
    await screenshot('project-projection');
  });

  await step('the leader downloads the June monitoring form (执行监控表) from the project page', async () => {
    const { Workbook } = (await import('exceljs')).default;
    const detail = await api(`/projects/${projectId}?asOf=${AS_OF}`, await apiToken('leader'));
    // A fresh page for the month: the previous step left the indicator's history drawer over it.
    await page.goto(`${baseUrl}/projects/${projectId}?asOf=${AS_OF}`);
    const button = page.locator('[data-action="monitoring-form-xlsx"]');
    await button.waitFor();
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/api/projects/${projectId}/monitoring/${AS_OF}.xlsx`)),
      page.waitForEvent('download'),
      button.click(),
    ]);
    check(response.status() === 200, `the form answered ${response.status()}`);
    check(
      response.headers()['content-type'] ===
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      `content type: ${response.headers()['content-type']}`,
    );
    check(
      download.suggestedFilename() === `${DEMO_YEAR}年1–6月项目支出绩效目标执行监控表-${detail.name}.xlsx`,
      `file name: ${download.suggestedFilename()}`,
    );
    const workbook = new Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    check(sheet.getCell('A1').value === '项目支出绩效目标执行监控表', `A1: ${sheet.getCell('A1').value}`);
    check(sheet.getCell('B4').value === detail.name, `项目名称: ${sheet.getCell('B4').value}`);
    let row = 0;
    sheet.eachRow((r, n) => {
      if (!row && r.getCell(3).value === indicator.name) row = n;
    });
    check(row > 0, `no line for ${indicator.name}`);
    const actual = sheet.getCell(`E${row}`).value;
    check(actual === indicator.latestReport.actualRaw, `1–6月执行情况: ${actual}`);
  });
});
