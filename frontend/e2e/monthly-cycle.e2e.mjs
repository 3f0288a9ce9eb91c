// Browser check of the monthly cycle (issue 6) against a running server (backend serving the built frontend):
// lead01 enters a month for their project in 填报, one indicator misses its target and the row turns red as
// they type; they fill every annual indicator and the budget execution, save, attach evidence and submit. The
// leader sees the flag on the dashboard and in the reminders, opens the month in 审核, cannot return it
// without a reason, then returns it with one. lead01 sees the return in the reminders and on the entry page.
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/monthly-cycle.e2e.mjs
//
// Env: BASE_URL (required), DEMO_PASSWORD (default Jixiao@2025), CHROMIUM_PATH (default /usr/bin/chromium),
// SCREENSHOT_DIR (default: a new temporary folder), HEADED=1 to watch it. Exits non-zero on the first failed step.
// Needs the demo accounts and the seeded department. The month is the first of June–December that lead01 has
// not submitted yet, so the script can run again on the same data (a returned month counts as open).
import { openPage } from './support/browser.mjs';

const LEAD = 'lead01';
const LEADER = 'leader';
/** The indicator that misses its target: ≥12 次 a year, and only 3 by mid-year. */
const MISSED = '三会一课';
/** Its own thresholds, set by the admin: on pace (v = 100) is yellow here, where the defaults say green. */
const OWN_THRESHOLDS = { yellowFrom: 60, greenFrom: 110, blueFrom: 150 };
const LIGHT_NAMES = {
  red: '红灯',
  yellow: '黄灯',
  green: '绿灯',
  blue: '蓝灯',
  grey: '灰灯',
  undetermined: '无法判定',
};
const RETURN_REASON = '“三会一课”进度落后，请补充原因并说明下半年的安排';

// Leaving the entry page with unsaved input asks first; the script always saves, so any dialog is a failure.
const { baseUrl, password, screenshotDir, page, screenshot, check, step, text, api, logIn, logOut, run } =
  await openPage({ width: 1280, height: 720, failOnDialog: true });
const monthOf = (period) => Number(period.slice(5, 7));
const periodLabel = (period) => `${period.slice(0, 4)} 年 ${monthOf(period)} 月`;

/** The value a lead would report for a target so that it reads as met (the missed one aside). */
function valueFor(targetText) {
  const raw = targetText.replace(/^指标值：/, '').trim();
  if (!/\d/.test(raw)) return '达成';
  const first = raw.split(/[、，,]/)[0];
  return first.replace(/^[≥≤><》《=\s]+/, '').replace(/^(\d+(?:\.\d+)?)\s*-\s*\d+(?:\.\d+)?/, '$1');
}

/** lead01's project and the first month from June on that is still open for entry. */
async function chooseMonth() {
  const { body: session } = await api('POST', '/auth/login', null, { username: LEAD, password });
  const token = session.accessToken;
  const { body: departments } = await api('GET', '/departments', token);
  const department = departments[0];
  const year = Math.max(...department.years);
  const { body: projects } = await api(
    'GET',
    `/departments/${department.code}/years/${year}/projects`,
    token,
  );
  const project = projects.find((item) => item.leads.some((lead) => lead.username === LEAD));
  check(project, `${LEAD} leads no project`);
  const { body: detail } = await api('GET', `/projects/${project.id}?asOf=${year}-12`, token);
  const open = detail.reportPeriods.find(
    (item) => monthOf(item.period) >= 6 && !['submitted', 'approved'].includes(item.status),
  );
  check(open, `every month from June on is already submitted for ${project.name}`);
  await api('POST', '/auth/logout', token);
  const missed = detail.goals
    .filter((goal) => goal.term === 'annual')
    .flatMap((goal) => goal.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators)))
    .find((indicator) => indicator.name.includes(MISSED));
  check(missed, `${project.name} has no ${MISSED} indicator`);
  return { project, year, period: open.period, missed };
}

/** The admin gives the missed indicator thresholds of its own (PUT …/target keeps its reading). */
async function setOwnThresholds(indicator) {
  const { body: session } = await api('POST', '/auth/login', null, { username: 'admin', password });
  const { target, version } = indicator;
  const res = await api('PUT', `/indicators/${indicator.id}/target`, session.accessToken, {
    version,
    operator: target.operator,
    value: target.value,
    ...(target.unit ? { unit: target.unit } : {}),
    direction: target.direction,
    accumulation: target.accumulation,
    thresholds: OWN_THRESHOLDS,
    note: '浏览器测试：指标自设预警阈值',
  });
  check(res.status === 200, `setting the thresholds answered ${res.status}`);
  await api('POST', '/auth/logout', session.accessToken);
}

/** The light the API stored for the indicator's report of the period, read as the lead. */
async function storedLight(projectId, period, indicatorId) {
  const { body: session } = await api('POST', '/auth/login', null, { username: LEAD, password });
  const { body: detail } = await api('GET', `/projects/${projectId}?asOf=${period}`, session.accessToken);
  await api('POST', '/auth/logout', session.accessToken);
  const indicator = detail.goals
    .flatMap((goal) => goal.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators)))
    .find((item) => item.id === indicatorId);
  return indicator?.latestReport?.period === period ? indicator.latestReport.light : null;
}

let chosen;
await run(async () => {
  chosen = await chooseMonth();
  const { project, year, period, missed } = chosen;
  await setOwnThresholds(missed);
  const missedRow = () => page.locator('tr.entry-row', { hasText: MISSED });

  await step(`${LEAD} signs in and sees the reminders badge with their due reports`, async () => {
    await logIn(LEAD);
    const bell = page.locator('app-reminders-button button.bell');
    await bell.waitFor();
    await page.locator('app-reminders-button .count').waitFor();
    check(
      /^\d+\+?$/.test(await text(page.locator('app-reminders-button .count'))),
      'the badge shows no count',
    );
    check(
      (await page.locator('.sider [nz-menu-item] a', { hasText: '填报' }).count()) === 1,
      'a lead has no 填报 menu entry',
    );
    check(
      (await page.locator('.sider [nz-menu-item] a', { hasText: '审核' }).count()) === 0,
      'a lead sees 审核',
    );
    await bell.click();
    await page.locator('#reminders-panel .task').first().waitFor();
    await screenshot('lead-reminders');
    await bell.click();
  });

  await step(`the lead opens ${project.name}, ${periodLabel(period)} from 我的项目 on 填报`, async () => {
    await page.locator('.sider [nz-menu-item] a', { hasText: '填报' }).click();
    await page.waitForURL((url) => url.pathname === '/reports');
    const card = page.locator(`[data-project="${project.id}"]`);
    await card.waitFor();
    check((await text(card.locator('.project-name'))) === project.name, 'the project is not on the home');
    await screenshot('lead-home');
    await card.locator(`.months a[data-period="${period}"]`).click();
    await page.waitForURL((url) => url.pathname === `/reports/${project.id}/${period}`);
    await page.locator('tr.entry-row').first().waitFor();
    check((await page.title()) === '填报 · 绩效目标管理', `title is ${await page.title()}`);
  });

  await step('the row turns red as the lead types a count behind pace, with the reason', async () => {
    const row = missedRow();
    const actual = row.locator('[data-cell=actual]');
    // A month entered before (the script ran already) starts from its saved values: clear what bears on the light.
    await row.locator('[data-cell=forecast]').fill('');
    await row.locator('[data-cell=likelihood]').selectOption('');
    await actual.fill('3次');
    const light = row.locator('.col-light');
    await light.getByText('红灯', { exact: true }).waitFor();
    const reason = await text(light);
    check(/进度值 [\d.]+ 低于 60/.test(reason), `the red light gives no reason: ${reason}`);
    // On pace the same row turns yellow by its own thresholds (green by the defaults), then red again.
    await actual.fill(`${monthOf(period)}次`);
    await light.getByText('黄灯', { exact: true }).waitFor();
    await actual.fill('3次');
    await light.getByText('红灯', { exact: true }).waitFor();
  });

  await step('Enter moves down the column and Tab across the row', async () => {
    const first = page.locator('[data-row="0"][data-cell=actual]');
    await first.focus();
    await page.keyboard.press('Enter');
    check(
      await page
        .locator('[data-row="1"][data-cell=actual]')
        .evaluate((element) => element === document.activeElement),
      'Enter did not move to the next row',
    );
    await page.keyboard.press('Tab');
    check(
      await page
        .locator('[data-row="1"][data-cell=forecast]')
        .evaluate((element) => element === document.activeElement),
      'Tab did not move to the next cell',
    );
  });

  await step('the lead fills every annual indicator, the deviation and the budget execution', async () => {
    const rows = page.locator('tr.entry-row');
    const count = await rows.count();
    check(count > 0, 'no annual indicator rows');
    for (let index = 0; index < count; index += 1) {
      const row = rows.nth(index);
      if ((await text(row.locator('.indicator-name'))).includes(MISSED)) continue;
      const value = valueFor(await text(row.locator('.target')));
      await row.locator('[data-cell=actual]').fill(value);
    }
    const row = missedRow();
    const rowIndex = await row.locator('[data-cell=actual]').getAttribute('data-row');
    await row.locator('[data-cell=forecast]').fill('10次');
    await row.locator('[data-cell=likelihood]').selectOption('有可能');
    const details = page.locator(`[data-row="${rowIndex}"][data-cell="reason-2"]`);
    await details.check();
    await page
      .locator(`[data-row="${rowIndex}"][data-cell=reasonText]`)
      .fill('支部书记调整，上半年组织活动减少');
    await page
      .locator(`[data-row="${rowIndex}"][data-cell=correctiveAction]`)
      .fill('下半年每月开展两次主题党日');
    await page.locator('#budget-executed').fill('8000');
    await page
      .locator('.budget app-light-badge .name')
      .getByText(/^(绿灯|黄灯|红灯)$/)
      .waitFor();
    check((await page.locator('.field-error').count()) === 0, 'a field shows an error');
    await screenshot('entry-red-light');
    await screenshot('entry-filled-full', true);
  });

  await step('saving the draft stores every row and the budget execution', async () => {
    await page.locator('button.save').click();
    await page.locator('.dirty-count', { hasText: '所有修改已保存' }).waitFor();
    const rowErrors = await page.locator('.row-error').allTextContents();
    check(rowErrors.length === 0, `a row failed: ${rowErrors[0]}`);
    await page.locator('.ant-message', { hasText: /已保存 \d+ 项|没有需要保存的修改/ }).waitFor();
  });

  await step(
    'the preview light is the light the API saves, on an indicator with its own thresholds',
    async () => {
      const row = missedRow();
      const actual = row.locator('[data-cell=actual]');
      const light = row.locator('.col-light .name');
      for (const value of [`${monthOf(period)}次`, '3次']) {
        await actual.fill(value);
        await light.getByText(/^(红灯|黄灯|绿灯|蓝灯)$/).waitFor();
        const preview = await text(light);
        await page.locator('button.save').click();
        await page.locator('.dirty-count', { hasText: '所有修改已保存' }).waitFor();
        const saved = await storedLight(project.id, period, missed.id);
        check(
          LIGHT_NAMES[saved] === preview,
          `${MISSED} ${value}: the preview showed ${preview}, the API saved ${saved}`,
        );
      }
    },
  );

  await step('the lead attaches evidence to the red row', async () => {
    // Only rows whose light asks for them (or that hold some) show their deviation fields: find the red row's.
    const indicatorId = await missedRow().getAttribute('data-indicator');
    const detailsRow = page.locator(`tr.details-row[data-indicator="${indicatorId}"]`);
    const files = detailsRow.locator('.file-link', { hasText: '党日活动签到表.txt' });
    const before = await files.count();
    await detailsRow.locator('input[type=file]').setInputFiles({
      name: '党日活动签到表.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('2025 年上半年主题党日活动签到表\n'),
    });
    await files.nth(before).waitFor();
  });

  await step('submitting asks to confirm, then the month turns read-only', async () => {
    await page.locator('button.submit').click();
    await page.locator('.ant-modal-confirm').waitFor();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await page.locator('.read-only', { hasText: '本期已提交' }).waitFor();
    await page.locator('.ant-modal-mask').waitFor({ state: 'detached' });
    check(await missedRow().locator('[data-cell=actual]').isDisabled(), 'the grid is still editable');
    check((await page.locator('button.submit').count()) === 0, 'the submit button is still there');
    await screenshot('entry-submitted');
    await logOut();
  });

  await step('the leader sees the red indicator among the flagged on the dashboard', async () => {
    await logIn(LEADER);
    check(
      (await page.locator('.sider [nz-menu-item] a', { hasText: '审核' }).count()) === 1,
      'a leader has no 审核 menu entry',
    );
    await page.goto(`${baseUrl}/dashboard?year=${year}&asOf=${period}`);
    await page.locator('#flagged tbody tr.ant-table-row').first().waitFor();
    // Worst first; other projects' red indicators may come first, so look through the pages. The table can
    // re-render while it is paged (a late answer resets it to page 1): then look again from the start.
    const flagged = page
      .locator('#flagged tbody tr.ant-table-row', { hasText: MISSED })
      .filter({ hasText: project.name });
    const findFlag = async () => {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await page.locator('#flagged tbody tr.ant-table-row').first().waitFor();
        for (let pageNumber = 1; pageNumber < 20; pageNumber += 1) {
          if ((await flagged.count()) > 0) {
            const content = await flagged
              .first()
              .textContent({ timeout: 3000 })
              .catch(() => null);
            if (content !== null) return content;
            break;
          }
          const next = page.locator('#flagged .ant-pagination-next');
          if ((await next.count()) === 0 || (await next.getAttribute('class')).includes('disabled')) break;
          await next.click();
          await page
            .locator('#flagged .ant-pagination-item-active', { hasText: new RegExp(`^${pageNumber + 1}$`) })
            .waitFor({ timeout: 5000 })
            .catch(() => undefined);
        }
        await page.waitForTimeout(1000);
      }
      return null;
    };
    const content = await findFlag();
    check(content !== null, 'the flag is not on the dashboard');
    check(content.includes('红灯'), 'the flag is not red');
    await flagged
      .first()
      .scrollIntoViewIfNeeded({ timeout: 3000 })
      .catch(() => undefined);
    await screenshot('leader-dashboard-flag');
  });

  await step("the leader's reminders list the submitted month, which opens in 审核", async () => {
    await page.locator('app-reminders-button button.bell').click();
    const item = page
      .locator('#reminders-panel .task', { hasText: project.name })
      .filter({ hasText: periodLabel(period) });
    await item.waitFor();
    check((await text(item)).includes('待审核'), 'the reminder is not an approval');
    await screenshot('leader-reminders');
    await page.locator('.sider [nz-menu-item] a', { hasText: '审核' }).click();
    await page.waitForURL((url) => url.pathname === '/reviews');
    const inboxRow = page
      .locator('tbody tr.ant-table-row', { hasText: project.name })
      .filter({ hasText: periodLabel(period) });
    await inboxRow.waitFor();
    await page.locator('nz-table .ant-spin-blur').waitFor({ state: 'detached' });
    await screenshot('review-inbox');
    await inboxRow.getByRole('link', { name: '查看并审核' }).click();
    await page.waitForURL((url) => url.pathname === `/reviews/${project.id}/${period}`);
    const row = page.locator('tbody tr', { hasText: MISSED });
    await row.getByText('红灯', { exact: true }).waitFor();
    check((await text(row)).includes('3次'), 'the review does not show the reported value');
    check(
      (await text(row)).includes('下半年每月开展两次主题党日'),
      'the review does not show the corrective action',
    );
    await page.locator('.flagged.has-flags').waitFor();
    await screenshot('review-detail', true);
  });

  await step('returning needs a reason', async () => {
    await page.locator('button.return').click();
    const dialog = page.locator('.ant-modal', { hasText: '退回修改' });
    await dialog.waitFor();
    await dialog.locator('.ant-modal-footer .ant-btn-dangerous').click();
    await dialog.locator('#return-reason-error', { hasText: '请填写退回原因' }).waitFor();
    await screenshot('review-return-needs-reason');
    await dialog.locator('#return-reason').fill(RETURN_REASON);
    await dialog.locator('.ant-modal-footer .ant-btn-dangerous').click();
    await page.waitForURL((url) => url.pathname === '/reviews');
    await page.locator('.ant-message', { hasText: '已退回' }).waitFor();
    await logOut();
  });

  await step('the lead sees the return in the reminders and on the entry page', async () => {
    await logIn(LEAD);
    await page.locator('app-reminders-button button.bell').click();
    const item = page
      .locator('#reminders-panel .task', { hasText: '已退回' })
      .filter({ hasText: periodLabel(period) });
    await item.waitFor();
    check((await text(item)).includes(RETURN_REASON), 'the reminder does not give the reason');
    await screenshot('lead-returned-reminder');
    await item.click();
    await page.waitForURL((url) => url.pathname === `/reports/${project.id}/${period}`);
    await page.locator('.returned', { hasText: RETURN_REASON }).waitFor();
    check(
      !(await missedRow().locator('[data-cell=actual]').isDisabled()),
      'a returned month is not editable',
    );
    check(
      (await missedRow().locator('[data-cell=actual]').inputValue()) === '3次',
      'the returned month lost its values',
    );
    await screenshot('entry-returned');
  });

  console.log(`all steps passed; screenshots in ${screenshotDir}`);
});
