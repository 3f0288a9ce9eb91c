// Browser check of 部门整体 reported like a project (issue 19, docs/domain.md §11) against a running server: the
// admin, the department-wide goals' default reporter, opens 填报 from the menu, picks 部门整体 and a month, fills
// every department-wide annual indicator and submits; the leader finds the month in 审核 and approves it.
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/overall-cycle.e2e.mjs
//
// Env: BASE_URL (required), DEMO_PASSWORD (default Jixiao@2025), CHROMIUM_PATH (default /usr/bin/chromium),
// SCREENSHOT_DIR (default: a new temporary folder), HEADED=1 to watch it. Exits non-zero on the first failed step.
// Needs the demo accounts and the seeded department. The month is the first of June–December whose
// department-wide report is not submitted yet, so the script can run again on the same data.
import { openPage } from './support/browser.mjs';

const ADMIN = 'admin';
const LEADER = 'leader';

// Leaving the entry page with unsaved input asks first; the script always saves, so any dialog is a failure.
const { password, screenshotDir, page, screenshot, check, step, text, api, logIn, logOut, run } =
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

/** The department, and the first month from June on whose department-wide report is still open. */
async function chooseMonth() {
  const { body: session } = await api('POST', '/auth/login', null, { username: ADMIN, password });
  const token = session.accessToken;
  const { body: departments } = await api('GET', '/departments', token);
  const department = departments[0];
  const year = Math.max(...department.years);
  const { body: overall } = await api(
    'GET',
    `/departments/${department.code}/years/${year}?asOf=${year}-12`,
    token,
  );
  const open = overall.reportPeriods.find(
    (item) => monthOf(item.period) >= 6 && !['submitted', 'approved'].includes(item.status),
  );
  check(open, 'every department-wide month from June on is already submitted');
  return { token, code: department.code, name: department.name, year, period: open.period };
}

await run(async () => {
  const { token, code, name, year, period } = await chooseMonth();
  const entryPath = `/reports/overall/${code}/${period}`;

  await step('the admin opens 部门整体 from 填报 (their home) and picks the month', async () => {
    await logIn(ADMIN);
    await page.locator('.sider [nz-menu-item] a', { hasText: '填报' }).click();
    await page.waitForURL((url) => url.pathname === '/reports');
    const overall = page.locator(`section.project[data-project="overall-${code}"]`);
    await overall.locator('.project-name', { hasText: '部门整体' }).waitFor();
    await overall.locator(`a.month[data-period="${period}"]`).click();
    await page.waitForURL((url) => url.pathname === entryPath);
    await page.locator('tr.entry-row').first().waitFor();
    await page.locator('.page-title', { hasText: `${name} · 部门整体 · ${periodLabel(period)}` }).waitFor();
    check((await page.locator('#budget-executed').count()) === 0, '部门整体 shows a budget execution field');
    await screenshot('overall-entry');
  });

  await step('the admin fills every department-wide annual indicator and submits', async () => {
    const rows = page.locator('tr.entry-row');
    const count = await rows.count();
    check(count > 0, 'no department-wide annual indicator rows');
    for (let index = 0; index < count; index += 1) {
      const row = rows.nth(index);
      const actual = row.locator('[data-cell=actual]');
      if (!(await actual.inputValue()).trim())
        await actual.fill(valueFor(await text(row.locator('.target'))));
    }
    check((await page.locator('.field-error').count()) === 0, 'a field shows an error');
    await page.locator('button.submit').click();
    await page.locator('.ant-modal-confirm').waitFor();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await page.locator('.read-only', { hasText: '本期已提交' }).waitFor();
    await page.locator('.ant-modal-mask').waitFor({ state: 'detached' });
    check((await page.locator('button.submit').count()) === 0, 'the submit button is still there');
    await screenshot('overall-submitted');
    await logOut();
  });

  await step('the leader finds the month in 审核 and approves it', async () => {
    await logIn(LEADER);
    await page.locator('.sider [nz-menu-item] a', { hasText: '审核' }).click();
    await page.waitForURL((url) => url.pathname === '/reviews');
    const inboxRow = page
      .locator('tbody tr.ant-table-row', { hasText: '部门整体' })
      .filter({ hasText: periodLabel(period) });
    await inboxRow.waitFor();
    await page.locator('nz-table .ant-spin-blur').waitFor({ state: 'detached' });
    await inboxRow.getByRole('link', { name: '查看并审核' }).click();
    await page.waitForURL((url) => url.pathname === `/reviews/overall/${code}/${period}`);
    await page.locator('.page-title', { hasText: '部门整体' }).waitFor();
    await page.locator('button.approve').click();
    await page.locator('.ant-modal-confirm').waitFor();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await page.waitForURL((url) => url.pathname === '/reviews');
    await page.locator('.ant-message', { hasText: '已审核通过' }).waitFor();
    const { body: overall } = await api('GET', `/departments/${code}/years/${year}?asOf=${period}`, token);
    const state = overall.reportPeriods.find((item) => item.period === period);
    check(state?.status === 'approved', `the month is ${state?.status}, not approved`);
    await screenshot('overall-approved');
  });

  console.log(`all steps passed; screenshots in ${screenshotDir}`);
});
