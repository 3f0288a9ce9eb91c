// Browser check of login and session handling against a running server (backend serving the built frontend).
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/login.e2e.mjs
//
// Env: BASE_URL (required), DEMO_PASSWORD (default Jixiao@2025), CHROMIUM_PATH (default /usr/bin/chromium),
// SCREENSHOT_DIR (default: a new temporary folder), HEADED=1 to watch it.
// Needs the demo accounts (any non-production start) and imported data (a fresh start seeds it). One wrong
// password is tried for admin; the successful login after it resets the failure counter.
// Exits non-zero on the first failed step.
import { openPage } from './support/browser.mjs';

const SESSION_KEY = 'jixiao.session';

const { baseUrl, password, screenshotDir, page, screenshot, check, step, run } = await openPage({
  width: 1280,
  height: 800,
  fullPageShots: true,
  timeoutMs: 15_000,
});

const pathAndQuery = () => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};
const storedSession = () =>
  page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? 'null'), SESSION_KEY);
const visibleNotifications = () => page.locator('.ant-notification-notice').count();

/** ng-zorro's stylesheet applies (a CSP that blocks it leaves a working but unstyled page). */
async function checkStyled(selector) {
  const color = await page
    .locator(selector)
    .first()
    .evaluate((element) => getComputedStyle(element).backgroundColor);
  const [red, , blue] = (color.match(/\d+/g) ?? []).map(Number);
  check(blue > 200 && red < 100, `${selector} is not drawn in the theme colour (${color}): styles missing?`);
}

async function logIn(username, secret) {
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(secret);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

async function expectProjectList() {
  await page.waitForURL((url) => url.pathname === '/projects');
  await page.locator('tbody tr.ant-table-row').first().waitFor();
}

/** The landing page after login: the dashboard, once its numbers are in. */
async function expectDashboard() {
  await page.waitForURL((url) => url.pathname === '/dashboard');
  await page.locator('.kpi-value').first().waitFor();
}

await run(async () => {
  await step('opening / while signed out shows the login page', async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.locator('h1', { hasText: '绩效目标管理' }).waitFor();
    await page.getByText('演示账户：admin / leader / auditor / lead01…，密码见启动输出').waitFor();
    check((await page.title()) === '登录 · 绩效目标管理', `title is ${await page.title()}`);
    await checkStyled('button.ant-btn-primary');
    await screenshot('login');
  });

  await step(
    "a wrong password shows the server's one refusal, saying nothing about the account",
    async () => {
      await logIn('admin', `${password}-wrong`);
      const alert = page.locator('[role=alert]');
      await alert.getByText('用户名或密码错误，或账户暂不可用').waitFor();
      check(!/再失败|锁定/.test(await alert.textContent()), 'the refusal tells how many attempts are left');
      check((await alert.textContent()).includes('登录失败'), 'the alert has no title');
      check((await page.locator('#login-password').inputValue()) === '', 'the wrong password was kept');
      check((await visibleNotifications()) === 0, 'a notification repeated the inline message');
      check(pathAndQuery().startsWith('/login'), `left the login page: ${pathAndQuery()}`);
      await screenshot('wrong-password');
    },
  );

  let firstSession;
  await step('admin signs in and lands on the dashboard with name and role in the header', async () => {
    await logIn('admin', password);
    await expectDashboard();
    await page.locator('.user-role', { hasText: '绩效管理员' }).waitFor();
    firstSession = await storedSession();
    check(firstSession?.accessToken && firstSession?.refreshToken, 'no session in sessionStorage');
    const name = (await page.locator('.user-name').textContent()).trim();
    check(name === firstSession.user.displayName, `header shows ${name}`);
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    await checkStyled('.ant-menu-item-selected');
    await screenshot('dashboard');
  });

  await step('a reload keeps the session', async () => {
    await page.reload();
    await expectDashboard();
  });

  await step('an expired access token is refreshed once and the request replayed', async () => {
    const refreshes = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/refresh')) refreshes.push(request);
    });
    // The server's answer for an expired token, given once: waiting 15 minutes for a real one is no test.
    await page.route(
      (url) => url.pathname === '/api/departments',
      (route) =>
        route.fulfill({
          status: 401,
          contentType: 'application/json',
          body: JSON.stringify({ statusCode: 401, code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' }),
        }),
      { times: 1 },
    );
    await page.reload();
    await expectDashboard();
    check(refreshes.length === 1, `${refreshes.length} refresh requests`);
    const session = await storedSession();
    check(session.refreshToken !== firstSession.refreshToken, 'the refresh token did not rotate');
    check((await visibleNotifications()) === 0, 'a notification was shown for the recovered 401');
  });

  await step('a session ended elsewhere leads to the login page, which says it expired', async () => {
    // End the server session behind the app's back, as an idle timeout or a logout elsewhere would.
    const { accessToken } = await storedSession();
    const status = await page.evaluate(
      (token) =>
        fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).then(
          (response) => response.status,
        ),
      accessToken,
    );
    check(status === 204, `logout behind the app's back answered ${status}`);
    await page.goto(`${baseUrl}/projects?year=2025`);
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('reason') === 'expired');
    check(
      new URL(page.url()).searchParams.get('returnUrl') === '/projects?year=2025',
      `returnUrl in ${page.url()}`,
    );
    await page.locator('[role=status]', { hasText: '登录已过期，请重新登录' }).waitFor();
    check((await storedSession()) === null, 'the ended session is still stored');
    check((await visibleNotifications()) === 0, 'a notification repeated the expiry message');
    await screenshot('expired');
  });

  await step('signing in again returns to the page the user was on', async () => {
    await logIn('admin', password);
    await expectProjectList();
    check(pathAndQuery() === '/projects?year=2025', `landed on ${pathAndQuery()}`);
  });

  await step('退出登录 ends the session on the server and shows the login page', async () => {
    const { accessToken } = await storedSession();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.locator('#login-username').waitFor();
    check((await storedSession()) === null, 'the session is still stored');
    const status = await page.evaluate(
      (token) =>
        fetch('/api/auth/me', { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status),
      accessToken,
    );
    check(status === 401, `the old access token still works (${status})`);
    await page.goto(`${baseUrl}/projects`);
    await page.waitForURL((url) => url.pathname === '/login');
    await screenshot('logged-out');
  });

  console.log(`all steps passed; screenshots in ${screenshotDir}`);
});
