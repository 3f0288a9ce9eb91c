// What every browser script needs, once: the server's address, Debian's chromium, a page that records uncaught
// errors, numbered screenshots, steps that fail on the first page error, the API and signing in and out.
//
// Env: BASE_URL (required), DEMO_PASSWORD (default Jixiao@2025), CHROMIUM_PATH (default /usr/bin/chromium),
// SCREENSHOT_DIR (default: a new temporary folder), HEADED=1 to watch it.
//
// Options: the viewport (width, height), timeoutMs, the browser's locale, fullPageShots (screenshots of the whole
// page unless a call says otherwise), failOnDialog (an unexpected alert/confirm fails the next step) and
// contextOptions (e.g. acceptDownloads).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export async function openPage({
  width = 1280,
  height = 720,
  timeoutMs = 20_000,
  locale = 'zh-CN',
  fullPageShots = false,
  failOnDialog = false,
  contextOptions = {},
} = {}) {
  const baseUrl = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
  if (!baseUrl) {
    console.error('BASE_URL is required, e.g. BASE_URL=http://localhost:3000');
    process.exit(2);
  }
  const password = process.env.DEMO_PASSWORD ?? 'Jixiao@2025';
  const screenshotDir = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  mkdirSync(screenshotDir, { recursive: true });

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
  const context = await browser.newContext({ viewport: { width, height }, locale, ...contextOptions });
  context.setDefaultTimeout(timeoutMs);
  const page = await context.newPage();
  /** What went wrong in a page; a step fails on the first. Push to it from listeners of your own. */
  const pageErrors = [];
  /** Records the uncaught errors of a page (this one, or another one a script opens). */
  const watch = (target) => target.on('pageerror', (error) => pageErrors.push(error));
  watch(page);
  if (failOnDialog)
    page.on('dialog', (dialog) => {
      pageErrors.push(new Error(`unexpected dialog: ${dialog.message()}`));
      void dialog.dismiss();
    });

  let shots = 0;
  const screenshot = async (name, fullPage = fullPageShots) => {
    shots += 1;
    const path = join(screenshotDir, `${String(shots).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path, fullPage });
    return path;
  };
  const check = (condition, message) => {
    if (!condition) throw new Error(message);
  };
  const step = async (title, body) => {
    await body();
    check(pageErrors.length === 0, `uncaught error in the page: ${pageErrors[0]?.stack ?? pageErrors[0]}`);
    console.log(`ok - ${title}`);
  };
  const api = async (method, path, token, body) => {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  };
  const token = async (username) =>
    (await api('POST', '/auth/login', null, { username, password })).body?.accessToken;
  const logIn = async (username) => {
    await page.goto(`${baseUrl}/login`);
    await page.locator('#login-username').fill(username);
    await page.locator('#login-password').fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.locator('.user-name').waitFor();
  };
  const logOut = async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
  };
  /** An element's text with its white space collapsed. */
  const text = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  /** Runs the steps; a failure is reported with a screenshot and the exit code, the browser always closed. */
  const run = async (steps) => {
    try {
      await steps();
    } catch (error) {
      console.error(`not ok - ${error instanceof Error ? error.message : error}`);
      console.error(`screenshot: ${await screenshot('failure', true).catch(() => 'none')}`);
      process.exitCode = 1;
    } finally {
      await browser.close();
    }
  };
  return {
    baseUrl,
    password,
    screenshotDir,
    browser,
    context,
    page,
    pageErrors,
    watch,
    screenshot,
    check,
    step,
    text,
    api,
    token,
    logIn,
    logOut,
    run,
  };
}
