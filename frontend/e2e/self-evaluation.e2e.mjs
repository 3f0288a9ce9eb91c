// Browser check of 绩效自评 against a running server (backend serving the built frontend): the leader opens the
// department's year, downloads the whole-year workbook and the Word report, opens one project's 自评表 and
// screenshots it on screen and as printed.
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/self-evaluation.e2e.mjs
//
// Env: BASE_URL (required), DEMO_PASSWORD (default Jixiao@2025), CHROMIUM_PATH (default /usr/bin/chromium),
// SCREENSHOT_DIR (default: a new temporary folder), HEADED=1 to watch it. Exits non-zero on the first failed step.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const baseUrl = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
if (!baseUrl) {
  console.error('BASE_URL is required, e.g. BASE_URL=http://localhost:3000');
  process.exit(2);
}
const password = process.env.DEMO_PASSWORD ?? 'Jixiao@2025';
const screenshotDir = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
mkdirSync(screenshotDir, { recursive: true });
const TIMEOUT_MS = 20_000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: !process.env.HEADED,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const context = await browser.newContext({
  viewport: { width: 1280, height: 800 },
  locale: 'zh-CN',
  acceptDownloads: true,
});
context.setDefaultTimeout(TIMEOUT_MS);
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (error) => pageErrors.push(error));

let shots = 0;
async function screenshot(name) {
  shots += 1;
  const path = join(screenshotDir, `${String(shots).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function step(title, body) {
  await body();
  check(pageErrors.length === 0, `uncaught error in the page: ${pageErrors[0]?.stack ?? pageErrors[0]}`);
  console.log(`ok - ${title}`);
}

/** Clicks a download button and checks the file is a non-empty zip (xlsx and docx both start with PK). */
async function download(selector, extension) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const name = file.suggestedFilename();
  check(name.endsWith(extension), `downloaded ${name}, expected a ${extension}`);
  const path = join(screenshotDir, `download-${shots}${extension}`);
  await file.saveAs(path);
  const bytes = readFileSync(path);
  check(bytes.length > 100, `${name} is empty (${bytes.length} bytes)`);
  check(bytes[0] === 0x50 && bytes[1] === 0x4b, `${name} does not start with PK`);
  return { name, size: bytes.length };
}

try {
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
} catch (error) {
  await screenshot('failure').catch(() => undefined);
  console.error(`not ok - ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  console.log(`screenshots: ${screenshotDir}`);
}
