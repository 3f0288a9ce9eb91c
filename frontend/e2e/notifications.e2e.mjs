// Browser check of reminders that reach people (docs/domain.md, "Reminders and the leadership digest") against a
// running server: the leader returns a submitted month with a reason; its lead sees the notification with the
// reason in the header at once, opens it (the month to fix) and it is marked read; the leader opens the month's
// printable leadership digest from the dashboard. Screenshots at 1366 and 390 px.
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/notifications.e2e.mjs
//
// Env: see support/browser.mjs. Needs the demo accounts and a submitted month (npm run demo writes some); the
// month is submitted again at the end, so the script can run again on the same data.
import { openPage } from './support/browser.mjs';

const { baseUrl, page, screenshot, check, step, api, token, logIn, run } = await openPage({
  width: 1366,
  height: 800,
});
const REASON = `培训签到表与上报人数不符，请核对后重新提交（${new Date().toISOString().slice(11, 19)}）`;
const periodLabel = (period) => `${period.slice(0, 4)} 年 ${Number(period.slice(5, 7))} 月`;

async function logOut() {
  await page.locator('button.logout').click();
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
}

await run(async () => {
  const leaderToken = await token('leader');
  const pending = (await api('GET', '/me/tasks', leaderToken)).body?.tasks ?? [];
  const month = pending.find((task) => task.kind === 'review' && task.projectId !== null);
  check(month, 'no submitted project month to return in the demo data');
  const project = (await api('GET', `/projects/${month.projectId}`, leaderToken)).body;
  const lead = project?.leads?.[0]?.username;
  check(lead, `project ${month.projectName} has no lead`);
  const item = page.locator('#notifications-panel .notification', { hasText: REASON });

  await step('the leader returns a submitted month with a reason', async () => {
    await logIn('leader');
    await page.goto(`${baseUrl}/reviews/${month.projectId}/${month.period}`);
    await page.locator('button.return').click();
    const dialog = page.locator('.ant-modal', { hasText: '退回修改' });
    await dialog.locator('#return-reason').fill(REASON);
    await dialog.locator('.ant-modal-footer .ant-btn-dangerous').click();
    await page.waitForURL((url) => url.pathname === '/reviews');
    await page.locator('.ant-message', { hasText: '已退回' }).waitFor();
    await logOut();
  });

  await step(
    'the lead sees the notification with the reason and the unread count in the header',
    async () => {
      await logIn(lead);
      const badge = page.locator('app-notifications-button .count');
      await badge.waitFor();
      check(Number(await badge.textContent()) >= 1, `the unread count reads ${await badge.textContent()}`);
      await page.locator('app-notifications-button button.bell').click();
      await item.waitFor();
      check(
        await item.evaluate((el) => el.classList.contains('unread')),
        'the new notification is not unread',
      );
      const text = await item.textContent();
      check(
        text.includes('被退回') && text.includes(periodLabel(month.period)),
        `the notification reads: ${text}`,
      );
      await screenshot('lead-notification-1366');
    },
  );

  await step('the lead opens it: the returned month, and the notification is read', async () => {
    const unreadBefore = Number(await page.locator('app-notifications-button .count').textContent());
    await item.click();
    await page.waitForURL((url) => url.pathname === `/reports/${month.projectId}/${month.period}`);
    await page.locator('.returned', { hasText: REASON }).waitFor();
    const mine = (await api('GET', '/notifications', await token(lead))).body;
    const opened = mine.notifications.find((n) => n.reason === REASON);
    check(opened?.readAt, 'the opened notification is not marked read on the server');
    check(mine.unread === unreadBefore - 1, `unread ${mine.unread}, was ${unreadBefore}`);
    await page.locator('app-notifications-button button.bell').click();
    await item.waitFor();
    check(
      !(await item.evaluate((el) => el.classList.contains('unread'))),
      'the opened notification is still unread',
    );
    await screenshot('lead-notification-read-1366');
  });

  await step('on a phone the panel fits the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.locator('app-notifications-button button.bell').click();
    await item.waitFor();
    const box = await page.locator('#notifications-panel').boundingBox();
    check(
      box && box.x >= 0 && box.x + box.width <= 390,
      `the panel overflows the phone: ${JSON.stringify(box)}`,
    );
    await screenshot('lead-notification-390');
    await page.setViewportSize({ width: 1366, height: 800 });
    await logOut();
  });

  await step('the leader opens the printable digest of the month from the dashboard', async () => {
    await logIn('leader');
    await page.goto(`${baseUrl}/dashboard?asOf=${month.period}`);
    await page.locator('a.digest-link').waitFor();
    await screenshot('dashboard-digest-link-1366');
    await page.locator('a.digest-link').click();
    await page.waitForURL((url) => url.pathname === `/digest/${month.departmentCode}/${month.period}`);
    await page.locator('.digest .flagged h3').waitFor();
    const heading = await page.locator('.digest .flagged h3').textContent();
    check(/红灯 \d+ 项/.test(heading), `the flagged section reads: ${heading}`);
    await page.locator('.digest .projected h3').waitFor();
    await page.locator('.digest .overdue h3').waitFor();
    await screenshot('digest-1366');
    await screenshot('digest-page', true);
    await page.emulateMedia({ media: 'print' });
    check(!(await page.locator('.ant-layout-header').isVisible()), 'the header is printed');
    check(!(await page.locator('button.print').isVisible()), 'the print button is printed');
    await screenshot('digest-print');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.digest').waitFor();
    await screenshot('digest-390');
    await page.setViewportSize({ width: 1366, height: 800 });
  });

  await step('the month is submitted again, so the script can run again', async () => {
    const answer = await api(
      'POST',
      `/projects/${month.projectId}/periods/${month.period}/submit`,
      await token(lead),
      {
        acknowledgeWarnings: true,
      },
    );
    check(answer.status === 200, `resubmitting answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  });
});
