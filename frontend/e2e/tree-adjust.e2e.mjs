// Browser check of 申报 → 批复 → 调整 (docs/domain.md "申报、批复与调整") against a running server: a project's lead
// opens the approved project, proposes 调整目标 for one indicator (the new target read live as it is typed) with a
// reason and an effective month; the leader approves it on the same page; the new target and its history are then
// visible, in the tree and in the indicator's month-by-month drawer. Screenshots at 1366, 768 and 390 px.
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/tree-adjust.e2e.mjs
//
// Env: see support/browser.mjs. Needs the demo accounts and the seeded department (its imported trees are
// approved); each run adjusts one indicator of lead01's project, effective from July.
import { openPage } from './support/browser.mjs';

const { baseUrl, page, screenshot, check, step, api, token, logIn, run } = await openPage({
  width: 1366,
  height: 800,
});

await run(async () => {
  const leadToken = await token('lead01');
  const me = await api('GET', '/auth/me', leadToken);
  check(me.status === 200, `me: ${me.status}`);
  const code = me.body.department?.code ?? '031';
  const projects = await api('GET', `/departments/${code}/years/2025/projects`, leadToken);
  check(projects.status === 200, `projects: ${projects.status} ${JSON.stringify(projects.body)}`);
  const project = projects.body.find((p) => p.leads.some((lead) => lead.username === 'lead01'));
  check(project, 'lead01 leads no project');
  const detail = await api('GET', `/projects/${project.id}`, leadToken);
  const indicator = detail.body.goals
    .filter((goal) => goal.term === 'annual')
    .flatMap((goal) => goal.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators)))
    .find((i) => i.target?.operator === '>=' && i.target.value > 0 && i.target.unit && i.target.unit !== '%');
  check(indicator, 'no annual indicator with a count to adjust');
  const oldTarget = indicator.targetHistory.at(-1)?.newTargetRaw ?? indicator.targetRaw;
  const newTarget = `≥${indicator.target.value * 2}${indicator.target.unit}`;
  const url = `${baseUrl}/projects/${project.id}`;
  const status = page.locator('[data-testid="tree-status"]');

  await step('the lead sees the approved tree and opens 调整目标', async () => {
    await logIn('lead01');
    await page.goto(url);
    await status.waitFor();
    check((await status.textContent())?.trim() === '已批复', `status: ${await status.textContent()}`);
    await page.getByRole('button', { name: '调整目标' }).click();
    await page.locator('.ant-modal-body #adjust-indicators, .ant-modal-body nz-select').first().click();
    await page.locator('nz-option-item', { hasText: indicator.name }).first().click();
    await page.keyboard.press('Escape').catch(() => {});
    const input = page.locator(`#adjust-target-${indicator.id}`);
    await input.waitFor();
    check(
      (await page.locator('.target-row .current').textContent())?.includes(oldTarget),
      'the current target is not shown',
    );
    await input.fill(newTarget);
    const reading = page.locator('.target-row .reading');
    await reading.waitFor();
    check(
      (await reading.textContent())?.includes(`${(indicator.target.value * 2).toLocaleString('zh-CN')}`),
      `the live reading does not show the new value: ${await reading.textContent()}`,
    );
    await page.locator('#adjust-reason').fill('上级下达任务增加，全年目标翻倍');
    await page.locator('.ant-modal-body nz-select').nth(1).click();
    await page.locator('nz-option-item', { hasText: /^\s*7 月\s*$/ }).click();
    await screenshot('adjust-dialog-1366');
  });

  await step('the lead proposes the adjustment and it waits for the leader', async () => {
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-message-success').first().waitFor();
    await page.locator('.adjustments summary', { hasText: '待审批 1 项' }).waitFor();
    await screenshot('pending-1366');
  });

  await step('the leader approves it on the project page', async () => {
    await logIn('leader');
    await page.goto(url);
    const pending = page.locator('.adjustment[data-status="submitted"]').filter({ hasText: newTarget });
    await pending.waitFor();
    for (const [width, height] of [
      [768, 1024],
      [390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      await pending.scrollIntoViewIfNeeded();
      await screenshot(`leader-pending-${width}`);
    }
    await page.setViewportSize({ width: 1366, height: 800 });
    await pending.getByRole('button', { name: '批准' }).click();
    await page.locator('.ant-message-success').first().waitFor();
    await page
      .locator('.adjustment[data-status="approved"]')
      .filter({ hasText: newTarget })
      .first()
      // Nothing pending any more: the list folds away, the approved request stays in it.
      .waitFor({ state: 'attached' });
    check(
      (await page.locator('.adjustment[data-status="submitted"]').count()) === 0,
      'the request is still pending',
    );
  });

  await step('the new target and its history are visible', async () => {
    await page.goto(`${url}?asOf=2025-12`);
    const row = page.locator(`tr#indicator-${indicator.id}`);
    await row.waitFor();
    check(
      (await row.locator('td.col-target').textContent())?.includes(newTarget),
      'the tree shows the old target',
    );
    check((await row.locator('.adjusted').count()) === 1, 'the row is not marked 已调整');
    await row.scrollIntoViewIfNeeded();
    await screenshot('tree-adjusted-1366');
    await row.locator('button.history-link').click();
    const history = page.locator('[data-testid="target-history"]');
    await history.waitFor();
    const text = (await history.textContent()) ?? '';
    check(text.includes(oldTarget) && text.includes(newTarget), `history: ${text}`);
    check(text.includes('7月起') && text.includes('上级下达任务增加'), `history: ${text}`);
    await screenshot('history-drawer-1366');
    // The drawer takes its width when it opens: open it again at each width.
    for (const [width, height] of [
      [768, 1024],
      [390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      await page.goto(`${url}?asOf=2025-12`);
      await page.locator(`tr#indicator-${indicator.id} button.history-link`).click();
      await history.waitFor();
      await screenshot(`history-drawer-${width}`);
    }
    // The department-wide tree shows its status on 部门整体, where the leader would approve its adjustments.
    for (const [width, height] of [
      [1366, 800],
      [768, 1024],
      [390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      await page.goto(`${baseUrl}/overall?department=${code}&year=2025`);
      const overall = page.locator('[data-testid="tree-status"]');
      await overall.waitFor();
      check((await overall.textContent())?.trim() === '已批复', `部门整体: ${await overall.textContent()}`);
      await screenshot(`overall-${width}`);
    }
    const audit = await api(
      'GET',
      '/audit?action=target-adjustment.approve&pageSize=20',
      await token('admin'),
    );
    check(audit.status === 200 && audit.body.items.length > 0, `no audit entry: ${audit.status}`);
  });
});
