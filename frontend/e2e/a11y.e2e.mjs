// Accessibility and language check against a running server with the demo half year: axe-core (WCAG 2.1 A and
// AA, failing on serious or critical violations) on every main screen — login, dashboard, project list and
// detail, 部门整体, 绩效自评 and a sheet, 填报 home and grid, 审核 list and detail, every admin page — then the
// English switch: the header and a page read English, a reload and a new sign-in keep it (it is kept on the
// account), a browser set to English starts in English, and switching back restores Chinese.
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/a11y.e2e.mjs
//
// Env: BASE_URL (required), DEMO_PASSWORD (default Jixiao@2025), CHROMIUM_PATH (default /usr/bin/chromium),
// SCREENSHOT_DIR (default: a new temporary folder), HEADED=1 to watch it. Exits non-zero on the first failed step.
import { DEMO_YEAR, seedDemo } from '../../scripts/demo-data.mjs';
import { checkAccessibility } from './support/axe.mjs';
import { openPage } from './support/browser.mjs';

const JUNE = `${DEMO_YEAR}-06`;
/** The account whose language the English check switches (and sets back to Chinese whatever happens). */
const ENGLISH_USER = 'auditor';
/** Every screen is checked on a laptop; the main screens again on a tablet (portrait) and a phone. */
const LAPTOP = { width: 1366, height: 768 };
const NARROW = [
  { width: 768, height: 1024, name: 'tablet' },
  { width: 390, height: 844, name: 'phone' },
];

const { baseUrl, password, browser, page, pageErrors, watch, screenshot, check, step, text, api, run } =
  await openPage({ ...LAPTOP, fullPageShots: true });

/** The page has loaded its data: no request in flight, no spinner or skeleton left. */
async function settle() {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () =>
      !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-table-placeholder .ant-spin'),
  );
}

async function apiLogin(username) {
  const res = await api('POST', '/auth/login', null, { username, password });
  check(res.status === 200, `API login of ${username} answered ${res.status}`);
  return res.body;
}

async function signIn(username) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('form button[type=submit]').click();
  // Leads land on their home (/reports), everyone else on the dashboard.
  await page.waitForURL((url) => url.pathname === '/dashboard' || url.pathname === '/reports');
  await settle();
}

async function signOut() {
  await page.locator('button.logout').click();
  await page.waitForURL((url) => url.pathname === '/login');
}

/** axe findings of every screen, reported together at the end (one run names everything to fix). */
const violations = [];

async function checkScreen(name) {
  try {
    await checkAccessibility(page, name);
  } catch (error) {
    violations.push(error.message);
    console.log(`not ok - ${name}: serious or critical accessibility violations (listed at the end)`);
    return false;
  }
  return true;
}

/** Opens a screen, waits for its data, keeps a screenshot and checks it with axe. */
async function audit(name, path, ready) {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
  await settle();
  if (ready) {
    await ready();
  }
  await screenshot(name);
  if (await checkScreen(name)) {
    console.log(`ok - ${name} (${path}) has no serious or critical accessibility violation`);
  }
  check(pageErrors.length === 0, `uncaught error in the page: ${pageErrors[0]?.stack ?? pageErrors[0]}`);
}

/** A role's main screens on the laptop, then on the tablet and the phone. */
async function auditAtEveryWidth(screens) {
  for (const [name, path, ready] of screens) await audit(name, path, ready);
  for (const size of NARROW) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const [name, path, ready] of screens) await audit(`${name}-${size.name}`, path, ready);
  }
  await page.setViewportSize(LAPTOP);
}

await run(async () => {
  try {
    // The demo data is there (the e2e runner seeds it; nothing is written when it is).
    const { projects } = await seedDemo(baseUrl, password);
    const project = (lead) => {
      const found = projects.find((item) => item.lead === lead);
      check(found, `no demo project led by ${lead}`);
      return found;
    };

    await auditAtEveryWidth([['login', '/login', () => page.locator('#login-username').waitFor()]]);

    // 部门领导: the reading screens and the review.
    await signIn('leader');
    await auditAtEveryWidth([
      ['dashboard', '/dashboard', () => page.locator('.kpi-value').first().waitFor()],
      ['project-list', '/projects', () => page.locator('tbody tr.ant-table-row').first().waitFor()],
      ['project-detail', `/projects/${project('lead01').id}`],
      ['overall', '/overall'],
      ['self-evaluation', '/self-evaluation'],
      ['self-evaluation-sheet', `/self-evaluation/${project('lead03').id}/${DEMO_YEAR}`],
      ['review-inbox', '/reviews'],
      ['review-detail', `/reviews/${project('lead07').id}/${JUNE}`],
    ]);
    // The month's printable leadership digest, as the dashboard links it.
    await page.goto(`${baseUrl}/dashboard?asOf=${JUNE}`);
    const digest = await page.locator('a.digest-link').getAttribute('href');
    await audit('digest', digest, () => page.locator('.digest .flagged h3').waitFor());
    await signOut();

    // 项目负责人: their home (我的项目) and the entry grid.
    await signIn('lead01');
    await auditAtEveryWidth([
      ['lead-home', '/reports'],
      [
        'report-entry',
        `/reports/${project('lead01').id}/${JUNE}`,
        () => page.locator('input').first().waitFor(),
      ],
    ]);
    await signOut();

    // 绩效管理员: every admin page.
    await signIn('admin');
    for (const tab of [
      'users',
      'assignments',
      'import',
      'trees',
      'periods',
      'audit',
      'targets',
      'target-review',
      'rules',
    ]) {
      await audit(`admin-${tab}`, `/admin/${tab}`);
    }
    await signOut();

    // English.
    await signIn(ENGLISH_USER);
    await step('the header switch turns the app English, kept on the account', async () => {
      const signOutButton = page.locator('button.logout');
      check((await text(signOutButton)) === '退出登录', `the header reads ${await text(signOutButton)}`);
      await page.locator('button.locale-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en-US');
      await settle();
      check((await text(page.locator('button.logout'))) === 'Sign out', 'the header is not English');
      check((await text(page.locator('nav, [nz-menu]').first())).includes('Home'), 'the menu is not English');
      await page.locator('h1, h2', { hasText: 'Monitoring dashboard' }).first().waitFor();
      check(
        (await page.title()) === 'Home · Performance Target Management',
        `the title is ${await page.title()}`,
      );
      check((await text(page.locator('button.locale-switch'))) === '中文', 'the switch does not offer 中文');
      const login = await apiLogin(ENGLISH_USER);
      check(login.user.locale === 'en-US', `the account keeps ${login.user.locale}`);
      await screenshot('dashboard-en');
      await checkScreen('dashboard (English)');
    });

    await step('a reload and another page stay English', async () => {
      await page.reload();
      await settle();
      check((await text(page.locator('button.logout'))) === 'Sign out', 'a reload went back to Chinese');
      await page.goto(`${baseUrl}/projects`);
      await settle();
      await page.locator('tbody tr.ant-table-row').first().waitFor();
      const headers = await text(page.locator('thead'));
      check(headers.includes('Project') && !/项目预警/.test(headers), `the project list reads: ${headers}`);
      await screenshot('projects-en');
      await checkScreen('project list (English)');
    });

    await step("an indicator's light is explained in English, computed in the browser", async () => {
      await page.goto(`${baseUrl}/projects/${project('lead01').id}?asOf=${JUNE}`);
      await settle();
      const badges = page.locator('app-goal-tree .col-light .badge[aria-label]');
      await badges.first().waitFor();
      const labels = await badges.evaluateAll((nodes) =>
        nodes.map((node) => node.getAttribute('aria-label')),
      );
      check(
        labels.some((label) => /Progress = .+ → (red|yellow|green|blue) light/.test(label)),
        `no light explained in English: ${labels.join(' | ')}`,
      );
      const chinese = labels.filter((label) => /进度值|完成值|→ (红|黄|绿|蓝|灰)灯|无法判定/.test(label));
      check(chinese.length === 0, `lights explained in Chinese on an English screen: ${chinese.join(' | ')}`);
      await screenshot('project-detail-en');
    });

    await step('signed out, the login page stays English; signing in again keeps it', async () => {
      await signOut();
      await page.locator('form button[type=submit]', { hasText: 'Sign in' }).waitFor();
      await signIn(ENGLISH_USER);
      check((await text(page.locator('button.logout'))) === 'Sign out', 'the account language was lost');
    });

    await step('a browser in English starts in English before sign-in', async () => {
      const english = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
      const other = await english.newPage();
      watch(other);
      try {
        await other.goto(`${baseUrl}/login`);
        await other.locator('form button[type=submit]', { hasText: 'Sign in' }).waitFor();
        check(
          (await other.evaluate(() => document.documentElement.lang)) === 'en-US',
          'html lang is not en-US',
        );
      } finally {
        await english.close();
      }
    });

    await step('switching back restores Chinese, on the account too', async () => {
      await page.locator('button.locale-switch', { hasText: '中文' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      await settle();
      check((await text(page.locator('button.logout'))) === '退出登录', 'the header is not Chinese again');
      const login = await apiLogin(ENGLISH_USER);
      check(login.user.locale === 'zh-CN', `the account keeps ${login.user.locale}`);
    });

    check(
      violations.length === 0,
      `axe found violations on ${violations.length} screen(s):\n${violations.join('\n')}`,
    );
  } catch (error) {
    if (violations.length && !String(error).includes('axe found')) {
      console.error(violations.join('\n'));
    }
    throw error;
  } finally {
    // The other browser scripts sign in as the same demo accounts, in Chinese.
    const session = await apiLogin(ENGLISH_USER).catch(() => null);
    if (session) {
      await api('PUT', '/auth/me/locale', session.accessToken, { locale: 'zh-CN' });
    }
  }
});
