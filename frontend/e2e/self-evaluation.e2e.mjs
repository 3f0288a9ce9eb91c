// Browser check of 绩效自评 against a running server (backend serving the built frontend): the leader opens the
// department's year, downloads the whole-year workbook and the Word report, opens one project's 自评表 and
// screenshots it on screen and as printed.
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/self-evaluation.e2e.mjs
//
// Env: BASE_URL (required), DEMO_PASSWORD (default Jixiao@2025), CHROMIUM_PATH (default /usr/bin/chromium),
// SCREENSHOT_DIR (default: a new temporary folder), HEADED=1 to watch it. Exits non-zero on the first failed step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage } from './support/browser.mjs';

const { baseUrl, password, screenshotDir, page, screenshot, check, step, run } = await openPage({
  width: 1280,
  height: 800,
  fullPageShots: true,
  contextOptions: { acceptDownloads: true },
});

let downloads = 0;

/** Clicks a download button and checks the file is a non-empty zip (xlsx and docx both start with PK). */
async function download(selector, extension) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const name = file.suggestedFilename();
  check(name.endsWith(extension), `downloaded ${name}, expected a ${extension}`);
  downloads += 1;
  const path = join(screenshotDir, `download-${downloads}${extension}`);
  await file.saveAs(path);
  const bytes = readFileSync(path);
  check(bytes.length > 100, `${name} is empty (${bytes.length} bytes)`);
  check(bytes[0] === 0x50 && bytes[1] === 0x4b, `${name} does not start with PK`);
  return { name, size: bytes.length };
}

await run(async () => {
  await step('the leader signs in and opens 绩效自评 from the menu', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.locator('#login-username').fill('leader');
    await page.locator('#login-password').fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/dashboard');
    await page.locator('.ant-menu').getByText('绩效自评', { exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/self-evaluation');
    await page.locator('tr[data-project]').first().waitFor();
    check((await page.title()).startsWith('绩效自评'), `title is ${await page.title()}`);
    await screenshot('overview');
  });

  await step('the whole-year workbook downloads as xlsx', async () => {
    const file = await download('[data-download=workbook]', '.xlsx');
    console.log(`  ${file.name}: ${file.size} bytes`);
  });

  await step('the Word report downloads as docx', async () => {
    const file = await download('[data-download=report]', '.docx');
    console.log(`  ${file.name}: ${file.size} bytes`);
  });

  await step("one project's 自评表 shows the official layout", async () => {
    await page.locator('tr[data-project] a').first().click();
    await page.waitForURL((url) => /^\/self-evaluation\/[0-9a-f-]{36}\/\d{4}$/.test(url.pathname));
    await page.locator('table.sheet tr.indicator').first().waitFor();
    for (const label of [
      '项目名称',
      '主管部门',
      '实施单位',
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '年度总体目标',
    ]) {
      await page.locator('table.sheet th', { hasText: label }).first().waitFor();
    }
    check((await page.locator('[data-action=save]').count()) === 0, 'the leader may not edit values');
    await screenshot('sheet');
  });

  await step('the 自评表 prints without navigation, with borders', async () => {
    await page.emulateMedia({ media: 'print' });
    check(!(await page.locator('.ant-layout-sider').isVisible()), 'the menu shows on paper');
    check(!(await page.locator('[data-action=print]').isVisible()), 'the toolbar shows on paper');
    const border = await page
      .locator('table.sheet td')
      .first()
      .evaluate((cell) => getComputedStyle(cell).borderTopStyle);
    check(border === 'solid', `cells have no border on paper (${border})`);
    await screenshot('sheet-print');
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    check(pdf.length > 1000, 'the PDF is empty');
    await page.emulateMedia({ media: 'screen' });
  });
});
console.log(`screenshots: ${screenshotDir}`);
